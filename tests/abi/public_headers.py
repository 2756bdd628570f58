# SPDX-License-Identifier: Apache-2.0
"""The public C headers under include/kartla, read as one: the ABI checks judge the whole ABI,
whichever concern header of whichever tier declares a thing (docs/API-STABILITY.md)."""
import pathlib
import re

STABLE, EXPERIMENTAL = "stable", "experimental"
# The version node of src/capi/kartla.map that exports each tier's functions.
VERSION_NODE = {STABLE: "KARTLA_1", EXPERIMENTAL: "KARTLA_EXPERIMENTAL"}


def headers(include_dir):
    """[(path relative to include/kartla, text)] for every C header, sorted."""
    root = pathlib.Path(include_dir)
    if (root / "kartla").is_dir():
        root = root / "kartla"
    found = sorted(p for p in root.rglob("*.h"))
    if not found:
        raise SystemExit(f"FAIL: no headers under {root}")
    return [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8")) for p in found]


def text(include_dir):
    return "\n".join(t for _, t in headers(include_dir))


def tier(relative_path):
    return EXPERIMENTAL if relative_path.startswith("experimental/") else STABLE


def declared_functions(include_dir):
    """{function name: [(header, tier), ...]}: a function should appear exactly once."""
    out = {}
    for path, body in headers(include_dir):
        for name in re.findall(r"\bKARTLA_API\s+[^;(]*?\b(kartla_\w+)\s*\(", body):
            out.setdefault(name, []).append((path, tier(path)))
    return out
