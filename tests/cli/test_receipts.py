"""Receipts for both sides (issue 10, docs/SPEC.md §7.6): `share --receipt` and `revoke --receipt`
write the owner's signed statement of a grant and of its end, `receipt` writes one later (e.g. for
an expired grant), and `receipt show` checks one on the agency's side and says in plain words what
the participant stated. Outputs are 0600 and never overwrite; every refusal has its exit code."""

import atexit
import json
import os
import re
import shutil
import stat
import tempfile

from cli_harness import (loads, AUTH, NOT_AVAILABLE, OK, USAGE, VERIFICATION, Cli, case, check, main)

OWNER = ["--owner", "owner.id"]
EXPIRES_DAY = "2099-06-30"        # valid through that day: until 2099-07-01T00:00:00Z
AFTER_EXPIRY = {"KARTLA_NOW": "2099-07-02"}

_identities = {"dir": None, "fingerprints": None}
IDENTITY_FILES = ["owner.id", "owner.card", "other.id", "other.card", "a.id", "a.card", "b.id", "b.card"]


def identities(cli):
    """Owner and another owner (cards too), agencies A and B: made once, copied into each case."""
    if _identities["dir"] is None:
        owner, _ = cli.new_identity()
        cli.ok("identity", "card", "owner.id", "--out", "owner.card")
        other, _ = cli.new_identity("other.id")
        cli.ok("identity", "card", "other.id", "--out", "other.card")
        a, _ = cli.new_agency("a.id", org="212000-1140", role="municipal_labour_unit", display_name="Landskrona stad")
        b, _ = cli.new_agency("b.id", org="556036-0793", role="employment_service", display_name="Arbetsförmedlingen")
        _identities["dir"] = tempfile.mkdtemp(prefix="kartla-cli-receipt-ids-")
        atexit.register(shutil.rmtree, _identities["dir"], True)
        for name in IDENTITY_FILES:
            shutil.copy(cli.path(name), _identities["dir"])
        _identities["fingerprints"] = {"owner": owner, "other": other, "a": a, "b": b}
        return dict(_identities["fingerprints"])
    for name in IDENTITY_FILES:
        shutil.copy(os.path.join(_identities["dir"], name), cli.dir)
    return dict(_identities["fingerprints"])


def record_with(cli, *sections):
    fingerprints = identities(cli)
    cli.new_record()
    for s in sections:
        cli.ok("record", "set", "rec.kartla", *OWNER, "--section", s, "--json", cli.example(s))
    return fingerprints


def share(cli, *args):
    return loads(cli.ok("share", "rec.kartla", *OWNER, *args, "--json"))


def shown(cli, name, *args):
    return loads(cli.ok("receipt", "show", name, "--json", *args, passphrase=None))


def sequence(cli):
    return cli.verify_json("rec.kartla")["sequence"]


def mode_of(cli, name):
    return stat.S_IMODE(os.stat(cli.path(name)).st_mode)


@case
def share_writes_the_grant_receipt(cli: Cli):
    fp = record_with(cli, "profile", "languages")
    s = share(cli, "--to", "a.card", "--sections", "profile,languages", "--purpose", "Kartläggning inför praktik",
              "--expires", EXPIRES_DAY, "--out", "a.bundle", "--receipt", "a.receipt")
    check(s["receipt"] == "a.receipt", "share --json names the receipt: %r" % s)
    check(mode_of(cli, "a.receipt") == 0o600, "the receipt is written 0600: %o" % mode_of(cli, "a.receipt"))
    check(cli.read_bytes("a.receipt")[:8] == b"KARTLA" + b"X\x01", "a receipt file ('X')")

    d = shown(cli, "a.receipt", "--owner-card", "owner.card", "--agency-card", "a.card")
    report = cli.verify_json("rec.kartla")
    check(d["kind"] == "grant" and d["grant_id"] == s["grant_id"] and d["owner_fingerprint"] == fp["owner"] and
          d["agency_fingerprint"] == fp["a"] and d["agency_name"] == "Landskrona stad" and
          d["sections"] == ["profile", "languages"] and d["purpose"] == "Kartläggning inför praktik" and
          d["gdpr_art6_basis"] == "6.1.a" and d["gdpr_art9_basis"] == "" and d["expires_at"] == 4086547200 and
          d["ended_at"] == 0 and d["end_reason"] == "" and d["record_id"] == report["record_id"] and
          d["sequence"] == report["sequence"], "the grant receipt: %r" % d)

    text = cli.ok("receipt", "show", "a.receipt", "--owner-card", "owner.card", passphrase=None)
    check(text.startswith("Grant receipt: the grant is in force.\n"), "headline:\n" + text)
    check(re.search(r"The participant with fingerprint %s granted Landskrona stad \(sections profile, languages; "
                    r"purpose \"Kartläggning inför praktik\"\) on \S+Z, until 2099-07-01T00:00:00Z \(grant %s\)\."
                    % (re.escape(fp["owner"]), s["grant_id"]), text) is not None, "the statement:\n" + text)
    check("  basis:      GDPR Art. 6.1.a (consent)\n" in text, "the basis in words:\n" + text)
    check("Owner checked: signed by the participant whose card is owner.card.\n" in text, "pinned:\n" + text)
    check("it does not show that you received it" in text, "what a receipt does not prove:\n" + text)
    unpinned = cli.ok("receipt", "show", "a.receipt", passphrase=None)
    check("Owner NOT checked: compare the fingerprint above" in unpinned, "unpinned:\n" + unpinned)

    # The owner can write the same grant's receipt again: the same statement.
    out = cli.ok("receipt", "rec.kartla", *OWNER, "--grant", s["grant_id"], "--out", "again.receipt")
    check(out.startswith("Grant receipt of grant %s written to again.receipt (" % s["grant_id"]), "receipt: " + out)
    check(shown(cli, "again.receipt") == d, "the same receipt again")


