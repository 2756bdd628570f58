#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""docs/MODEL.md checked against the schemas it documents.

    check_model_doc.py --protoc PROTOC --proto-root DIR --doc MODEL.md

MODEL.md is what agency integrators read instead of the .proto files, so it must say exactly
what the schemas say. Every message and enum of package kartla.v1 (the section schemas and the
shared types they use, under DIR/kartla/v1/; the container-level package kartla.v1.container is
private to src/format and documented in docs/SPEC.md instead; results.proto, what the C ABI's
functions return, is documented in its own comments) must have, in MODEL.md:

  - a heading #### `Message` followed by a table | # | field | type | code systems | meaning |
    with one row per field: its number, `name`, type (short name for kartla.v1 types, full name
    otherwise, `repeated ` or `optional ` in front as declared) and the code systems of its
    (kartla.v1.systems) option, in order;
  - for each enum, a line `Enum`: `VALUE` (...), ... naming every value but the zero
    *_UNSPECIFIED one, in the section of the message that declares it; a top-level enum has a
    #### `Enum` section of its own, with that line and no table.

It fails on a message, field or enum value that is missing, extra, or differs. The schemas are
read through protoc (--descriptor_set_out), so the check sees them exactly as the build does.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

PACKAGE = "kartla.v1"
SYSTEMS_OPTION = 51001  # (kartla.v1.systems), proto/kartla/v1/types.proto
# What a function of the C ABI returns, never what a record holds: documented in its own comments
# (and the headers), not in MODEL.md.
NOT_RECORD_CONTENT = {"results.proto"}

SCALARS = {1: "double", 2: "float", 3: "int64", 4: "uint64", 5: "int32", 6: "fixed64", 7: "fixed32",
           8: "bool", 9: "string", 12: "bytes", 13: "uint32", 15: "sfixed32", 16: "sfixed64",
           17: "sint32", 18: "sint64"}
LABEL_REPEATED = 3


# --- protobuf wire format, enough to read a FileDescriptorSet -------------------------------

def varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, i


