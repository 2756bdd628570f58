"""Byte and JSON helpers for the CLI cases (lib.sh): what a shell does badly.

  tool.py json FILE|- PATH...      each value at PATH (a.b.0.c; JSON for objects and arrays)
  tool.py flip IN OUT OFFSET [MASK]  IN with the byte at OFFSET xor MASK (default 0x01)
  tool.py cut IN OUT LENGTH        the first LENGTH bytes of IN
  tool.py vector FILE NAME OUT [FIELD]  writes the hex FIELD (default input) of vector NAME
  tool.py hexfile FILE PATH OUT    writes the hex string at PATH of a JSON file as bytes
  tool.py same-content A B         `same content` if two JSON documents are equal once the
                                   members protobuf leaves out (defaults) are dropped
  tool.py find FILE HEX             the offset of the bytes HEX in FILE
  tool.py find-text FILE TEXT       the offset of TEXT (UTF-8) in FILE
  tool.py no-control FILE          `FILE: no control characters` (C0 but newline, DEL, C1)
  tool.py no-section-names FILE WHAT  (section list as `kartla sections --json` on stdin)
                                   `WHAT: names no section` unless FILE names one as a word
  tool.py layout FILE|-            `laid out: 2 spaces` if FILE is exactly json.dumps(indent=2)

OFFSET and LENGTH are python expressions of n, the length of IN (for example n//3 or n-1).
"""

import json
import re
import sys


def load(path):
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    return json.loads(text)


def at(value, path):
    for part in path.split(".") if path else []:
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def without_defaults(value):
    """Protobuf JSON leaves out fields holding their default (false, 0, "", empty, the zero enum
    value): dropped from both sides so an example that spells them out still compares equal."""
    if isinstance(value, dict):
        kept = {k: without_defaults(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if not is_default(v)}
    if isinstance(value, list):
        return [without_defaults(v) for v in value]
    return value


def is_default(v):
    if v in (False, 0, "", "0", [], {}):
        return True
    return isinstance(v, str) and v.endswith("_UNSPECIFIED")


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main(argv):
    command, args = argv[0], argv[1:]
    if command == "json":
        doc = load(args[0])
        for path in args[1:]:
            value = at(doc, path)
            print(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    elif command == "flip":
        data = bytearray(read_bytes(args[0]))
        offset = eval(args[2], {"n": len(data)})
        data[offset] ^= int(args[3], 0) if len(args) > 3 else 0x01
        write_bytes(args[1], bytes(data))
    elif command == "cut":
        data = read_bytes(args[0])
        write_bytes(args[1], data[:eval(args[2], {"n": len(data)})])
    elif command == "vector":
        found = [v for v in load(args[0])["vectors"] if v["name"] == args[1]]
        write_bytes(args[2], bytes.fromhex(found[0][args[3] if len(args) > 3 else "input"]))
    elif command == "hexfile":
        write_bytes(args[2], bytes.fromhex(at(load(args[0]), args[1])))
    elif command == "same-content":
        same = without_defaults(load(args[0])) == without_defaults(load(args[1]))
        print("same content" if same else "!!! DIFFERENT CONTENT: %s %s" % (args[0], args[1]))
    elif command == "layout":
        text = sys.stdin.read() if args[0] == "-" else open(args[0], encoding="utf-8").read()
        good = json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text
        print("laid out: 2 spaces" if good else "!!! NOT LAID OUT as json.dumps(indent=2)")
    elif command == "find":
        print(read_bytes(args[0]).index(bytes.fromhex(args[1])))
    elif command == "find-text":
        print(read_bytes(args[0]).index(args[1].encode()))
    elif command == "no-control":
        text = open(args[0], encoding="utf-8").read()
        bad = sorted({"%#x" % ord(c) for c in text if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f})
        print("%s: no control characters" % args[0] if not bad else "!!! %s holds %s" % (args[0], " ".join(bad)))
    elif command == "no-section-names":
        text = open(args[0], encoding="utf-8").read()
        named = [s["name"] for s in json.load(sys.stdin)
                 if re.search(r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])" % re.escape(s["name"]), text)]
        print("%s: names no section" % args[1] if not named else "!!! %s NAMES %s" % (args[1], ", ".join(named)))
    else:
        sys.exit("tool.py: unknown command %r" % command)


if __name__ == "__main__":
    main(sys.argv[1:])
