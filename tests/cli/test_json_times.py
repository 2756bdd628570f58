# SPDX-License-Identifier: Apache-2.0
"""The check of times in JSON (json_times.py) fails each way a time can be wrong, passes a
right one, and finds the documents in a transcript; then it runs over every golden stdout in
tests/cli/cases, which hold the --json output of every command that has one (the same check
run_golden.py makes on each case as it runs)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import json_times  # noqa: E402

failures = []


def expect(what, got, want):
    if got != want:
        failures.append("%s: got %r, want %r" % (what, got, want))


bad = {
    "a number": {"expires_at": 1782864000},
    "a number as a string (int64 in protobuf JSON)": {"issued_at": "1782864000"},
    "an empty string": {"granted_at": ""},
    "the epoch": {"created_at": "1970-01-01T00:00:00Z"},
    "a zone other than Z": {"valid_from": "2027-01-01T00:00:00+01:00"},
    "a date only": {"valid_until": "2027-01-01"},
    "zero, nested in a list": {"agencies": [{"name": "x", "valid_until": 0}]},
    "null": {"at": None},
}
for what, document in bad.items():
    expect(what, len(json_times.time_problems(document)), 1)
good = {"expires_at": "2027-07-01T00:00:00Z", "events": [{"at": "2026-12-07T15:00:00.5Z"}],
        "date": "2025-11-20", "birth_date": "", "sequence": "3"}
expect("right times, and dates that are not times", json_times.time_problems(good), [])

transcript = ('$ kartla share --json\n{\n  "expires_at": "0"\n}\n$ kartla verify x\nvalid\n'
              '$ kartla record get r --section notes\n[\n  {"at": "2027-01-01T00:00:00Z"}\n]\n'
              '$ kartla trust show t --json\n{\n  "valid_from": \n')
docs = json_times.json_documents(transcript)
expect("documents found in a transcript", len(docs), 3)
expect("problems in that transcript", len(json_times.problems_in_transcript(transcript)), 2)

checked = 0
cases = os.path.join(HERE, "cases")
for group in sorted(os.listdir(cases)):
    folder = os.path.join(cases, group)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".stdout"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        checked += len(json_times.json_documents(text))
        for problem in json_times.problems_in_transcript(text, placeholders=True):
            failures.append("%s/%s: %s" % (group, name, problem))
if checked < 50:
    failures.append("only %d JSON documents in the golden files: is the transcript format still the one "
                    "json_documents reads?" % checked)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: %d JSON documents in the golden files, every time RFC 3339 and no unset time printed" % checked)