def wire_fields(buf):
    """(field number, value) for each field: an int for varint/fixed, bytes for length-delimited."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = int.from_bytes(buf[i:i + 8], "little"), i + 8
        elif wire == 2:
            length, i = varint(buf, i)
            value, i = buf[i:i + length], i + length
        elif wire == 5:
            value, i = int.from_bytes(buf[i:i + 4], "little"), i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield number, value


def fields_of(buf):
    out = {}
    for number, value in wire_fields(buf):
        out.setdefault(number, []).append(value)
    return out


def text(values, default=""):
    return values[-1].decode("utf-8") if values else default


# --- the schemas ----------------------------------------------------------------------------

class Schema:
    def __init__(self):
        self.messages = {}  # short name -> dict(file, fields=[(number, name, type, systems)], enums)
        self.top_enums = {}  # short name -> dict(file, values)
        self.problems = []

    def add_enum(self, desc, file, into):
        f = fields_of(desc)
        values = []
        for v in f.get(2, []):
            vf = fields_of(v)
            number = vf.get(2, [0])[-1]
            if number != 0:
                values.append(text(vf.get(1)))
        into[text(f.get(1))] = {"file": file, "values": values}

    def add_message(self, desc, file):
        f = fields_of(desc)
        name = text(f.get(1))
        if name in self.messages:
            self.problems.append(f"two messages named {name}: MODEL.md names messages by their short name")
        fields = []
        for fd in f.get(2, []):
            ff = fields_of(fd)
            kind = ff.get(5, [0])[-1]
            type_name = text(ff.get(6)).lstrip(".")
            if kind in SCALARS:
                shown = SCALARS[kind]
            elif type_name.startswith(PACKAGE + "."):
                shown = type_name.rsplit(".", 1)[-1]
            else:
                shown = type_name
            if ff.get(4, [1])[-1] == LABEL_REPEATED:
                shown = "repeated " + shown
            elif ff.get(17, [0])[-1]:
                shown = "optional " + shown
            systems = []
            for options in ff.get(8, []):
                systems += [v.decode("utf-8") for v in fields_of(options).get(SYSTEMS_OPTION, [])]
            fields.append((ff.get(3, [0])[-1], text(ff.get(1)), shown, systems))
        enums = {}
        for e in f.get(4, []):
            self.add_enum(e, file, enums)
        self.messages[name] = {"file": file, "fields": fields, "enums": enums}
        for nested in f.get(3, []):
            self.add_message(nested, file)


def read_schema(protoc, proto_root):
    files = sorted(os.path.relpath(p, proto_root)
                   for p in glob.glob(os.path.join(proto_root, "kartla", "v1", "*.proto")))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "set.pb")
        subprocess.run([protoc, f"--descriptor_set_out={out}", "-I", proto_root] + files,
                       check=True, cwd=proto_root)
        with open(out, "rb") as f:
            data = f.read()
    schema = Schema()
    for fdp in fields_of(data).get(1, []):
        f = fields_of(fdp)
        if text(f.get(2)) != PACKAGE:
            continue
        file = os.path.basename(text(f.get(1)))
        if file in NOT_RECORD_CONTENT:
            continue
        for m in f.get(4, []):
            schema.add_message(m, file)
        for e in f.get(5, []):
            schema.add_enum(e, file, schema.top_enums)
    return schema


# --- MODEL.md -------------------------------------------------------------------------------

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
MESSAGE_HEADING_RE = re.compile(r"^####\s+`([A-Za-z_][A-Za-z0-9_]*)`\s*$")
ENUM_LINE_RE = re.compile(r"^`([A-Z][A-Za-z0-9_]*)`:\s+(.*)$")
TABLE_HEADER = ["#", "field", "type", "code systems", "meaning"]


def enum_values(rest):
    """The backticked names at parenthesis depth 0: `A` (about A (more)), `B` -> [A, B]."""
    values, depth, i = [], 0, 0
    while i < len(rest):
        c = rest[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "`":
            j = rest.find("`", i + 1)
            if j < 0:
                break
            if depth == 0:
                values.append(rest[i + 1:j])
            i = j
        i += 1
    return values


def read_doc(path):
    """{message: {"line", "rows": [(line, number, name, type, systems)], "enums": {name: (line, values)}}}"""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, problems, current = {}, [], None
    for n, line in enumerate(lines, 1):
        if HEADING_RE.match(line):
            m = MESSAGE_HEADING_RE.match(line)
            current = None
            if m:
                if m.group(1) in blocks:
                    problems.append(f"MODEL.md:{n}: message {m.group(1)} documented twice")
                current = blocks.setdefault(m.group(1), {"line": n, "rows": [], "enums": {}, "table": False})
            continue
        if current is None:
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells == TABLE_HEADER:
                current["table"] = True
                continue
            if set("".join(cells)) <= set("-: "):
                continue
            if not current["table"] or len(cells) != len(TABLE_HEADER):
                problems.append(f"MODEL.md:{n}: a field row needs the columns {' | '.join(TABLE_HEADER)}")
                continue
            number, name, shown, systems = cells[0], cells[1], cells[2], cells[3]
            if not number.isdigit() or not re.fullmatch(r"`[a-z0-9_]+`", name):
                problems.append(f"MODEL.md:{n}: field row should start | number | `name` |: {line}")
                continue
            current["rows"].append((n, int(number), name.strip("`"), shown,
                                    re.findall(r"`([^`]+)`", systems)))
            continue
        m = ENUM_LINE_RE.match(line)
        if m:
            current["enums"][m.group(1)] = (n, enum_values(m.group(2)))
    return blocks, problems


# --- the comparison -------------------------------------------------------------------------

def compare(schema, blocks):
    problems = list(schema.problems)
    for name, block in blocks.items():
        if name not in schema.messages and name not in schema.top_enums:
            problems.append(f"MODEL.md:{block['line']}: extra: `{name}` is documented, but no message "
                            f"{PACKAGE}.{name} exists")
    for name, message in schema.messages.items():
        block = blocks.get(name)
        if block is None:
            problems.append(f"MODEL.md: missing: message {name} ({message['file']}) has no #### `{name}` "
                            "section with a field table")
            continue
        where = f"MODEL.md:{block['line']}: {name}"
        rows = {}
        for row in block["rows"]:
            if row[1] in rows:
                problems.append(f"MODEL.md:{row[0]}: {name}: field number {row[1]} listed twice")
            rows[row[1]] = row
        declared = {f[0]: f for f in message["fields"]}
        for number, fname, shown, systems in message["fields"]:
            row = rows.get(number)
            if row is None:
                problems.append(f"{where}: missing field {number} `{fname}` ({shown})")
                continue
            line, _, doc_name, doc_type, doc_systems = row
            if doc_name != fname:
                problems.append(f"MODEL.md:{line}: {name}: field {number} is `{fname}`, documented as `{doc_name}`")
            if doc_type != shown:
                problems.append(f"MODEL.md:{line}: {name}.{fname}: type is '{shown}', documented as '{doc_type}'")
            if doc_systems != systems:
                problems.append(f"MODEL.md:{line}: {name}.{fname}: code systems are {systems or 'none'}, "
                                f"documented as {doc_systems or 'none'}")
        for number, row in rows.items():
            if number not in declared:
                problems.append(f"MODEL.md:{row[0]}: {name}: extra field {number} `{row[2]}`: not in "
                                f"{message['file']}")
        for ename, enum in message["enums"].items():
            problems += compare_enum(name, ename, enum, block["enums"].get(ename), where)
        for ename in block["enums"]:
            if ename not in message["enums"]:
                problems.append(f"MODEL.md:{block['enums'][ename][0]}: {name}: extra enum `{ename}`")
    for ename, enum in schema.top_enums.items():
        block = blocks.get(ename)
        if block is None:
            problems.append(f"MODEL.md: missing: enum {ename} ({enum['file']}) has no #### `{ename}` section")
            continue
        problems += compare_enum(ename, ename, enum, block["enums"].get(ename), f"MODEL.md:{block['line']}: {ename}")
        if block["rows"]:
            problems.append(f"MODEL.md:{block['line']}: {ename} is an enum: it has no field table")
    return problems


def compare_enum(message, ename, enum, found, where):
    if found is None:
        return [f"{where}: missing: enum {ename} has no line `{ename}`: `VALUE` (...), ... after the table"]
    line, values = found
    if values != enum["values"]:
        missing = [v for v in enum["values"] if v not in values]
        extra = [v for v in values if v not in enum["values"]]
        detail = "; ".join(part for part in (
            f"missing {', '.join(missing)}" if missing else "",
            f"extra {', '.join(extra)}" if extra else "",
            "order differs" if not missing and not extra else "") if part)
        return [f"MODEL.md:{line}: {message}.{ename}: values {detail} (schema: {', '.join(enum['values'])})"]
    return []


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--protoc", required=True)
    parser.add_argument("--proto-root", required=True, help="the directory holding kartla/v1/*.proto")
    parser.add_argument("--doc", required=True)
    args = parser.parse_args(argv[1:])
    schema = read_schema(args.protoc, os.path.abspath(args.proto_root))
    blocks, problems = read_doc(args.doc)
    problems += compare(schema, blocks)
    for p in problems:
        print(p)
    if problems:
        print(f"model_doc: {len(problems)} difference(s) between {args.doc} and the schemas")
        return 1
    fields = sum(len(m["fields"]) for m in schema.messages.values())
    print(f"model_doc: {len(schema.messages)} messages, {fields} fields and "
          f"{len(schema.top_enums) + sum(len(m['enums']) for m in schema.messages.values())} enums agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
