"""Attestations, trust lists and contributions through the CLI (issue 6): attest, record attach,
record provenance, trust root new / add / sign / show, contribute, inbox and accept, with every
error class: a transplanted attestation (other owner, record, entry), an edited entry, an
untrusted issuer, an older or expired trust list, a replayed contribution (idempotent), a foreign
contribution and a tampered one (refused before anything is shown)."""

import atexit
import json
import os
import shutil
import tempfile

from cli_harness import (loads, AUTH, NOT_AVAILABLE, OLDER, USAGE, VERIFICATION, KDF, Cli, case, check, main)

import base64

OWNER = ["--owner", "owner.id"]
CLAIM = ('{"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "ocn", '
         '"date": "2025-11-20", "credits_hundredths": 750, "assessor_role": "OCN-bedömare"}')
# A register statement names the organisation behind it (rule assertion-org-required): the
# contribution is held to the rules the owner's own `record set` obeys (issue 10 item 7).
REGISTER = ('"assertion": {"source": "REGISTER", "asserted_at": "2026-01-10T09:00:00Z", '
            '"asserted_by_org": {"se_orgnr": "2120001140", "name": "Valideringscentrum"}}')
CONTRIBUTED = ('{"id": "int-ocn-2026", "title": "OCN-validering svets", "category": "JOB_ORIENTED", '
               '"status": "COMPLETED", ' + REGISTER + '}')

# Identities cost an Argon2id run each: made once, then copied into each case's directory.
_saved = {"dir": None}
FILES = ["owner.id", "owner.card", "other.id", "other.card", "a.id", "a.card", "b.id", "b.card",
         "root.id", "root.card", "root2.card", "trust.list", "trust.draft"]


def cast(cli):
    if _saved["dir"] is None:
        cli.new_identity("owner.id")
        cli.ok("identity", "card", "owner.id", "--out", "owner.card")
        cli.new_identity("other.id")
        cli.ok("identity", "card", "other.id", "--out", "other.card")
        cli.new_agency("a.id", org="212000-1140", role="validation_provider", display_name="Valideringscentrum")
        cli.new_agency("b.id", org="556036-0793", role="employment_service", display_name="Okänd aktör")
        out = cli.ok("trust", "root", "new", "--name", "Regionens tillitsrot", "--out", "root.id", *KDF)
        check("root.id" in out, "trust root new names the file: " + out)
        cli.ok("identity", "card", "root.id", "--out", "root.card")
        cli.ok("trust", "root", "new", "--name", "En annan rot", "--out", "root2.id", *KDF)
        cli.ok("identity", "card", "root2.id", "--out", "root2.card")
        out = cli.ok("trust", "add", "trust.draft", "--card", "a.card", "--role", "validation_provider",
                     "--from", "2020-01-01")
        check("Valideringscentrum" in out and "sequence 1" in out, "trust add reports the agency: " + out)
        out = cli.ok("trust", "sign", "--as", "root.id", "--draft", "trust.draft", "--expires", "2099-12-31",
                     "--out", "trust.list")
        check("Trust list 1" in out and "Valideringscentrum" in out, "trust sign shows the list: " + out)
        _saved["dir"] = tempfile.mkdtemp(prefix="kartla-cli-attest-")
        atexit.register(shutil.rmtree, _saved["dir"], True)
        for name in FILES:
            shutil.copy(cli.path(name), _saved["dir"])
        return
    for name in FILES:
        shutil.copy(os.path.join(_saved["dir"], name), cli.dir)


def record_id(cli, name="rec.kartla"):
    return cli.verify_json(name)["record_id"]


def shared_record(cli, name="rec.kartla", owner="owner.id", bundle="a.bundle"):
    """A record with the example competences, shared with agency A as `bundle`."""
    cli.new_record(name, owner=owner)
    cli.ok("record", "set", name, "--owner", owner, "--section", "competences", "--json", cli.example("competences"))
    cli.ok("share", name, "--owner", owner, "--to", "a.card", "--sections", "competences", "--purpose", "validering",
           "--out", bundle)
    return record_id(cli, name)


