# SPDX-License-Identifier: Apache-2.0
"""The library's error messages are catalogue messages (docs/I18N.md, "The library's errors"); run
as the ctest i18n_library_errors.

Every place below the CLI and the views that records an error, fail(code, MESSAGE, ...),
throw Error(code, MESSAGE, ...) and attest's invalid(check, finding, code, MESSAGE, ...), and every
content rule's sentence, report_violation(path, rule, MESSAGE, ...), and reason of src/codes'
identifier checks, fail(rule, MESSAGE), and every message nested in another,
localizable(MESSAGE, ...), must give
MESSAGE as a string literal (adjacent literals are one), the msgid xgettext extracts; values go in
the {arguments}. A concatenation ("section '" + name + "'") would reach the catalogue as the
fragment "section '", and a variable not at all, so a reader of another language would get
English. Also accepted: a caught Error rethrown under another code (fail(code, e)), which keeps
its own msgid, a localizable(...) call as the message (checked itself), and the few expressions
in ALLOWED, each with its reason.

Then, for every msgid found, the template src/i18n/kartla.pot must hold it and sv.po and fi.po
translate it (i18n_catalogue checks the same for the whole catalogue, and that the translation
takes the same %s arguments); this check names the library's messages that lack one, so a new
fail() without its Swedish and Finnish fails here whoever forgot update-catalogue.sh.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from library_error_calls import LITERAL, NESTED_MESSAGE, caught_errors, calls, is_literal, library_sources  # noqa: E402
import check_catalogue  # noqa: E402

# (path under src/, message expression): why it is not a literal and still a catalogue message.
ALLOWED = {
    ("format/signed_envelope.cpp", "rules(type).bad_length"):
        "the table's rows mark their messages KARTLA_ERROR_N_, which xgettext extracts",
    ("format/signed_envelope.cpp", "r.bad_signature"):
        "the table's rows mark their messages KARTLA_ERROR_N_, which xgettext extracts",
    ("io/os_error.cpp", "msgid"): "fail_os passes on its caller's msgid; its callers are checked",
    ("io/atomic_writer.cpp", "msgid"): "abandon_and_fail passes on its caller's msgid; its callers are checked",
    ("attest/merge.cpp", "*check.failure"): "an attestation check's failure, an Error made by invalid()",
    ("capi/attest.cpp", "*check.failure"): "an attestation check's failure, an Error made by invalid()",
    ("capi/common.cpp", "msgid"):
        "record_failure_message passes on its caller's msgid; its callers are checked",
    ("model/validation/findings.h", "msgid"):
        "report_violation passes on its caller's msgid; its callers are checked",
    ("model/validation/common_checks.cpp", "r.reason"):
        "an identifier check's reason, a literal given to src/codes' own fail(), which is checked",
    ("identity/agency_details.cpp", "check.reason"):
        "an identifier check's reason, a literal given to src/codes' own fail(), which is checked",
}


def unescape(literal_text):
    """The msgid of a C++ literal sequence, as xgettext reads it (the escapes the code uses)."""
    out = ""
    for lit in LITERAL.findall(literal_text):
        out += bytes(lit[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
    return out


def found_messages(source):
    """({msgid: [place]}, [problem]) over the library's sources."""
    messages, problems = {}, []
    src = os.path.join(source, "src")
    for path in library_sources(source):
        rel = os.path.relpath(path, src)
        if rel in (os.path.join("base", "error.h"), os.path.join("base", "message.h")):
            continue  # the declarations and the doc comment's example
        caught = caught_errors(path)
        for line, message, _, _ in calls(path):
            place = f"src/{rel}:{line}"
            if is_literal(message):
                messages.setdefault(unescape(message), []).append(place)
            elif message in caught or (rel, message) in ALLOWED or NESTED_MESSAGE.match(message):
                continue
            else:
                problems.append(f"{place}: the message is not a string literal (give the msgid as a literal "
                                f"and the values as {{arguments}}): {' '.join(message.split())[:100]}")
    return messages, problems


def main(source):
    messages, problems = found_messages(source)
    i18n = os.path.join(source, "src", "i18n")
    template, _ = check_catalogue.entries(os.path.join(i18n, "kartla.pot"))
    translated = {}
    for lang in check_catalogue.REQUIRED_COMPLETE:
        translated[lang] = translated_ids(os.path.join(i18n, f"{lang}.po"))
    for msgid, places in sorted(messages.items()):
        if (None, msgid) not in template:
            problems.append(f"{places[0]}: {msgid!r} is not in kartla.pot (run src/i18n/update-catalogue.sh)")
            continue
        for lang, ids in translated.items():
            if msgid not in ids:
                problems.append(f"{places[0]}: {msgid!r} has no {lang} translation in src/i18n/{lang}.po")
    for p in problems:
        print("FAIL: " + p)
    print(f"{len(messages)} library error messages; {len(problems)} failures")
    return 1 if problems else 0


def translated_ids(po):
    """The msgids (without context) that `po` translates (a non-empty msgstr, not fuzzy)."""
    with open(po, encoding="utf-8") as f:
        text = f.read()
    found = set()
    for block in text.split("\n\n"):
        if "#, fuzzy" in block or "\nmsgctxt " in "\n" + block:
            continue
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not m:
            continue
        msgid = "".join(check_catalogue.unquote(l) for l in m.group(1).strip().splitlines())
        msgstr = "".join(check_catalogue.unquote(l) for l in m.group(2).strip().splitlines())
        if msgid and msgstr:
            found.add(msgid)
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
