#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Every function the public headers declare is called by the misuse test, so a new API function cannot
ship without its NULL, length and output-buffer cases (the libsodium misuse.c discipline)."""
import re
import sys

import public_headers


def main(include_dir, *sources):
    declared = set(public_headers.declared_functions(include_dir))
    called = set()
    for source in sources:
        with open(source, encoding="utf-8") as f:
            called |= set(re.findall(r"\b(kartla_\w+)\s*\(", f.read()))
    missing = sorted(declared - called)
    print(f"{len(declared)} functions declared, {len(declared) - len(missing)} exercised by the misuse test")
    for name in missing:
        print(f"FAIL: {name} is never called by the misuse test")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
