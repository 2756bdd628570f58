# SPDX-License-Identifier: Apache-2.0
"""The manual page and the shell completions are generated from the help text and agree with it:
the page names every command `kartla --help` lists and renders with man(1) when it is there; the
bash completion completes command words, a group's commands and a command's options.

    python3 test_manual.py KARTLA_BINARY
"""

import re
import shutil
import subprocess
import sys


def run(*args, **kw):
    return subprocess.run(args, capture_output=True, text=True, check=True, **kw).stdout


def complete(script, *words):
    """COMPREPLY for `kartla WORDS` with the cursor on the last word."""
    line = " ".join("'%s'" % w for w in words)
    program = script + "\nCOMP_WORDS=(kartla %s)\nCOMP_CWORD=%d\n_kartla\nprintf '%%s\\n' \"${COMPREPLY[@]}\"\n" % (
        line, len(words))
    return sorted(subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True,
                                 check=True).stdout.split())


def main():
    binary = sys.argv[1]
    failures = []

    def check(ok, what):
        print("%-4s %s" % ("ok" if ok else "FAIL", what))
        if not ok:
            failures.append(what)

    help_text = run(binary, "--help")
    listed = re.findall(r"^  ([a-z]+(?: [a-z]+)?)\s{2,}", help_text.split("Commands:")[1].split("\n\n")[0], re.M)
    page = run(binary, "help", "--man")
    check(page.startswith(".TH KARTLA 1"), "the manual page is troff with its title")
    missing = [c for c in listed if ".SS kartla " + c.replace("-", "\\-") not in page]
    check(len(listed) > 20 and not missing, "it has a section for each of the %d commands (missing %s)" % (len(listed), missing))
    if shutil.which("man"):
        rendered = subprocess.run(["man", "-l", "-"], input=page, capture_output=True, text=True,
                                  env={"MANWIDTH": "100", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        check(rendered.returncode == 0 and "kartla record set" in rendered.stdout, "man renders it")

    bash = run(binary, "help", "--completion", "bash")
    check("record" in complete(bash, "rec") and "receipt" in complete(bash, "rec"), "a first word: rec -> record, receipt")
    check(complete(bash, "identity", "") == sorted(["card", "fingerprint", "new", "passwd", "recover"]),
          "a group's commands: identity -> %s" % complete(bash, "identity", ""))
    check("--in" in complete(bash, "record", "set", "x.kartla", "--"), "a command's options: record set -- -> --in")
    check("--owner" in complete(bash, "share", "--o"), "a top-level command's options: share --o -> --owner")
    zsh = run(binary, "help", "--completion", "zsh")
    check(zsh.startswith("#compdef kartla") and "_kartla()" in zsh, "the zsh completion")
    wrong = subprocess.run([binary, "help", "--completion", "fish"], capture_output=True, text=True)
    check(wrong.returncode == 2, "an unknown shell is a usage error")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
