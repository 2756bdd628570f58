# SPDX-License-Identifier: Apache-2.0
"""Finds the places where the library records an error message (docs/I18N.md, "The library's
errors"): every fail(code, MESSAGE...), throw Error(code, MESSAGE...), attest's
invalid(check, finding, code, MESSAGE...), io's fail_os(code, err, MESSAGE, path) and
abandon_and_fail(err, MESSAGE), KARTLA_ERROR_N_(MESSAGE) in a table, localizable(MESSAGE, {args})
(a message nested in another) and the content rules' report_violation(path, rule, MESSAGE,
{values}), in src/ below the CLI and the views (src/codes included: its own fail(rule, MESSAGE)
gives an identifier check's reason, which a refused section shows), with MESSAGE as written. Shared by the check (check_library_errors.py) and its self-test.

A reader of C++ this small is enough because it only needs to tell a string literal (which
xgettext extracts whole) from anything else (which it would extract as a fragment, or not at all).
"""
import os
import re

CALL = re.compile(r"\b(fail|throw\s+Error|invalid|record_failure_message|fail_os|abandon_and_fail|KARTLA_ERROR_N_"
                  r"|localizable|localizable_with_values|report_violation)\(")
# Which argument is the message (0-based); 1 for the others. localizable("msgid", {args}) is a
# message whose arguments may be messages (base/message.h); report_violation(path, rule, "msgid",
# {values}) a content rule's sentence (model/validation/findings.h).
MESSAGE_ARGUMENT = {"invalid": 3, "fail_os": 2, "KARTLA_ERROR_N_": 0, "localizable": 0,
                    "localizable_with_values": 0, "report_violation": 2}
# A message given as one of these calls is checked where the call itself is found.
NESTED_MESSAGE = re.compile(r"^(localizable|localizable_with_values)\(")
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def library_sources(source):
    """Every .cpp and .h under src/ that the library's extraction reads (update-catalogue.sh)."""
    found = []
    src = os.path.join(source, "src")
    for root, dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        if rel.split(os.sep)[0] in ("cli", "views"):
            dirs[:] = []
            continue
        for name in files:
            if name.endswith((".cpp", ".h")):
                found.append(os.path.join(root, name))
    return sorted(found)


def blank_comments(text):
    """`text` with // and /* */ comments replaced by spaces (same offsets), strings kept."""
    out, i, n = list(text), 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
        else:
            i += 1
    return "".join(out)


def split_arguments(text, start):
    """The top-level arguments of the call whose '(' is at text[start - 1], and the offset of ')'."""
    args, depth, i, begin = [], 0, start, start
    while i < len(text):
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < len(text) and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append((begin, i))
                return args, i
            depth -= 1
        elif c == "," and depth == 0:
            args.append((begin, i))
            begin = i + 1
        i += 1
    raise ValueError("unbalanced call")


def is_literal(expression):
    """True when `expression` is string literals only (adjacent literals are one message)."""
    rest = LITERAL.sub("", expression)
    return bool(LITERAL.search(expression)) and rest.strip() == ""


def calls(path):
    """(line, message expression, argument count) of every error-recording call in `path`."""
    with open(path, encoding="utf-8") as f:
        text = blank_comments(f.read())
    found = []
    for m in CALL.finditer(text):
        args, _ = split_arguments(text, m.end())
        index = MESSAGE_ARGUMENT.get(m.group(1), 1)
        if len(args) <= index:
            continue
        first = text[args[0][0]:args[0][1]].strip()
        if re.match(r"(const\s+)?[\w:]+\s*[&*]?\s+\w+$", first):  # a declaration: "Code code"
            continue
        message = text[args[index][0]:args[index][1]]
        found.append((text.count("\n", 0, m.start()) + 1, message.strip(), len(args), first))
    return found


def caught_errors(path):
    """The names this file gives to a caught Error (`catch (const Error& e)`): `fail(code, e)`
    rethrows one under another code and keeps its catalogue message."""
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r"const\s+(?:kartla::)?Error\s*&\s*(\w+)", f.read()))