def attest(cli, *extra, agency="a.id", bundle="a.bundle", entry="comp-till", out="a.att", owner_card="owner.card"):
    cli.write("claim.json", CLAIM)
    return cli.ok("attest", "--as", agency, "--from", bundle, "--owner-card", owner_card, "--section", "competences",
                  "--entry", entry, "--claim", "claim.json", "--out", out, *extra)


def provenance(cli, *extra, name="rec.kartla"):
    out = loads(cli.ok("record", "provenance", name, *OWNER, "--section", "competences", "--json", *extra))
    return {e["entry_id"]: e for e in out["entries"]}


@case
def attest_attach_and_provenance(cli: Cli):
    cast(cli)
    rid = shared_record(cli)
    out = attest(cli, "--record-id", rid)
    check("comp-till" in out and rid in out, "attest names the entry and record: " + out)
    out = cli.ok("record", "attach", "rec.kartla", *OWNER, "--attestation", "a.att")
    check("Attached" in out, "record attach reports it: " + out)
    out = cli.ok("record", "attach", "rec.kartla", *OWNER, "--attestation", "a.att")
    check("nothing changed" in out, "attaching twice changes nothing: " + out)

    trusted = provenance(cli, "--trust", "trust.list", "--trust-root", "root.card")
    check(trusted["comp-till"]["provenance"] == "trusted", "attested entry trusted: %r" % trusted)
    check(trusted["comp-childcare"]["provenance"] == "self_declared", "others self-declared: %r" % trusted)
    listed = trusted["comp-till"]["attestations"][0]["listed"]
    check(listed["name"] == "Valideringscentrum" and listed["role"] == "validation_provider"
          and listed["organisation_number"] == "2120001140", "issuer name, role, org: %r" % listed)
    text = cli.ok("record", "provenance", "rec.kartla", *OWNER, "--section", "competences", "--trust", "trust.list")
    check("comp-till: trusted" in text and "Valideringscentrum (org 2120001140, role validation_provider)" in text,
          "human provenance names the issuer: " + text)
    check("comp-digital: self_declared" in text, "human provenance lists every entry: " + text)

    untrusted = provenance(cli)
    check(untrusted["comp-till"]["provenance"] == "untrusted", "no trust list: untrusted: %r" % untrusted)

    # The agency reading the record file sees the same provenance (open --trust).
    opened = loads(cli.ok("open", "rec.kartla", "--as", "a.id", "--section", "competences", "--trust",
                               "trust.list", "--json"))
    by_id = {e["entry_id"]: e["provenance"] for e in opened["provenance"]["entries"]}
    check(by_id["comp-till"] == "trusted" and by_id["comp-childcare"] == "self_declared", "open --trust: %r" % by_id)
    check(any(e["id"] == "comp-till" for e in opened["content"]["entries"]), "open --trust keeps the content")
    text = cli.ok("open", "rec.kartla", "--as", "a.id", "--trust", "trust.list")
    check("comp-till: trusted" in text and "Valideringscentrum" in text, "open listing with provenance: " + text)
    # verify needs no key: it reports the trust list's state.
    text = cli.ok("verify", "rec.kartla", "--trust", "trust.list", "--trust-root", "root.card")
    check("verified:" in text and "Trust list 1 signed by Regionens tillitsrot" in text, "verify --trust: " + text)
    both = loads(cli.ok("verify", "rec.kartla", "--trust", "trust.list", "--json"))
    check(both["trust_list"]["sequence"] == 1 and both["verification"]["record_id"] == rid, "verify --json: %r" % both)

    # The owner's readers carry the same provenance: record get --provenance (JSON) and record show.
    got = loads(cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "competences", "--provenance",
                            "--trust", "trust.list"))
    by_id = {e["entry_id"]: e["provenance"] for e in got["provenance"]["entries"]}
    check(by_id["comp-till"] == "trusted" and by_id["comp-childcare"] == "self_declared", "get --provenance: %r" % by_id)
    check(any(e["id"] == "comp-till" for e in got["content"]["entries"]), "get --provenance keeps the content")
    plain = loads(cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "competences"))
    check("provenance" not in plain and "entries" in plain, "record get alone is the section's JSON")
    shown = cli.ok("record", "show", "rec.kartla", *OWNER, "--trust", "trust.list")
    check("Provenance of attested entries" in shown and "comp-till: trusted" in shown
          and "Valideringscentrum" in shown, "record show reports the attested entry: " + shown)
    shown = cli.ok("record", "show", "rec.kartla", *OWNER, "--section", "competences")
    check("comp-till: untrusted" in shown and "no trust list given" in shown,
          "record show without a list: untrusted: " + shown)


