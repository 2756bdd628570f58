# SPDX-License-Identifier: Apache-2.0
"""Every committed vector file is ASCII JSON whose text decodes to what was meant.

The generator once escaped UTF-8 byte by byte, so "§" (c2 a7) was written as "\\u00c2\\u00a7" and
every reader saw "Â§". Such double-encoded text shows as a UTF-8 lead byte read as Latin-1 (U+00C2
to U+00F4) followed by a continuation byte read as Latin-1 (U+0080 to U+00BF); no vector has a
reason to contain that pair.

    python3 vectors_text.py VECTOR_DIR
"""

import glob
import json
import os
import re
import sys

MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def strings(node, path):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(key, path + "{key}")
            yield from strings(value, "%s.%s" % (path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, "%s[%d]" % (path, i))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: %s VECTOR_DIR" % sys.argv[0])
    files = sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))
    problems = []
    if not files:
        problems.append("no vector files in " + sys.argv[1])
    for path in files:
        name = os.path.basename(path)
        with open(path, "rb") as f:
            raw = f.read()
        if any(b >= 0x80 for b in raw):
            problems.append("%s: not ASCII (non-ASCII text is written as \\u escapes)" % name)
            continue
        for where, text in strings(json.loads(raw.decode("ascii")), "$"):
            match = MOJIBAKE.search(text)
            if match:
                problems.append("%s %s: double-encoded UTF-8 %r in %r" % (name, where, match.group(0), text))
    for p in problems:
        print(p)
    print("%d vector files, %d problems" % (len(files), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
