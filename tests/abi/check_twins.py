#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs the twins program and checks that it covered every value macro of kartla.h, and that the
header's versions agree with the built library's SONAME and the CMake project version (the
version that pkg-config and find_package report)."""
import argparse
import re
import subprocess
import sys

import public_headers

# Macros that are not values: the attribute macros (and every header's include guard, KARTLA_*_H).
NOT_VALUES = {"KARTLA_API", "KARTLA_MUST_CHECK"}
# Value macros that have no function twin yet. Each is a known gap in kartla.h (FFI binders cannot see macros),
# listed here so the gap is visible in every test log instead of hidden by the check.
KNOWN_WITHOUT_TWIN = {
    "KARTLA_SAVE_CREATE_ONLY": "a flag bit for kartla_identity_save; FFI users must copy the value 1",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--program", required=True)
    parser.add_argument("--include-dir", required=True)
    parser.add_argument("--library", required=True, help="the built libkartla.so")
    parser.add_argument("--project-version", required=True)
    args = parser.parse_args()

    run = subprocess.run([args.program], capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    problems = []
    if run.returncode != 0:
        problems.append(f"{args.program} exited with {run.returncode}")

    checked = set(re.findall(r"^twin (\w+)$", run.stdout, re.M))
    values = dict(re.findall(r"^value (\w+) (.*)$", run.stdout, re.M))
    macros = set(re.findall(r"^\s*#\s*define\s+(KARTLA_\w+)", public_headers.text(args.include_dir), re.M)) - NOT_VALUES
    macros = {m for m in macros if not m.endswith("_H")}
    for name in sorted(macros - checked - KNOWN_WITHOUT_TWIN.keys()):
        problems.append(f"{name} is defined in a public header but has no checked function twin (add it to twins.c)")
    for name, why in sorted(KNOWN_WITHOUT_TWIN.items()):
        if name in macros:
            print(f"note: {name} has no function twin: {why}")

    readelf = subprocess.run(["readelf", "-d", args.library], capture_output=True, text=True, check=True)
    soname = re.search(r"\(SONAME\).*\[(.*)\]", readelf.stdout)
    expected_soname = f"libkartla.so.{values.get('KARTLA_ABI_VERSION', '?')}"
    print(f"SONAME {soname.group(1) if soname else None}, expected {expected_soname}")
    if not soname or soname.group(1) != expected_soname:
        problems.append(f"the library's SONAME is not {expected_soname}: bump KARTLA_SOVERSION and KARTLA_ABI_VERSION together")

    header_version = values.get("KARTLA_VERSION_STRING")
    print(f"CMake project version {args.project_version}, KARTLA_VERSION_STRING {header_version}")
    if header_version != args.project_version:
        problems.append("project(VERSION) in CMakeLists.txt and KARTLA_VERSION_STRING disagree")

    for p in problems:
        print(f"FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