@case
def untrusted_issuer_and_trust_list_errors(cli: Cli):
    cast(cli)
    cli.new_record()
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "competences", "--json", cli.example("competences"))
    cli.ok("share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "competences", "--purpose", "p",
           "--out", "b.bundle")
    attest(cli, agency="b.id", bundle="b.bundle", out="b.att")
    cli.ok("record", "attach", "rec.kartla", *OWNER, "--attestation", "b.att")
    p = provenance(cli, "--trust", "trust.list")
    check(p["comp-till"]["provenance"] == "untrusted", "B is not on the list: %r" % p)
    check(p["comp-till"]["attestations"][0]["finding"] == "issuer_not_listed", "finding: %r" % p)

    # A newer list (sequence 2) that also vouches for B; then the older one is refused.
    cli.ok("trust", "add", "new.draft", "--card", "a.card", "--role", "validation_provider", "--from", "2020-01-01",
           "--sequence", "2")
    cli.ok("trust", "add", "new.draft", "--card", "b.card", "--role", "employment_service", "--from", "2020-01-01")
    cli.ok("trust", "sign", "--as", "root.id", "--draft", "new.draft", "--expires", "2099-12-31", "--out", "new.list")
    p = provenance(cli, "--trust", "new.list", "--last-seen-trust", "2")
    check(p["comp-till"]["provenance"] == "trusted", "B on the newer list: %r" % p)
    cli.fails(OLDER, "record", "provenance", "rec.kartla", *OWNER, "--section", "competences", "--trust",
              "trust.list", "--last-seen-trust", "2")
    cli.fails(OLDER, "trust", "show", "trust.list", "--last-seen-trust", "2")
    cli.fails(OLDER, "verify", "rec.kartla", "--trust", "trust.list", "--last-seen-trust", "2")
    cli.fails(USAGE, "verify", "rec.kartla", "--last-seen-trust", "2")  # without --trust
    # Nobody has to carry the number: this computer remembers the newest list of each root it has
    # verified (in its state folder), so the older one is refused without the flag too.
    cli.fails(OLDER, "trust", "show", "trust.list", matches="older")
    cli.fails(OLDER, "verify", "rec.kartla", "--trust", "trust.list")
    # A computer that never saw the newer list cannot tell (a fresh state folder).
    cli.ok("trust", "show", "trust.list", env={"KARTLA_STATE_DIR": cli.path("elsewhere")})
    shown = loads(cli.ok("trust", "show", "new.list", "--trust-root", "root.card", "--json"))
    check(shown["sequence"] == 2 and len(shown["agencies"]) == 2, "trust show: %r" % shown)
    # Signed by another root than the one expected; a card that is no trust root's is another root
    # too (SPEC §13.3 step 7: E_SIGNATURE), so verification failed, exit 4, not a usage error.
    cli.fails(VERIFICATION, "trust", "show", "new.list", "--trust-root", "root2.card", matches="another trust root")
    cli.fails(VERIFICATION, "trust", "show", "new.list", "--trust-root", "owner.card",
              matches=r"another trust root .*an owner's card, not a trust root's")
    cli.fails(VERIFICATION, "trust", "show", "new.list", "--trust-root", "a.card", matches="an agency's card")
    cli.fails(VERIFICATION, "verify", "rec.kartla", "--trust", "new.list", "--trust-root", "owner.card")
    cli.fails(VERIFICATION, "record", "provenance", "rec.kartla", *OWNER, "--section", "competences", "--trust",
              "new.list", "--trust-root", "owner.card")
    # B listed only from 2099: not trusted at the time it signed.
    cli.ok("trust", "add", "late.draft", "--card", "b.card", "--role", "employment_service", "--from", "2099-01-01",
           "--sequence", "3")
    cli.ok("trust", "sign", "--as", "root.id", "--draft", "late.draft", "--expires", "2099-12-31", "--out", "late.list")
    p = provenance(cli, "--trust", "late.list")
    check(p["comp-till"]["provenance"] == "untrusted"
          and p["comp-till"]["attestations"][0]["finding"] == "issuer_not_yet_listed", "not yet listed: %r" % p)
    # An expired list: exit 3.
    cli.ok("trust", "add", "old.draft", "--card", "a.card", "--role", "validation_provider", "--from", "2020-01-01",
           "--until", "2020-06-30")
    cli.ok("trust", "sign", "--as", "root.id", "--draft", "old.draft", "--expires", "2021-01-01",
           "--issued", "2020-01-01", "--out", "old.list")
    cli.fails(NOT_AVAILABLE, "trust", "show", "old.list", matches="expire")
    cli.fails(NOT_AVAILABLE, "verify", "rec.kartla", "--trust", "old.list")
    cli.fails(NOT_AVAILABLE, "open", "b.bundle", "--as", "b.id", "--trust", "old.list")
    cli.fails(NOT_AVAILABLE, "record", "provenance", "rec.kartla", *OWNER, "--section", "competences",
              "--trust", "old.list")
    # The draft refuses the same agency twice, and only a trust root signs.
    cli.fails(USAGE, "trust", "add", "new.draft", "--card", "b.card", "--role", "employment_service")
    cli.fails(USAGE, "trust", "sign", "--as", "owner.id", "--draft", "new.draft", "--expires", "2099-12-31",
              "--out", "x.list")
    cli.fails(USAGE, "trust", "add", "x.draft", "--card", "owner.card", "--role", "employment_service")
    cli.fails(USAGE, "trust", "add", "y.draft", "--card", "a.card", "--role", "no_such_role")
    cli.fails(USAGE, "trust", "root", "old", "--name", "x", "--out", "x.id")
    cli.fails(VERIFICATION, "trust", "show", "trust.draft")  # a draft is not a signed list
    check(cli.ok("trust", "root", "--help").startswith("Usage: kartla trust root new"), "trust root --help")


