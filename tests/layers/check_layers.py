#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The layer table (src/LAYERS, docs/THREATS.md "Where the defences live") checked on the sources.

    check_layers.py REPO_ROOT

The build already gives each layer an include root with only itself and the layers below it
(src/CMakeLists.txt). This check covers what an include path cannot express, and the table
itself:

  layer-upward / layer-sideways  an #include (quoted, angled or relative "../") of a layer above,
                                 or beside on the same level;
  layer-public-only              a public-only layer (the CLI) including anything of src/ but its
                                 own directory;
  layer-unknown-directory        a source directory under src/ that is not in the table;
  sodium-outside-crypto          sodium.h included outside src/crypto (secrets stay in crypto);
  container-schema-outside-format  a container-level schema (package kartla.v1.container) used
                                 outside src/format, by header or by C++ namespace;
  extern-c-outside-capi          extern "C" outside src/capi and include/ (one ABI surface);
  table-mismatch                 src/LAYERS and the table in docs/THREATS.md disagree.

Comments are ignored, so a comment may name what it must not do. Exit status 1 with one
`path:line: rule: message` per violation, 0 when clean.
"""

import os
import re
import sys

SOURCE_EXTENSIONS = (".h", ".hh", ".hpp", ".c", ".cc", ".cpp", ".cxx", ".inc", ".ipp")
INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]', re.M)
EXTERN_C_RE = re.compile(r'\bextern\s*"C"')
CONTAINER_NAMESPACE_RE = re.compile(r"\bv1\s*::\s*container\b")
CONTAINER_PACKAGE_RE = re.compile(r"^package\s+kartla\.v1\.container\s*;", re.M)
THREATS_HEADING = "## Where the defences live"


class Table:
    """src/LAYERS: levels (lowest first), extra directories, public-only layers."""

    def __init__(self, path):
        self.levels = []  # list of lists of layer names
        self.owns = {}  # layer -> [directory relative to the repository]
        self.public_only = set()
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.split("#", 1)[0].split()
                if not line:
                    continue
                if line[0] == "owns":
                    self.owns.setdefault(line[1], []).append(line[2].rstrip("/"))
                elif line[0] == "public-only":
                    self.public_only.update(line[1:])
                else:
                    self.levels.append(line)
        self.level = {name: i for i, names in enumerate(self.levels) for name in names}

    def layer_of(self, rel):
        """The layer owning a repository-relative path, '?name' for an unknown src/ directory,
        or None for a path outside every layer."""
        parts = rel.split("/")
        if parts[0] == "src" and len(parts) >= 3:
            return parts[1] if parts[1] in self.level else "?" + parts[1]
        for layer, dirs in self.owns.items():
            for d in dirs:
                if rel == d or rel.startswith(d + "/"):
                    return layer
        return None


def strip_comments(text):
    """The text with // and /* */ comments blanked (newlines kept, so line numbers hold);
    string and character literals, including raw strings, are left as they are."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        two = text[i:i + 2]
        if two == "//":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif two == "/*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text[i + 1:i + 2] == '"' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]{0,16})\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(text[i:j])
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def container_headers(root):
    """kartla/v1/<stem>.pb.h of every schema whose package is kartla.v1.container."""
    found = set()
    proto_dir = os.path.join(root, "proto", "kartla", "v1")
    if os.path.isdir(proto_dir):
        for name in sorted(os.listdir(proto_dir)):
            if name.endswith(".proto"):
                with open(os.path.join(proto_dir, name), encoding="utf-8") as f:
                    if CONTAINER_PACKAGE_RE.search(f.read()):
                        found.add("kartla/v1/" + name[: -len(".proto")] + ".pb.h")
    return found


def resolve(root, rel_file, kind, path):
    """The repository-relative file an include names, as the compiler would look for it from
    src/ or include/ (and, for "", the including file's directory first). A path that exists
    nowhere still resolves when its first component names a directory under src/, so that a
    missing header cannot hide an upward include."""
    candidates = []
    if kind == '"':
        candidates.append(os.path.normpath(os.path.join(os.path.dirname(rel_file), path)))
    candidates += [os.path.normpath(os.path.join(base, path)) for base in ("src", "include")]
    for c in candidates:
        if not c.startswith("..") and os.path.isfile(os.path.join(root, c)):
            return c
    if kind == '"' and path.startswith(".."):
        return candidates[0]
    first = path.split("/", 1)[0]
    if "/" in path and os.path.isdir(os.path.join(root, "src", first)):
        return os.path.normpath(os.path.join("src", path))
    return None


