"""Golden output of the JSON documents that hold other documents (issue 11): `record provenance
--json` (attestation reports with the agency's claim inside) and `inbox --json` (each
contribution's sender, claim and the entry's content). Each is compared byte for byte with a file
in golden/, after the values a run cannot fix (ids, fingerprints, times) are put in; every other
character, the layout included, is the golden file's. The same documents nested in the CLI's own
(record get --provenance, open --trust --json, verify --trust --json) are laid out the same way."""

import json
import os
import re
import time

from cli_harness import KDF, Cli, case, check, main, loads

OWNER = ["--owner", "owner.id"]
CLAIM = '{"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "ocn", "credits_hundredths": 750}'
ENTRY = ('{"id": "int-ocn-2026", "title": "OCN-validering svets", "category": "JOB_ORIENTED", "status": "COMPLETED", '
         '"assertion": {"source": "REGISTER", "asserted_at": "2026-01-10T09:00:00Z", '
         '"asserted_by_org": {"se_orgnr": "2120001140", "name": "Valideringscentrum"}}}')


def golden(cli, name, values):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", name), encoding="utf-8") as f:
        text = f.read()
    for key, value in values.items():
        text = text.replace("@%s@" % key, str(value))
    check("@" not in text, "golden/%s: a placeholder was left unfilled" % name)
    return text


def same_text(expected, actual, what):
    if expected == actual:
        return
    exp, act = expected.splitlines(), actual.splitlines()
    for i in range(max(len(exp), len(act))):
        e = exp[i] if i < len(exp) else "(end)"
        a = act[i] if i < len(act) else "(end)"
        if e != a:
            check(False, "%s differs from its golden file at line %d:\n  expected %r\n  actual   %r" % (what, i + 1, e, a))
    check(False, "%s differs from its golden file (line ends)" % what)


def laid_out(text, what):
    """The layout of every JSON document the CLI prints: Python's indent=2 layout exactly."""
    same_text(json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", text, what)


def fingerprint(cli, card):
    return cli.ok("identity", "fingerprint", card).strip()


def one_time(value, started, what):
    check(isinstance(value, int) and started - 1 <= value <= time.time() + 1, "%s is the time of the run: %r"
          % (what, value))
    return value


@case
def provenance_and_inbox_json_are_golden(cli: Cli):
    started = int(time.time())
    cli.new_identity("owner.id")
    cli.ok("identity", "card", "owner.id", "--out", "owner.card")
    cli.new_agency("a.id", org="212000-1140", role="validation_provider", display_name="Valideringscentrum Skåne")
    cli.ok("trust", "root", "new", "--name", "Regionens tillitsrot", "--out", "root.id", *KDF)
    cli.ok("identity", "card", "root.id", "--out", "root.card")
    cli.ok("trust", "add", "trust.draft", "--card", "a.card", "--role", "validation_provider", "--from", "2020-01-01")
    cli.ok("trust", "sign", "--as", "root.id", "--draft", "trust.draft", "--expires", "2099-12-31", "--out",
           "trust.list")
    cli.new_record()
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "competences", "--json", cli.example("competences"))
    cli.ok("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "competences", "--purpose", "validering",
           "--out", "a.bundle")
    cli.write("claim.json", CLAIM)
    cli.ok("attest", "--as", "a.id", "--from", "a.bundle", "--owner-card", "owner.card", "--section", "competences",
           "--entry", "comp-till", "--claim", "claim.json", "--out", "a.att")
    cli.ok("record", "attach", "rec.kartla", *OWNER, "--attestation", "a.att")
    record_id = cli.verify_json("rec.kartla")["record_id"]
    laid_out(cli.ok("trust", "show", "trust.list", "--json"), "trust show --json")

    out = cli.ok("record", "provenance", "rec.kartla", *OWNER, "--section", "competences", "--trust", "trust.list",
                 "--json")
    report = loads(out)["entries"][1]["attestations"][0]
    values = {
        "AGENCY_FP": fingerprint(cli, "a.card"),
        "ROOT_FP": fingerprint(cli, "root.card"),
        "ISSUED_AT": one_time(report["issued_at"], started, "issued_at"),
    }
    same_text(golden(cli, "record_provenance.json", values), out, "record provenance --json")

    cli.write("entry.json", ENTRY)
    cli.ok("contribute", "--as", "a.id", "--to", "owner.card", "--record-id", record_id, "--section",
           "interventions", "--json", "entry.json", "--out", "c.kartla")
    out = cli.ok("inbox", "c.kartla", *OWNER, "--json")
    listed = loads(out)
    check(re.fullmatch("[0-9a-f]{32}", listed[0]["contribution_id"]) is not None, "a contribution id: %r" % listed)
    values = {
        "CONTRIBUTION_ID": listed[0]["contribution_id"],
        "RECORD_ID": record_id,
        "CREATED_AT": one_time(listed[0]["created_at"], started, "created_at"),
        "AGENCY_FP": values["AGENCY_FP"],
    }
    same_text(golden(cli, "inbox.json", values), out, "inbox --json")
    # Two files: an array of two, laid out alike; none: an empty array.
    cli.ok("contribute", "--as", "a.id", "--to", "owner.card", "--record-id", record_id, "--section",
           "interventions", "--json", "entry.json", "--out", "d.kartla")
    laid_out(cli.ok("inbox", "c.kartla", "d.kartla", *OWNER, "--json"), "inbox --json of two files")

    # The CLI's own documents around the library's: one layout throughout.
    for args in (["record", "get", "rec.kartla", *OWNER, "--section", "competences", "--provenance"],
                 ["record", "get", "rec.kartla", *OWNER, "--section", "competences", "--trust", "trust.list"],
                 ["open", "a.bundle", "--as", "a.id", "--section", "competences", "--trust", "trust.list", "--json"],
                 ["open", "a.bundle", "--as", "a.id", "--trust", "trust.list", "--json"],
                 ["verify", "rec.kartla", "--trust", "trust.list", "--json"],
                 ["record", "provenance", "rec.kartla", *OWNER, "--section", "competences", "--json"]):
        laid_out(cli.ok(*args), " ".join(args))


if __name__ == "__main__":
    main()