@case
def transplanted_and_edited_attestations_are_invalid(cli: Cli):
    cast(cli)
    shared_record(cli)
    attest(cli)
    # Another record of the same owner, with the same content.
    shared_record(cli, name="rec2.kartla", bundle="a2.bundle")
    cli.fails(VERIFICATION, "record", "attach", "rec2.kartla", *OWNER, "--attestation", "a.att", matches="record")
    # Another person's record.
    cli.new_record("their.kartla", owner="other.id")
    cli.ok("record", "set", "their.kartla", "--owner", "other.id", "--section", "competences", "--json",
           cli.example("competences"))
    cli.fails(VERIFICATION, "record", "attach", "their.kartla", "--owner", "other.id", "--attestation", "a.att")
    # The attestation names comp-till; an entry attested under another id does not carry it.
    attest(cli, entry="comp-digital", out="d.att")
    cli.ok("record", "attach", "rec.kartla", *OWNER, "--attestation", "a.att")
    cli.ok("record", "attach", "rec.kartla", *OWNER, "--attestation", "d.att")
    # Edit the attested entry, keeping its attestations: invalid, and why.
    section = loads(cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "competences"))
    for e in section["entries"]:
        if e["id"] == "comp-till":
            e["free_text"] = "Kassahantering och bokföring"
    cli.write("edited.json", json.dumps(section, ensure_ascii=False))
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "competences", "--json", "edited.json")
    p = provenance(cli, "--trust", "trust.list")
    check(p["comp-till"]["provenance"] == "invalid"
          and p["comp-till"]["attestations"][0]["finding"] == "content_changed", "edited: %r" % p)
    check(p["comp-digital"]["provenance"] == "trusted", "the other attestation still holds: %r" % p)
    # Attaching to an edited entry is refused.
    cli.fails(VERIFICATION, "record", "attach", "rec.kartla", *OWNER, "--attestation", "a.att")
    # attest: the owner card must be the record owner's; the record id must match the bundle.
    cli.write("claim.json", CLAIM)
    cli.fails(AUTH, "attest", "--as", "a.id", "--from", "a.bundle", "--owner-card", "other.card", "--section",
              "competences", "--entry", "comp-till", "--claim", "claim.json", "--out", "x.att")
    cli.fails(USAGE, "attest", "--as", "a.id", "--from", "a.bundle", "--owner-card", "owner.card", "--record-id",
              "00" * 16, "--section", "competences", "--entry", "comp-till", "--claim", "claim.json", "--out", "x.att")


