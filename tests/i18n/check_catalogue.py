# SPDX-License-Identifier: Apache-2.0
"""The message catalogue's check (docs/I18N.md), run as the ctest i18n_catalogue.

Fails when
  - a message the code uses (xgettext's extraction, plus the entries the views look up by data:
    src/i18n/update-catalogue.sh --pot) is missing from src/i18n/kartla.pot, or the template holds
    one the code no longer uses (run update-catalogue.sh);
  - a catalogue lacks an entry of the template, or holds one that is not in it;
  - sv.po or fi.po leaves an entry untranslated or fuzzy (msgattrib --untranslated / --only-fuzzy);
  - ar.po, so.po, ti.po or fa_AF.po (the web app's further languages) leaves untranslated or fuzzy
    an entry the views use: one that src/views/, src/codes/ or the schemas (proto/) refer to, not
    those only the CLI's code or the library's errors refer to;
  - msgfmt --check rejects a catalogue (a c-format translation whose directives differ from the
    English, a broken header or plural form);
  - a catalogue's plural rule is not the one the runtime evaluates (src/i18n/messages.cpp).
Entries marked "# unchecked: machine-made" are counted and listed by language, not failed: they
are translations waiting for a reviewer, and the count says how many.
"""
import os
import re
import subprocess
import sys
import tempfile

REQUIRED_COMPLETE = ("sv", "fi")
# Complete for what a participant reads in the record views and code labels; the CLI's messages
# (a caseworker's or developer's tool) and the library's error messages may stay English in these.
REQUIRED_FOR_VIEWS = ("ar", "so", "ti", "fa_AF")
LANGUAGES = ("sv", "fi", "en") + REQUIRED_FOR_VIEWS
# Where the messages the views show come from (the other references are the CLI's and the
# library's errors). src/codes/identifiers.cpp gives only the reasons an identity or organisation
# number is refused, which a refused section's error shows (docs/I18N.md): library errors.
VIEW_SOURCES = ("src/views/", "src/codes/", "proto/")
ERROR_SOURCES_AMONG_VIEWS = ("src/codes/identifiers.cpp",)
PLURAL_RULE = "nplurals=2; plural=(n != 1);"
MACHINE_MARK = "# unchecked: machine-made"


def entries(path):
    """(msgctxt, msgid) of every live entry but the header, and the machine-made count."""
    keys, machine = set(), 0
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for block in text.split("\n\n"):
        lines = [l for l in block.strip().splitlines() if not l.startswith("#~")]
        if not lines:
            continue
        ctx, msgid, current = None, None, None
        for line in lines:
            if line.startswith("msgctxt "):
                current, ctx = "ctx", unquote(line[8:])
            elif line.startswith("msgid "):
                current, msgid = "id", unquote(line[6:])
            elif line.startswith('"') and current in ("ctx", "id"):
                if current == "ctx":
                    ctx += unquote(line)
                else:
                    msgid += unquote(line)
            elif not line.startswith("#"):
                current = None
        if msgid is None or msgid == "":
            continue
        keys.add((ctx, msgid))
        if MACHINE_MARK in lines:
            machine += 1
    return keys, machine


def lacking(po, flag):
    """(msgid, not used by the views) of every entry msgattrib selects with `flag`."""
    r = run(["msgattrib", flag, "--no-obsolete", "--no-wrap", po])
    found = []
    for block in r.stdout.split("\n\n"):
        refs = [ref for line in block.splitlines() if line.startswith("#:") for ref in line[2:].split()]
        m = re.search(r'^msgid "(.+)"$', block, re.M)
        if m:
            found.append((m.group(1), bool(refs) and not any(
                ref.startswith(VIEW_SOURCES) and not ref.startswith(ERROR_SOURCES_AMONG_VIEWS) for ref in refs)))
    return found


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return bytes(s[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def show(key):
    ctx, msgid = key
    return (f"[{ctx}] " if ctx else "") + repr(msgid)


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def main(source, build):
    i18n = os.path.join(source, "src", "i18n")
    failures = []
    with tempfile.TemporaryDirectory() as work:
        fresh = os.path.join(work, "fresh.pot")
        r = run(["sh", os.path.join(i18n, "update-catalogue.sh"), build, "--pot", fresh])
        if r.returncode != 0:
            print(r.stdout + r.stderr)
            return 1
        used, _ = entries(fresh)
    template, _ = entries(os.path.join(i18n, "kartla.pot"))
    for key in sorted(used - template, key=str):
        failures.append(f"kartla.pot: missing {show(key)}, which the code uses (run src/i18n/update-catalogue.sh)")
    for key in sorted(template - used, key=str):
        failures.append(f"kartla.pot: {show(key)} is no longer used by the code (run src/i18n/update-catalogue.sh)")
    for lang in LANGUAGES:
        po = os.path.join(i18n, f"{lang}.po")
        keys, machine = entries(po)
        for key in sorted(template - keys, key=str):
            failures.append(f"{lang}.po: missing {show(key)}")
        for key in sorted(keys - template, key=str):
            failures.append(f"{lang}.po: {show(key)} is not in kartla.pot")
        r = run(["msgfmt", "--check", "-o", os.devnull, po])
        if r.returncode != 0:
            failures.append(f"{lang}.po: msgfmt --check fails:\n{r.stderr}")
        header = open(po, encoding="utf-8").read()
        if f'"Plural-Forms: {PLURAL_RULE}\\n"' not in header:
            failures.append(f"{lang}.po: plural rule is not '{PLURAL_RULE}', the one messages.cpp evaluates")
        if lang in REQUIRED_COMPLETE or lang in REQUIRED_FOR_VIEWS:
            for flag, what in (("--untranslated", "untranslated"), ("--only-fuzzy", "fuzzy")):
                for msgid, not_in_views in lacking(po, flag):
                    if lang in REQUIRED_COMPLETE or not not_in_views:
                        failures.append(f"{lang}.po: {what}: {msgid}")
        print(f"{lang}.po: {len(keys)} entries, {machine} machine-made and unchecked")
    for f in failures:
        print("FAIL: " + f)
    print(f"{len(template)} messages in kartla.pot; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
