# SPDX-License-Identifier: Apache-2.0
"""Every time in the CLI's JSON is RFC 3339 in UTC, and a time that is not set is absent
(docs/CLI.md, "Times in JSON"). run_golden.py hands every case's stdout to problems_in_transcript,
so every JSON document any case prints is checked, whichever command printed it: a new command
cannot print a number, an empty string or 1970-01-01 as a time without a case failing.

A time is a member named `*_at`, `at`, `valid_from` or `valid_until`. Dates (`date`,
`birth_date`, `target_date`: YYYY-MM-DD) are not times and are not checked here."""
import json
import re

TIME_KEY = re.compile(r"^(.*_at|at|valid_from|valid_until)$")
RFC3339_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$")
EPOCH = "1970-01-01T00:00:00"


# In a golden file the runner has replaced a time of the run by <NOW> (run_golden.py's Normaliser),
# so its form cannot be seen there; run_golden.py checks each case's output before that.
PLACEHOLDER = re.compile(r"^<[A-Za-z0-9_:]+>$")


def time_problems(document, where="$", placeholders=False):
    """Each time member of a parsed JSON document that breaks the rule, as 'PATH: why'."""
    found = []
    if isinstance(document, dict):
        for key, value in document.items():
            path = "%s.%s" % (where, key)
            if TIME_KEY.match(key):
                if placeholders and isinstance(value, str) and PLACEHOLDER.match(value):
                    continue
                if not isinstance(value, str):
                    found.append("%s: a time as %s (%r), not an RFC 3339 string" % (path, type(value).__name__, value))
                elif value == "":
                    found.append("%s: an empty time (an unset time is left out)" % path)
                elif not RFC3339_UTC.match(value):
                    found.append("%s: %r is not RFC 3339 in UTC (YYYY-MM-DDTHH:MM:SSZ)" % (path, value))
                elif value.startswith(EPOCH):
                    found.append("%s: %r is the epoch, a time that was never set (leave it out)" % (path, value))
            else:
                found.extend(time_problems(value, path, placeholders))
    elif isinstance(document, list):
        for i, value in enumerate(document):
            found.extend(time_problems(value, "%s[%d]" % (where, i), placeholders))
    return found


def json_documents(transcript):
    """(command, document) for each JSON document in a case's stdout transcript: the output of a
    command (`$ kartla ...` line) that starts with a line `{` or `[`."""
    documents = []
    lines = transcript.splitlines(True)
    command = None
    for i, line in enumerate(lines):
        if line.startswith("$ "):
            command = line[2:].rstrip("\n")
            continue
        if command is not None and line.rstrip("\n") in ("{", "["):
            previous = lines[i - 1] if i > 0 else ""
            if not previous.startswith("$ "):
                continue  # inside an output already read
            try:
                document, _ = json.JSONDecoder().raw_decode("".join(lines[i:]))
            except ValueError as e:
                documents.append((command, e))
                continue
            documents.append((command, document))
    return documents


def problems_in_transcript(transcript, placeholders=False):
    problems = []
    for command, document in json_documents(transcript):
        if isinstance(document, ValueError):
            problems.append("`%s` printed JSON that does not parse: %s" % (command, document))
            continue
        problems.extend("`%s`: %s" % (command, p) for p in time_problems(document, placeholders=placeholders))
    return problems
