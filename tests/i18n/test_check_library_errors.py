# SPDX-License-Identifier: Apache-2.0
"""Self-test of check_library_errors.py (ctest i18n_library_errors_selftest): on a copy of src/, the
untouched sources pass; a message built by concatenation, one passed in a variable, one passed as
a caught exception's what() and a new literal message without Swedish and Finnish each fail the
check naming the place; so do a content rule's sentence built by concatenation or left
untranslated, a nested message untranslated, and an identifier check's reason in src/codes left
untranslated; a new literal message with both translations passes, as an error and as a rule's
sentence, and so does a caught Error rethrown under another code."""
import contextlib
import io
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_library_errors  # noqa: E402

PLANTED = "// SPDX-License-Identifier: Apache-2.0\nvoid planted() {\n%s\n}\n"
NEW_MESSAGE = "a planted message nobody translated"
NEW_RULE = "a planted rule sentence nobody translated"
TRANSLATED = "a planted message with its translations"


def run(root):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = check_library_errors.main(root)
    return code, out.getvalue()


def add_translation(root, msgid):
    """`msgid` appended to the template, and translated in sv.po and fi.po."""
    i18n = os.path.join(root, "src", "i18n")
    for name, text in (("kartla.pot", ""), ("sv.po", "ett planterat meddelande %s"), ("fi.po", "istutettu viesti %s")):
        with open(os.path.join(i18n, name), "a", encoding="utf-8") as f:
            f.write(f'\nmsgid "{msgid}"\nmsgstr "{text}"\n')


def main(source):
    # (label, body of the planted function or None, whether to add its translations, expected text or None)
    cases = [
        ("untouched", None, False, None),
        ("concatenation", '  fail(Code::io, "could not open " + path);', False,
         "src/model/planted.cpp:3: the message is not a string literal"),
        ("variable", "  fail(Code::schema, message);", False, "src/model/planted.cpp:3: the message is not a string literal"),
        ("what() of a caught error", "  try { f(); } catch (const Error& e) { fail(Code::io, e.what()); }", False,
         "src/model/planted.cpp:3: the message is not a string literal"),
        ("untranslated", f'  fail(Code::io, "{NEW_MESSAGE}");', False, f"{NEW_MESSAGE!r} is not in kartla.pot"),
        ("translated", f'  fail(Code::io, "{TRANSLATED} %s", {{path}});', True, None),
        ("rethrown", "  try { f(); } catch (const Error& e) { fail(Code::io, e); }", False, None),
        ("concatenated rule sentence", '  v.out.report_violation(v.path, "date-real", to_text(d) + " is not a real date");',
         False, "src/model/planted.cpp:3: the message is not a string literal"),
        ("untranslated rule sentence", f'  v.out.report_violation(v.path, "date-real", "{NEW_RULE}");', False,
         f"{NEW_RULE!r} is not in kartla.pot"),
        ("untranslated nested message", f'  fail(Code::schema, localizable("the claim breaks a rule: %s", {{localizable("{NEW_MESSAGE}")}}));',
         False, f"{NEW_MESSAGE!r} is not in kartla.pot"),
        ("translated rule sentence", f'  v.out.report_violation(v.path, "date-real", "{TRANSLATED} %s", {{x}});', True,
         None),
        (os.path.join("codes", "planted.cpp") + ": untranslated identifier reason",
         f'  return fail("se-orgnr-luhn", "{NEW_MESSAGE}");', False, f"{NEW_MESSAGE!r} is not in kartla.pot"),
    ]
    failures = 0
    for label, body, translate, expected in cases:
        with tempfile.TemporaryDirectory() as work:
            root = os.path.join(work, "repo")
            shutil.copytree(os.path.join(source, "src"), os.path.join(root, "src"))
            if body is not None:
                # A label "DIR/planted.cpp: ..." plants the file in src/DIR; the others in src/model.
                where = label.split(":")[0] if label.endswith("identifier reason") else os.path.join("model", "planted.cpp")
                with open(os.path.join(root, "src", where), "w", encoding="utf-8") as f:
                    f.write(PLANTED % body)
            if translate:
                add_translation(root, f"{TRANSLATED} %s")
            code, out = run(root)
            ok = code == 0 if expected is None else code != 0 and expected in out
            if not ok:
                failures += 1
                print(f"FAIL: {label}: exit {code}, expected {'a pass' if expected is None else expected!r}\n{out}")
            else:
                print(f"ok: {label}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
