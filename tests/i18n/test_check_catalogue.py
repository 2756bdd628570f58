# SPDX-License-Identifier: Apache-2.0
"""Self-test of check_catalogue.py (ctest i18n_catalogue_selftest): on a copy of the sources, the
untouched catalogue passes, and each planted fault fails the check with its own message: an
untranslated and a fuzzy entry (in sv/fi, and in a view message of ar/fa_AF), a translation whose format differs from the English, a message
used in code but missing from the template, and a plural rule the runtime does not evaluate."""
import contextlib
import io
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_catalogue  # noqa: E402


def run(root, build):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = check_catalogue.main(root, build)
    return code, out.getvalue()


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main(source, build):
    faults = [
        ("untranslated", "src/i18n/sv.po", 'msgid "yes"\nmsgstr "ja"', 'msgid "yes"\nmsgstr ""', "sv.po: untranslated: yes"),
        ("fuzzy", "src/i18n/fi.po", '\nmsgid "yes"\n', '\n#, fuzzy\nmsgid "yes"\n', "fi.po: fuzzy: yes"),
        ("format mismatch", "src/i18n/sv.po", 'msgstr "sedan %s"', 'msgstr "sedan %d"', "sv.po: msgfmt --check fails"),
        ("missing from the template", "src/views/labels.cpp", 'tr(language, "since %s")',
         'tr(language, "a message nobody added")', "kartla.pot: missing 'a message nobody added'"),
        ("untranslated view message in Arabic", "src/i18n/ar.po", 'msgid "yes"\nmsgstr "نعم"',
         'msgid "yes"\nmsgstr ""', "ar.po: untranslated: yes"),
        ("fuzzy view message in Dari", "src/i18n/fa_AF.po", '\nmsgid "yes"\n', '\n#, fuzzy\nmsgid "yes"\n',
         "fa_AF.po: fuzzy: yes"),
        ("plural rule", "src/i18n/fi.po", "plural=(n != 1);", "plural=(n > 1);", "fi.po: plural rule"),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        for label, path, old, new, expected in [("untouched", None, None, None, None)] + faults:
            root = os.path.join(work, re.sub(r"\W", "_", label))
            # All of src/: the template holds the library's error messages too (update-catalogue.sh).
            shutil.copytree(os.path.join(source, "src"), os.path.join(root, "src"))
            if path:
                edit(os.path.join(root, path), old, new)
            code, out = run(root, build)
            ok = code == 0 if expected is None else (code != 0 and expected in out)
            print(("ok    " if ok else "FAIL  ") + label)
            if not ok:
                failures += 1
                print(out)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