def source_files(root):
    for top in ("src", "include"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(SOURCE_EXTENSIONS):
                    yield os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")


def parse_threats_table(path):
    """The rows of the layer table in THREATS.md: (row number, layer cell, [backticked paths])."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    try:
        start = lines.index(THREATS_HEADING)
    except ValueError:
        return None
    rows = []
    for i, line in enumerate(lines[start + 1:], start + 2):
        if line.startswith("## "):
            break
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] in ("Layer", "") or set(cells[0]) <= set("-: "):
            continue
        rows.append((i, cells[0], re.findall(r"`([^`]+)`", cells[1])))
    return rows


def check_table(root, table):
    problems = []
    threats = os.path.join(root, "docs", "THREATS.md")
    rel = "docs/THREATS.md"
    rows = parse_threats_table(threats) if os.path.isfile(threats) else None
    if rows is None:
        return [f"{rel}:1: table-mismatch: no section '{THREATS_HEADING}' with the layer table"]
    if len(rows) != len(table.levels):
        problems.append(f"{rel}:{rows[0][0] if rows else 1}: table-mismatch: {len(rows)} rows, but src/LAYERS "
                        f"has {len(table.levels)} levels")
    for (line, cell, paths), names in zip(rows, table.levels):
        dirs = sorted(p.rstrip("/")[len("src/"):] for p in paths if p.startswith("src/"))
        if dirs != sorted(names):
            problems.append(f"{rel}:{line}: table-mismatch: row '{cell}' lists "
                            f"{', '.join('src/' + d for d in dirs) or 'no src/ directory'}; src/LAYERS has "
                            f"{', '.join('src/' + n for n in names)} on this level")
        for name in names:
            for extra in table.owns.get(name, []):
                if not any(p == extra or p.startswith(extra + "/") for p in paths):
                    problems.append(f"{rel}:{line}: table-mismatch: row '{cell}' does not show "
                                    f"{extra}/, which src/LAYERS gives to {name}")
    for names in table.levels:
        for name in names:
            if not os.path.isdir(os.path.join(root, "src", name)):
                problems.append(f"src/LAYERS:1: table-mismatch: layer {name} has no directory src/{name}")
    return problems


def check(root):
    table = Table(os.path.join(root, "src", "LAYERS"))
    problems = check_table(root, table)
    private_schemas = container_headers(root)
    count = 0
    for rel in source_files(root):
        count += 1
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            text = strip_comments(f.read())
        layer = table.layer_of(rel)
        if layer and layer.startswith("?"):
            problems.append(f"{rel}:1: layer-unknown-directory: src/{layer[1:]} is not in src/LAYERS "
                            "(add it on the level it belongs to, and to docs/THREATS.md)")
            layer = None
        for m in INCLUDE_RE.finditer(text):
            kind, path = m.group(1), m.group(2).strip()
            where = f"{rel}:{line_of(text, m.start())}"
            if (path == "sodium.h" or path.startswith("sodium/")) and layer != "crypto":
                problems.append(f"{where}: sodium-outside-crypto: includes {path}; only src/crypto may")
            if path in private_schemas and layer != "format":
                problems.append(f"{where}: container-schema-outside-format: includes {path}; the "
                                "container schemas are private to src/format")
            if layer is None:
                continue
            target = resolve(root, rel, kind, path)
            if target is None:
                continue
            other = table.layer_of(target)
            if other is None or other == layer:
                continue
            if layer in table.public_only:
                if not target.startswith("include/"):
                    problems.append(f"{where}: layer-public-only: {layer} uses only the public headers; "
                                    f"includes {target}")
                continue
            if other.startswith("?"):
                problems.append(f"{where}: layer-unknown-directory: includes {target}, in src/{other[1:]}, "
                                "which is not in src/LAYERS")
            elif table.level[other] > table.level[layer]:
                problems.append(f"{where}: layer-upward: {layer} includes {target}, of {other}, a layer above it")
            elif table.level[other] == table.level[layer]:
                problems.append(f"{where}: layer-sideways: {layer} includes {target}, of {other}, beside it "
                                "on the same level")
        if layer != "format":
            for m in CONTAINER_NAMESPACE_RE.finditer(text):
                problems.append(f"{rel}:{line_of(text, m.start())}: container-schema-outside-format: names "
                                "kartla::v1::container; the container schemas are private to src/format")
        if layer != "capi" and not rel.startswith("include/"):
            for m in EXTERN_C_RE.finditer(text):
                problems.append(f"{rel}:{line_of(text, m.start())}: extern-c-outside-capi: extern \"C\" belongs "
                                "in src/capi and the public headers only")
    return count, problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().split("\n")[2].strip(), file=sys.stderr)
        return 2
    count, problems = check(argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"layers_check: {len(problems)} violation(s) of the layer table in {count} files")
        return 1
    print(f"layers_check: {count} files follow src/LAYERS")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