@case
def contribute_inbox_accept(cli: Cli):
    cast(cli)
    cli.new_record()
    rid = record_id(cli)
    cli.write("entry.json", CONTRIBUTED)
    out = cli.ok("contribute", "--as", "a.id", "--to", "owner.card", "--record-id", rid, "--section",
                 "interventions", "--json", "entry.json", "--out", "c.kartla")
    check("c.kartla" in out, "contribute names its file: " + out)
    os.mkdir(cli.path("inbox"))
    shutil.copy(cli.path("c.kartla"), cli.path("inbox/c.kartla"))
    out = cli.ok("inbox", "inbox", *OWNER, "--record", "rec.kartla")
    for needle in ["Valideringscentrum (org 2120001140, role validation_provider)", "section interventions",
                   "entry int-ocn-2026", "title: OCN-validering svets"]:
        check(needle in out, "inbox shows %r: %s" % (needle, out))
    listed = loads(cli.ok("inbox", "inbox/c.kartla", *OWNER, "--json"))
    check(listed[0]["sender"]["name"] == "Valideringscentrum" and listed[0]["section"] == "interventions",
          "inbox --json: %r" % listed)

    out = cli.ok("accept", "rec.kartla", *OWNER, "c.kartla")  # the form: REC --owner OWNER.id C.kartla
    check("Accepted entry int-ocn-2026" in out, "accept: " + out)
    seq = cli.verify_json("rec.kartla")["sequence"]
    out = cli.ok("accept", "rec.kartla", "c.kartla", *OWNER)
    check("nothing changed" in out, "replayed contribution: " + out)
    check(cli.verify_json("rec.kartla")["sequence"] == seq, "a replay saves nothing")
    got = loads(cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "interventions"))
    check([e["id"] for e in got["entries"]] == ["int-ocn-2026"], "the entry joined the section: %r" % got)
    p = loads(cli.ok("record", "provenance", "rec.kartla", *OWNER, "--section", "interventions", "--trust",
                          "trust.list", "--json"))
    check(p["entries"][0]["provenance"] == "trusted", "the agency's signature is kept as an attestation: %r" % p)


