# SPDX-License-Identifier: Apache-2.0
"""Finds text a person reads that the CLI prints without the message catalogue (ctest
i18n_cli_literals; docs/I18N.md).

Every string literal in src/cli/*.cpp and *.h is looked at, wherever it goes (an error, a warning, a
summary, help text): what reaches a person passes through the printing functions in many ways
(usage_error, Failure, warn, write_stdout, a table printed later), so the check does not try to
follow it and asks instead of each literal whether it is language. A literal is language when it
holds two or more words of prose (a run of letters, lower case after the first, such as "unknown
option" or "Chart written"), or a single such word labelling something ("Options:") or with a
space beside it, a piece of a sentence built by concatenation (" expires "). Option
names (--json), metavariables (OWNER.id), JSON keys, format directives and file names are not
prose and pass. A language literal passes only as an argument of the catalogue's markers: T("..."),
TC("context", "..."), TN("one", "many", n) or N_("...") (src/cli/messages.h), whose translations
check_catalogue.py then requires in sv.po and fi.po.

What is not language but looks like it (shell code in the completion script, the fixed prefix
of the error line that scripts match) is in ALLOWED below, each with its reason. Files that still
hold English text from before the catalogue are in NOT_YET_CONVERTED with their count of findings
printed on every run: the list may only shrink (a listed file with nothing left to convert fails
the check until it is removed), and a file not on it (every new file) must be clean.
"""
import os
import re
import sys

MARKERS = {"T": 1, "N_": 1, "TC": 2, "TN": 2}  # marker -> how many leading literal arguments are catalogue text

# (file, how the literal begins) for literals that are not language, and why. Keep it short: a
# reason that does not hold is a bug.
ALLOWED = {
    # The fixed prefixes of the one-line error and warning: documented in `kartla --help` and the
    # README as what scripts match (as git's "fatal:"); the message after them is translated.
    ("main.cpp", "kartla: error: "): "machine-matched prefix",
    ("output.cpp", "kartla: warning: "): "machine-matched prefix",
    ("info_text.cpp", "kartla: note: "): "machine-matched prefix",
    # The bash/zsh completion script (manual.cpp) is shell code, not text for a person.
    ("manual.cpp", "_kartla() {\n"): "shell code",
    ("manual.cpp", "' -- \"$cur\"))\n"): "shell code",
    ("manual.cpp", "  esac\n"): "shell code",
    ("manual.cpp", "    COMPREPLY=($(compgen -W '"): "shell code",
    ("manual.cpp", "complete -o default -F _kartla kartla\n"): "shell code",
    ("manual.cpp", "#compdef kartla\n"): "shell code",
    ("manual.cpp", "# bash completion for kartla "): "shell code",
    # The report's CSV (report.cpp): a header row and fixed columns that spreadsheets and scripts read.
    ("report.cpp", "partition,key,count,suppressed,per_mille\n"): "CSV header",
    ("report.cpp", "participants,all,"): "CSV row",
    ("report.cpp", ",false,1000\n"): "CSV row",
    # The manual page's header: the section name man(1) expects, in English by convention.
    ("manual.cpp", "\" \"User Commands\"\n"): "troff header",
}


def allowed(name, text):
    return any(name == f and text.startswith(start) for f, start in ALLOWED)


# Files with English text not yet moved into the catalogue (issue 16 §2), and nothing else. Remove
# a file when it is converted; the check fails if a listed file is already clean.
NOT_YET_CONVERTED = set()

TOKEN = re.compile(
    r'(?P<comment>//[^\n]*|/\*.*?\*/)'
    r'|(?P<pre>^[ \t]*#[^\n]*)'
    r'|(?P<string>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<char>'(?:[^'\\\n]|\\.)+')"
    r'|(?P<ident>[A-Za-z_][A-Za-z0-9_]*)'
    r'|(?P<space>\s+)'
    r'|(?P<other>.)', re.S | re.M)

PROSE_WORD = re.compile(r"(?<![\w%$.\-/=])[A-Za-z][a-z]+(?:'[a-z]+)?(?![\w./=(])")
LABEL = re.compile(r"^\s*[A-Z][a-z]+:\s*$")


def unescape(body):
    return bytes(body, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("comment", "space", "pre"):
            continue
        line = text.count("\n", 0, m.start()) + 1
        out.append((kind, m.group(), line))
    return out


def literal_groups(toks):
    """(first token index, last token index, text, line) of each run of adjacent literals."""
    i = 0
    while i < len(toks):
        if toks[i][0] != "string":
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1][0] == "string":
            j += 1
        yield i, j, "".join(unescape(t[1][1:-1]) for t in toks[i:j + 1]), toks[i][2]
        i = j + 1


def marked(toks, first):
    """Is the literal group starting at toks[first] one of a marker's catalogue arguments?"""
    position = 1
    k = first - 1
    while k >= 0:
        kind, text, _ = toks[k]
        if text == "(":
            return k >= 1 and toks[k - 1][0] == "ident" and MARKERS.get(toks[k - 1][1], 0) >= position
        if text != ",":
            return False
        # Step over the previous argument, which must itself be a literal group.
        k -= 1
        if k < 0 or toks[k][0] != "string":
            return False
        while k >= 0 and toks[k][0] == "string":
            k -= 1
        position += 1
    return False


# Words that are names, not language: the program's.
NAMES = {"kartla"}


def is_language(text):
    words = len([w for w in PROSE_WORD.findall(text) if w not in NAMES])
    # A single word is language as a label ("Options:") or as a piece of a sentence built by
    # concatenation (" expires ", "Section "): a space beside it.
    return words >= 2 or bool(LABEL.match(text)) or (words == 1 and text.strip() != text)


def findings(path):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        toks = tokens(f.read())
    found = []
    for first, _, text, line in literal_groups(toks):
        if not is_language(text) or marked(toks, first) or allowed(name, text):
            continue
        found.append((line, text))
    return found


def main(source):
    cli = os.path.join(source, "src", "cli")
    failures, pending = [], []
    for name in sorted(os.listdir(cli)):
        if not name.endswith((".cpp", ".h")):
            continue
        found = findings(os.path.join(cli, name))
        if name in NOT_YET_CONVERTED:
            if found:
                pending.append(f"{name}: {len(found)}")
            else:
                failures.append(f"src/cli/{name} is clean: remove it from NOT_YET_CONVERTED in {__file__}")
            continue
        for line, text in found:
            failures.append(f"src/cli/{name}:{line}: text for a person not from the catalogue "
                            f"(mark it T, TC, TN or N_): {text!r}")
    for name in sorted(NOT_YET_CONVERTED):
        if not os.path.exists(os.path.join(cli, name)):
            failures.append(f"NOT_YET_CONVERTED names src/cli/{name}, which does not exist")
    if pending:
        print("not yet converted (English literals left): " + ", ".join(pending))
    for f in failures:
        print("FAIL: " + f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
