# SPDX-License-Identifier: Apache-2.0
"""The packaged libkartla exports exactly what libkartla.so exports and needs only the C library.

    python3 check_packaged.py PACKAGED_LIB NORMAL_LIB

A jar, wheel or npm package carries the packaged library as its one native file: any other
dependency (protobuf, libsodium, libstdc++) would have to exist, in a matching version, on every
machine it runs on; any extra exported symbol could collide with the host process's own copy.
"""

import re
import subprocess
import sys

# What any Linux process already has.
SYSTEM_LIBRARIES = {"libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libpthread.so.0", "libdl.so.2"}


def dynamic_symbols(path):
    out = subprocess.run(["nm", "-D", "--defined-only", path], check=True, capture_output=True, text=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def needed(path):
    out = subprocess.run(["readelf", "-d", path], check=True, capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def main(packaged, normal):
    failures = []
    mine, theirs = dynamic_symbols(packaged), dynamic_symbols(normal)
    if mine != theirs:
        failures.append("exports differ: only packaged %s, only libkartla %s"
                        % (sorted(mine - theirs)[:20], sorted(theirs - mine)[:20]))
    foreign = sorted(s for s in mine if not s.startswith("kartla_") and s not in ("KARTLA_1", "KARTLA_EXPERIMENTAL"))
    if foreign:
        failures.append("exports symbols that are not Kartla's: %s" % foreign[:20])
    extra = sorted(needed(packaged) - SYSTEM_LIBRARIES)
    if extra:
        failures.append("needs libraries a package would have to carry: %s" % extra)
    for f in failures:
        print("FAIL:", f)
    print("%d exported symbols; needs %s" % (len(mine), ", ".join(sorted(needed(packaged)))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
