#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Every kartla_status constant in kartla.h has its own name from kartla_status_name (the
constant without the KARTLA_ prefix), no two codes share a name, and values no version defines
give "UNKNOWN" (a newer library's code reaching an older caller must still print)."""
import argparse
import re
import subprocess
import sys

import public_headers


def enum_constants(header_text):
    block = re.search(r"typedef enum kartla_status \{(.*?)\} kartla_status;", header_text, re.S)
    if not block:
        sys.exit("FAIL: no kartla_status enum in the header")
    return {int(v): n for n, v in re.findall(r"\b(KARTLA_\w+)\s*=\s*(-?\d+)", block.group(1))}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--program", required=True)
    parser.add_argument("--include-dir", required=True)
    args = parser.parse_args()

    codes = enum_constants(public_headers.text(args.include_dir))
    run = subprocess.run([args.program], capture_output=True, text=True, check=True)
    limit = int(re.search(r"^limit (\d+)$", run.stdout, re.M).group(1))
    shown = {int(v): n for v, n in re.findall(r"^(-?\d+) (\S+)$", run.stdout, re.M)}

    problems = []
    if not codes or 0 not in codes or codes[0] != "KARTLA_OK":
        problems.append("KARTLA_OK = 0 is missing from the enum")
    for value, constant in sorted(codes.items()):
        if value >= limit:
            problems.append(f"{constant} = {value} is beyond the program's range: raise KARTLA_TEST_STATUS_LIMIT")
            continue
        expected = constant[len("KARTLA_"):]
        print(f"{value:3} {constant:28} -> {shown.get(value)}")
        if shown.get(value) != expected:
            problems.append(f"kartla_status_name({constant}) is {shown.get(value)!r}, expected {expected!r}")
    names = [shown[v] for v in codes if v in shown]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"two codes are both named {name!r}")
    for value, name in sorted(shown.items()):
        if value not in codes and name != "UNKNOWN":
            problems.append(f"kartla_status_name({value}) is {name!r}, expected 'UNKNOWN'")
    unknown = sorted(v for v in shown if v not in codes)
    print(f"{len(unknown)} undefined values checked for UNKNOWN ({unknown[0]}..{unknown[-1]})")

    for p in problems:
        print(f"FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
