#!/usr/bin/env python3
"""Every function kartla.h declares is called by the misuse test, so a new API function cannot
ship without its NULL, length and output-buffer cases (the libsodium misuse.c discipline)."""
import re
import sys


def main(header, *sources):
    with open(header, encoding="utf-8") as f:
        declared = set(re.findall(r"\bKARTLA_API\s+[^;(]*?\b(kartla_\w+)\s*\(", f.read()))
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
