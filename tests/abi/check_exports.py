#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""libkartla.so exports exactly the functions the public headers declare KARTLA_API: nothing else
leaks (our layers, protobuf, libsodium, the C++ runtime), and nothing declared is missing. Every
function is declared in exactly one header, and exported under the version node of its tier
(src/capi/kartla.map: KARTLA_1 for the stable headers, KARTLA_EXPERIMENTAL for
include/kartla/experimental/; tink-cc tink/version_script.lds)."""
import argparse
import re
import subprocess
import sys

import public_headers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", required=True)
    parser.add_argument("--include-dir", required=True)
    parser.add_argument("--version-script", required=True)
    args = parser.parse_args()

    declarations = public_headers.declared_functions(args.include_dir)
    declared = set(declarations)
    with open(args.version_script, encoding="utf-8") as f:
        nodes = set(re.findall(r"^\s*(\w+)\s*\{", f.read(), re.M))

    nm = subprocess.run(["nm", "-D", "--defined-only", args.library], capture_output=True, text=True, check=True)
    problems = []
    for name, places in sorted(declarations.items()):
        if len(places) > 1:
            problems.append(f"{name} is declared in more than one header: {[p for p, _ in places]}")
    exported = set()
    for line in nm.stdout.splitlines():
        fields = line.split()
        if len(fields) != 3:
            problems.append(f"cannot read nm line {line!r}")
            continue
        kind, symbol = fields[1], fields[2]
        name, _, version = symbol.partition("@@") if "@@" in symbol else symbol.partition("@")
        if kind == "A" and name in nodes and not version:
            continue  # the version node itself, defined by the version script
        if not re.fullmatch(r"kartla_[a-z0-9_]+", name):
            problems.append(f"exported symbol outside the kartla_ namespace: {symbol} ({kind})")
            continue
        if version not in nodes:
            problems.append(f"{name} is not in a version node of the version script (version {version!r})")
        elif name in declarations:
            header, tier = declarations[name][0]
            if version != public_headers.VERSION_NODE[tier]:
                problems.append(f"{name} is declared in the {tier} header {header} but exported under {version}, "
                                f"not {public_headers.VERSION_NODE[tier]}")
        exported.add(name)

    for name in sorted(exported - declared):
        problems.append(f"{name} is exported but not declared KARTLA_API in any public header")
    for name in sorted(declared - exported):
        problems.append(f"{name} is declared in a public header but not exported (missing from src/capi/kartla.map?)")
    print(f"{len(exported)} exported kartla_ symbols, {len(declared)} declared KARTLA_API, version nodes {sorted(nodes)}")
    for p in problems:
        print(f"FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
