# SPDX-License-Identifier: Apache-2.0
"""The README's C snippet compiles as written, as C (C99) and as C++ (C++17), with warnings as
errors: a reader copies it first, and a snippet that does not compile (or compiles only in one
language) is the first thing they would trust less.

    python3 check_readme_snippet.py README.md INCLUDE_DIR CC CXX
"""

import os
import re
import subprocess
import sys
import tempfile


def snippet(readme):
    text = open(readme, encoding="utf-8").read()
    section = text.split("## Using the library", 1)
    if len(section) != 2:
        sys.exit("README has no '## Using the library' section")
    found = re.search(r"```c\n(.*?)```", section[1], re.S)
    if not found:
        sys.exit("no ```c block under '## Using the library'")
    return found.group(1)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    readme, include, cc, cxx = sys.argv[1:]
    code = snippet(readme)
    failed = False
    with tempfile.TemporaryDirectory() as work:
        for compiler, suffix, std in ((cc, ".c", "-std=c99"), (cxx, ".cpp", "-std=c++17")):
            source = os.path.join(work, "snippet" + suffix)
            open(source, "w", encoding="utf-8").write(code)
            cmd = [compiler, std, "-Wall", "-Wextra", "-pedantic", "-Werror", "-I", include, "-c", source,
                   "-o", os.path.join(work, "snippet" + suffix + ".o")]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            print("%-4s %s" % ("ok" if proc.returncode == 0 else "FAIL", " ".join(cmd[:2])))
            if proc.returncode != 0:
                failed = True
                print(proc.stdout + proc.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