@case
def the_agency_side_pins_owner_and_agency(cli: Cli):
    record_with(cli, "profile")
    share(cli, "--to", "a.card", "--sections", "profile", "--purpose", "P", "--out", "a.bundle", "--receipt", "a.receipt")
    cli.fails(AUTH, "receipt", "show", "a.receipt", "--owner-card", "other.card", passphrase=None,
              matches="not by the expected owner")
    cli.fails(VERIFICATION, "receipt", "show", "a.receipt", "--agency-card", "b.card", passphrase=None,
              matches="not to this agency")
    cli.fails(USAGE, "receipt", "show", "a.receipt", "--owner-card", "a.card", passphrase=None,
              matches="not an owner's card")
    cli.fails(USAGE, "receipt", "show", "a.receipt", "--agency-card", "owner.card", passphrase=None,
              matches="not an agency's card")
    # Altered bytes, a cut-off file, another kind of file: verification failed.
    data = bytearray(cli.read_bytes("a.receipt"))
    for offset in (20, len(data) // 2, len(data) - 1):
        bad = bytearray(data)
        bad[offset] ^= 0x01
        cli.write("bad.receipt", bytes(bad), "wb")
        cli.fails(VERIFICATION, "receipt", "show", "bad.receipt", passphrase=None)
    cli.write("cut.receipt", bytes(data[:-1]), "wb")
    cli.fails(VERIFICATION, "receipt", "show", "cut.receipt", passphrase=None, matches="truncated")
    cli.fails(VERIFICATION, "receipt", "show", "a.bundle", passphrase=None, matches="expected a receipt")
    cli.fails(VERIFICATION, "receipt", "show", "owner.card", passphrase=None, matches="expected a receipt")


@case
def revoke_writes_a_termination_receipt_per_grant(cli: Cli):
    fp = record_with(cli, "profile", "languages")
    first = share(cli, "--to", "a.card", "--sections", "profile", "--purpose", "Kartläggning", "--out", "a1.bundle")
    second = share(cli, "--to", "a.card", "--sections", "languages", "--purpose", "Språkstöd",
                   "--expires", EXPIRES_DAY, "--out", "a2.bundle")
    kept = share(cli, "--to", "b.card", "--sections", "profile", "--purpose", "Matchning", "--out", "b.bundle")

    # Every receipt file is checked before anything changes.
    cli.write("end.receipt.2", "already here")
    before = sequence(cli)
    cli.fails(USAGE, "revoke", "rec.kartla", *OWNER, "--from", "a.card", "--receipt", "end.receipt",
              matches=r"end\.receipt\.2 already exists")
    check(sequence(cli) == before, "nothing was revoked")
    os.remove(cli.path("end.receipt.2"))

    summary = loads(cli.ok("revoke", "rec.kartla", *OWNER, "--from", "a.card", "--receipt", "end.receipt", "--json"))
    check(summary["receipts"] == [{"grant_id": first["grant_id"], "file": "end.receipt"},
                                  {"grant_id": second["grant_id"], "file": "end.receipt.2"}],
          "one receipt per grant ended, in ledger order: %r" % summary)
    for name, grant, sections, purpose in (("end.receipt", first, ["profile"], "Kartläggning"),
                                           ("end.receipt.2", second, ["languages"], "Språkstöd")):
        check(mode_of(cli, name) == 0o600, "%s is 0600" % name)
        d = shown(cli, name, "--owner-card", "owner.card", "--agency-card", "a.card")
        check(d["kind"] == "termination" and d["end_reason"] == "revoked" and d["grant_id"] == grant["grant_id"] and
              d["sections"] == sections and d["purpose"] == purpose and d["ended_at"] >= d["granted_at"] and
              d["sequence"] == summary["sequence"], "%s: %r" % (name, d))
        text = cli.ok("receipt", "show", name, passphrase=None)
        check(text.startswith("Termination receipt: the grant has ended.\n"), "headline:\n" + text)
        check(re.search(r"The participant with fingerprint %s ended grant %s to Landskrona stad \(sections %s; "
                        r"purpose \"%s\"\) on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: revoked\. Stop processing these "
                        r"sections\.\n" % (re.escape(fp["owner"]), grant["grant_id"], ", ".join(sections), purpose),
                        text) is not None, "the statement:\n" + text)
        check("  ended:      " in text and ", revoked by the participant\n" in text, "ended line:\n" + text)
    # The agency kept its receipts; B's grant goes on and still has a grant receipt.
    cli.ok("receipt", "rec.kartla", *OWNER, "--grant", kept["grant_id"], "--out", "b.receipt")
    check(shown(cli, "b.receipt", "--agency-card", "b.card")["kind"] == "grant", "B's grant is in force")
    # A later receipt of a revoked grant says the same, from a later version.
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", cli.example("profile"))
    cli.ok("receipt", "rec.kartla", *OWNER, "--grant", first["grant_id"], "--out", "later.receipt")
    later, then = shown(cli, "later.receipt"), shown(cli, "end.receipt")
    check(later["ended_at"] == then["ended_at"] and later["sequence"] == then["sequence"] + 1,
          "a later receipt: %r / %r" % (later, then))
    # The text summary names the files too.
    share(cli, "--to", "a.card", "--sections", "profile", "--purpose", "Igen", "--out", "a3.bundle")
    out = cli.ok("revoke", "rec.kartla", *OWNER, "--from", "a.card", "--receipt", "third.receipt")
    check(re.search(r"^receipt: +third\.receipt \(grant [0-9a-f]{32}\)$", out, re.M) is not None, "revoke:\n" + out)


@case
def an_expired_grant_gets_its_receipt_after_the_save_that_ends_it(cli: Cli):
    record_with(cli, "profile")
    s = share(cli, "--to", "a.card", "--sections", "profile", "--purpose", "Praktik", "--expires", EXPIRES_DAY,
              "--out", "a.bundle")
    # Past the expiry by the owner's clock, but not yet saved: the grant is still in the record.
    cli.fails(NOT_AVAILABLE, "receipt", "rec.kartla", *OWNER, "--grant", s["grant_id"], "--out", "x.receipt",
              env=AFTER_EXPIRY, matches="ends at the next save")
    check(not os.path.exists(cli.path("x.receipt")), "nothing written")
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", cli.example("profile"),
           env=AFTER_EXPIRY)
    out = loads(cli.ok("receipt", "rec.kartla", *OWNER, "--grant", s["grant_id"], "--out", "x.receipt",
                            "--json", env=AFTER_EXPIRY))
    d = out["receipt"]
    check(out["file"] == "x.receipt" and out["bytes"] == len(cli.read_bytes("x.receipt")), "receipt --json: %r" % out)
    check(d["kind"] == "termination" and d["end_reason"] == "expired" and d["ended_at"] == 4086633600 and
          d["expires_at"] == 4086547200 and d["sequence"] == sequence(cli), "expired: %r" % d)
    text = cli.ok("receipt", "show", "x.receipt", "--owner-card", "owner.card", "--agency-card", "a.card",
                  passphrase=None)
    check(" on 2099-07-02T00:00:00Z: expired. Stop processing these sections.\n" in text, "statement:\n" + text)
    check("  ended:      2099-07-02T00:00:00Z, expired (ended at the owner's first save after the expiry)\n" in text,
          "ended line:\n" + text)