@case
def foreign_and_tampered_contributions_are_refused(cli: Cli):
    cast(cli)
    cli.new_record()
    cli.new_record("rec2.kartla")
    rid = record_id(cli)
    cli.write("entry.json", CONTRIBUTED)
    cli.ok("contribute", "--as", "a.id", "--to", "owner.card", "--record-id", rid, "--section", "interventions",
           "--json", "entry.json", "--out", "c.kartla")
    # For another record of the same owner.
    cli.fails(VERIFICATION, "accept", "rec2.kartla", "c.kartla", *OWNER)
    cli.fails(VERIFICATION, "inbox", "c.kartla", *OWNER, "--record", "rec2.kartla")
    # For another person: not sealed to them.
    cli.new_record("their.kartla", owner="other.id")
    cli.fails(AUTH, "accept", "their.kartla", "c.kartla", "--owner", "other.id")
    # Tampered: refused, nothing of it shown.
    data = bytearray(cli.read_bytes("c.kartla"))
    data[len(data) // 2] ^= 1
    cli.write("t.kartla", bytes(data), mode="wb")
    err = cli.fails(AUTH, "inbox", "t.kartla", *OWNER)
    check("OCN" not in err and "Valideringscentrum" not in err, "nothing of a tampered file is shown: " + err)
    cli.fails(AUTH, "accept", "rec.kartla", "t.kartla", *OWNER)
    # In a directory, the tampered one is a warning and the good one is still listed.
    os.mkdir(cli.path("inbox"))
    shutil.copy(cli.path("c.kartla"), cli.path("inbox/1.kartla"))
    shutil.copy(cli.path("t.kartla"), cli.path("inbox/2.kartla"))
    r = cli.run("inbox", "inbox", *OWNER)
    check(r.rc == 0 and "int-ocn-2026" in r.out and "2.kartla refused" in r.err and "OCN" not in r.err,
          "inbox lists the good file and warns about the bad one", r)
    # An entry without an id, and a section that takes no contributions.
    cli.write("noid.json", '{"title": "x"}')
    cli.fails(USAGE, "contribute", "--as", "a.id", "--to", "owner.card", "--record-id", rid, "--section",
              "interventions", "--json", "noid.json", "--out", "x.kartla")
    cli.fails(USAGE, "contribute", "--as", "owner.id", "--to", "owner.card", "--record-id", rid, "--section",
              "interventions", "--json", "entry.json", "--out", "x.kartla")


@case
def contributions_obey_the_content_rules(cli: Cli):
    """Issue 10 item 7: contribute refuses what the owner's `record set` would refuse, naming the
    field and rule, and writes nothing; accept validates the whole merged section and, refusing,
    leaves the record as it was."""
    cast(cli)
    cli.new_record()
    rid = record_id(cli)
    contribute = ["contribute", "--as", "a.id", "--to", "owner.card", "--record-id", rid, "--section",
                  "interventions", "--json", "entry.json", "--out", "c.kartla"]
    cli.write("entry.json", '{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING"}')
    cli.fails(USAGE, *contribute, matches=r"entries\[0\]\.assertion: assertion-required")
    check(not os.path.exists(cli.path("c.kartla")), "a refused contribution writes no file")
    cli.write("entry.json", '{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING", '
              + REGISTER.replace("2120001140", "2120001141") + '}')
    cli.fails(USAGE, *contribute, matches=r"entries\[0\]\.assertion\.asserted_by_org\.se_orgnr: se-orgnr-luhn")
    check(not os.path.exists(cli.path("c.kartla")), "a refused contribution writes no file")
    # The same content through the owner's own write is refused the same way.
    cli.write("own.json", '{"entries": [{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING"}]}')
    cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", "interventions", "--json", "own.json",
              matches=r"entries\[0\]\.assertion: assertion-required")

    # Valid on its own, but it names an intervention the owner does not have: only the owner's
    # accept, seeing the whole section, can tell.
    cli.write("mine.json", '{"entries": [{"id": "i1", "title": "Praktik i kök", "status": "ONGOING", '
              '"assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]}')
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "interventions", "--json", "mine.json")
    cli.write("entry.json", '{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING", '
              '"parallel_with": ["i9"], ' + REGISTER + '}')
    cli.ok(*contribute)
    seq = cli.verify_json("rec.kartla")["sequence"]
    before = cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "interventions")
    cli.fails(USAGE, "accept", "rec.kartla", "c.kartla", *OWNER,
              matches=r"not merged.*entries\[1\]\.parallel_with\[0\]: parallel-with-unknown")
    check(cli.verify_json("rec.kartla")["sequence"] == seq, "a refused accept saves nothing")
    check(cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "interventions") == before,
          "a refused accept leaves the section as it was")
    # Once the owner has i9, the same contribution merges, and the owner can write the section back.
    cli.write("mine.json", '{"entries": [{"id": "i1", "title": "Praktik i kök", "status": "ONGOING", '
              '"assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}, '
              '{"id": "i9", "title": "SFI", "status": "ONGOING", '
              '"assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]}')
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "interventions", "--json", "mine.json")
    out = cli.ok("accept", "rec.kartla", "c.kartla", *OWNER)
    check("Accepted entry af-1" in out, "accept once the section allows it: " + out)
    cli.write("merged.json", cli.ok("record", "get", "rec.kartla", *OWNER, "--section", "interventions"))
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "interventions", "--json", "merged.json")


