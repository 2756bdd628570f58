# SPDX-License-Identifier: Apache-2.0
"""Self-test of check_cli_literals.py (ctest i18n_cli_literals_selftest): on a copy of src/cli, the
untouched sources pass, each planted English literal fails the check naming it (in a new file,
an error message unmarked in a converted file, a one-word label, prose passed as the argument of a
marked message), text marked for the catalogue in each of the
four ways passes, and a file left on NOT_YET_CONVERTED once it is clean fails."""
import contextlib
import io
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_cli_literals  # noqa: E402

PLANTED = "// SPDX-License-Identifier: Apache-2.0\nvoid planted() {\n%s\n}\n"


def run(root):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = check_cli_literals.main(root)
    return code, out.getvalue()


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main(source):
    # (label, file, old text or None for a new file, new text, expected line or None to pass)
    cases = [
        ("untouched", None, None, None, None),
        ("new file", "planted.cpp", None, '  usage_error("a message nobody translated");',
         "planted.cpp:3: text for a person not from the catalogue"),
        ("unmarked error", "args.cpp", "fill(T(\"unexpected argument '%s'\"),", "fill(\"unexpected argument '%s'\",",
         "args.cpp:"),
        ("unmarked label", "main.cpp", 'T("Options:")', '"Options:"', "'Options:'"),
        ("prose as a format argument", "planted.cpp", None, '  fill(T("a %s b"), {"two words here"});', "'two words here'"),
        ("marked four ways", "planted.cpp", None,
         '  T("one message");\n  N_("two message");\n  TC("context", "three message");\n'
         '  TN("one thing here", "many things here", n);\n  fill(T("a %s b"), {"--json"});', None),
        ("clean file still listed", "args.cpp", None, None, "src/cli/args.cpp is clean: remove it"),
    ]
    failures = 0
    listed = set(check_cli_literals.NOT_YET_CONVERTED)
    with tempfile.TemporaryDirectory() as work:
        for label, name, old, new, expected in cases:
            root = os.path.join(work, label.replace(" ", "_"))
            shutil.copytree(os.path.join(source, "src", "cli"), os.path.join(root, "src", "cli"))
            check_cli_literals.NOT_YET_CONVERTED = set(listed)
            if label == "clean file still listed":
                check_cli_literals.NOT_YET_CONVERTED.add(name)
            elif old is None and name:
                with open(os.path.join(root, "src", "cli", name), "w", encoding="utf-8") as f:
                    f.write(PLANTED % new)
            elif name:
                edit(os.path.join(root, "src", "cli", name), old, new)
            code, out = run(root)
            ok = code == 0 if expected is None else (code != 0 and expected in out)
            print(("ok    " if ok else "FAIL  ") + label)
            if not ok:
                failures += 1
                print(out)
    check_cli_literals.NOT_YET_CONVERTED = listed
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