@case
def refusals_of_the_owner_side(cli: Cli):
    record_with(cli, "profile")
    s = share(cli, "--to", "a.card", "--sections", "profile", "--purpose", "P", "--out", "a.bundle")
    cli.fails(NOT_AVAILABLE, "receipt", "rec.kartla", *OWNER, "--grant", "00112233445566778899aabbccddeeff",
              "--out", "r.receipt", matches="no grant with id")
    cli.write("r.receipt", "mine")
    cli.fails(USAGE, "receipt", "rec.kartla", *OWNER, "--grant", s["grant_id"], "--out", "r.receipt",
              matches="already exists")
    check(cli.read_bytes("r.receipt") == b"mine", "never overwritten")
    before = sequence(cli)
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "profile", "--purpose", "P",
              "--out", "b.bundle", "--receipt", "r.receipt", matches="already exists")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "profile", "--purpose", "P",
              "--out", "b.bundle", "--receipt", "b.bundle", matches="same file")
    check(sequence(cli) == before and not os.path.exists(cli.path("b.bundle")), "nothing was shared")
    cli.fails(USAGE, "receipt", "rec.kartla", *OWNER, "--out", "r2.receipt", matches="--grant")
    cli.fails(AUTH, "receipt", "rec.kartla", "--owner", "other.id", "--grant", s["grant_id"], "--out", "r2.receipt")


@case
def help_lists_the_receipt_commands(cli: Cli):
    out = cli.ok("--help", passphrase=None)
    check(re.search(r"^  receipt +write the signed receipt", out, re.M) is not None and
          re.search(r"^  receipt show +check a receipt", out, re.M) is not None, "--help:\n" + out)
    for words, needle in ((["share"], "--receipt FILE"), (["revoke"], "FILE.2"), (["receipt"], "termination receipt"),
                          (["receipt", "show"], "--agency-card")):
        text = cli.ok(*words, "--help", passphrase=None)
        check(needle in text, "%s --help mentions %r:\n%s" % (" ".join(words), needle, text))
    check("receipt show" in cli.ok("receipt", "--help", passphrase=None), "receipt --help names receipt show")


if __name__ == "__main__":
    main()