@case
def attestation_claims_obey_the_code_systems(cli: Cli):
    """Issue 10 item 7: `attest` refuses a claim with an unknown method, a level outside its code
    system or a date that never was, naming the field and rule, and writes nothing."""
    cast(cli)
    shared_record(cli)
    for claim, named in [
            ('{"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "telepathy"}',
             r"claim\.method: kartla-method-code"),
            ('{"kind": "VALIDATED", "level_system": "seqf", "level_code": "99", "method": "ocn"}',
             r"claim\.level_code: seqf-level"),
            ('{"kind": "COMPLETED", "date": "2025-04-31"}', r"claim\.date: date-real"),
            ('{"kind": "COMPLETED", "date": "0000"}', r"claim\.date: date-real")]:
        cli.write("claim.json", claim)
        cli.fails(USAGE, "attest", "--as", "a.id", "--from", "a.bundle", "--owner-card", "owner.card", "--section",
                  "competences", "--entry", "comp-till", "--claim", "claim.json", "--out", "x.att", matches=named)
        check(not os.path.exists(cli.path("x.att")), "a refused claim writes no attestation")


def vector(cli, name):
    with open(os.path.join(cli.source_dir, "tests", "vectors", name)) as f:
        return json.load(f)


@case
def signed_claims_that_break_the_rules_are_refused_when_verified(cli: Cli):
    """An agency's own software can sign what `attest` refuses (tests/vectors/attest_negative.json
    holds such attestations for attest.json's record): `record attach` refuses them and every
    reader reports them invalid, finding bad_claim."""
    identity, attest, negative = (vector(cli, "identity.json"), vector(cli, "attest.json"),
                                  vector(cli, "attest_negative.json"))
    cli.write("owner.id", bytes.fromhex(identity["identity_file"]), mode="wb")
    cli.write("rec.kartla", bytes.fromhex(attest["record"]["file"]), mode="wb")
    bad = {v["name"]: bytes.fromhex(v["input"]) for v in negative["vectors"]}
    owner = ["--owner", "owner.id"]
    passphrase = identity["passphrase"]
    for name, named in [("attestation_claim_unknown_method", r"claim\.method: kartla-method-code"),
                        ("attestation_claim_level_out_of_range", r"claim\.level_code: seqf-level"),
                        ("attestation_claim_date_not_real", r"claim\.date: date-real")]:
        cli.write(name + ".att", bad[name], mode="wb")
        cli.fails(USAGE, "record", "attach", "rec.kartla", *owner, "--attestation", name + ".att", matches=named,
                  passphrase=passphrase)
    check(cli.verify_json("rec.kartla")["sequence"] == 1, "a refused attestation saves nothing")

    # Stored by another writer in field 100 (the owner's section JSON, attestations in base64):
    # reported invalid beside its entry, never trusted.
    content = loads(cli.ok("record", "get", "rec.kartla", *owner, "--section", "competences",
                                passphrase=passphrase))
    payload = bad["attestation_claim_unknown_method"][12:]  # the SignedAttestation, without the file prefix
    content["attestations"] = [base64.b64encode(payload).decode()]
    cli.write("with.json", json.dumps(content))
    cli.ok("record", "set", "rec.kartla", *owner, "--section", "competences", "--json", "with.json",
           passphrase=passphrase)
    p = loads(cli.ok("record", "provenance", "rec.kartla", *owner, "--section", "competences", "--json",
                          passphrase=passphrase))
    by_id = {e["entry_id"]: e for e in p["entries"]}
    check(by_id["comp-1"]["provenance"] == "invalid", "a bad claim is invalid: %r" % p)
    check(by_id["comp-1"]["attestations"][0]["finding"] == "bad_claim", "finding bad_claim: %r" % p)

    # A contribution of an entry with no assertion, signed and sealed by the agency: the owner
    # sees who sent it, and accept refuses it.
    cli.write("c.kartla", bad["contribution_entry_without_assertion"], mode="wb")
    cli.ok("inbox", "c.kartla", *owner, passphrase=passphrase)
    cli.fails(USAGE, "accept", "rec.kartla", "c.kartla", *owner, passphrase=passphrase,
              matches=r"entries\[2\]\.assertion: assertion-required")


if __name__ == "__main__":
    main()
