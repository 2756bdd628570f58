"""Sharing with agencies through the CLI (issue 5; the README's forms): share, open (bundle and record
file), expiry, tampering, rollback, revocation and the sharing ledger, with every exit code
0, 2, 3, 4, 5, 6 and 7 checked on the command that should produce it."""

import json
import os
import re
import shutil

from cli_harness import (loads, AUTH, IO, NOT_AVAILABLE, OK, OLDER, USAGE, VERIFICATION, Cli, case, check, main)
from sharing_fixtures import (EXPIRES_AT, EXPIRES_DAY, OWNER, edited_profile, owner_get, record_with,
                              share_json)


@case
def brief_forms_share_and_open_as_written(cli: Cli):
    fp = record_with(cli, "profile", "competences", "languages")
    # The README's form, exactly as written (plus the optional --expires).
    out = cli.ok("share", "rec.kartla", "--owner", "owner.id", "--to", "a.card", "--sections", "profile,competences",
                 "--purpose", "Kartläggning inför praktik", "--expires", EXPIRES_DAY, "--out", "a.bundle")
    grant_id = re.search(r"^grant id:  ([0-9a-f]{32})$", out, re.M)
    check(grant_id is not None, "share prints the grant id: " + out)
    check(out.startswith("Shared with Landskrona stad (%s)\n" % fp["a"]), "share names the agency: " + out)
    check("sections:  profile, competences\n" in out, "share lists the sections: " + out)
    check("purpose:   Kartläggning inför praktik\n" in out, "share shows the purpose: " + out)
    check("expires:   2099-07-01T00:00:00Z (valid through 2099-06-30)\n" in out, "share shows the expiry: " + out)
    check("basis:     GDPR Art. 6.1.a\n" in out, "share shows the default Art. 6 basis (consent): " + out)
    check("record:    rec.kartla (sequence 5)\n" in out, "the grant is saved as the next version: " + out)
    size = len(cli.read_bytes("a.bundle"))
    check("bundle:    a.bundle (%d bytes)\n" % size in out, "share shows the bundle and its size: " + out)

    # The bundle verifies on its own and carries the granted sections only: two of the four the
    # record lists (profile, competences, languages and the sharing ledger), and its one grant.
    report = cli.verify_json("a.bundle")
    check(report["kind"] == "bundle" and report["sections_present"] == 2 and report["sections_listed"] == 4 and
          report["grants_present"] == 1 and report["grants_listed"] == 1 and report["file_bytes"] == size,
          "the bundle holds two sections and one grant: %r" % report)
    check(report["sequence"] == 5, "the bundle is the saved version: %r" % report)

    # The README's open form, on the bundle and on the record file itself: the owner's plaintext.
    written = {section: owner_get(cli, section) for section in ("profile", "competences")}
    for source in ("a.bundle", "rec.kartla"):
        for section, plaintext in written.items():
            got = cli.ok("open", source, "--as", "a.id", "--section", section)
            check(got == plaintext, "%s from %s reads as the owner wrote it" % (section, source))

    # Not granted: exit 3, and the message says what is.
    for source in ("a.bundle", "rec.kartla"):
        cli.fails(NOT_AVAILABLE, "open", source, "--as", "a.id", "--section", "languages",
                  matches=r"section 'languages' is not shared with you \(shared with you: competences, profile\)")
    cli.fails(NOT_AVAILABLE, "open", "a.bundle", "--as", "a.id", "--section", "work_ability", matches="not shared")

    # Agency B holds no grant in A's bundle.
    cli.fails(NOT_AVAILABLE, "open", "a.bundle", "--as", "b.id", "--section", "profile",
              matches=r"not shared with you \(nothing in this file is shared with you\)")
    cli.fails(NOT_AVAILABLE, "open", "a.bundle", "--as", "b.id", matches=r"nothing in a.bundle is shared with this agency")


@case
def open_lists_what_the_agency_may_read(cli: Cli):
    fp = record_with(cli, "profile", "competences")
    summary = share_json(cli, "--to", "a.card", "--sections", "profile,competences", "--purpose", "Uppföljning",
                         "--expires", EXPIRES_DAY, "--out", "a.bundle")
    check(summary["sections"] == ["profile", "competences"] and summary["expires_at"] == "2099-07-01T00:00:00Z" and
          summary["agency_fingerprint"] == fp["a"] and summary["bundle_bytes"] == len(cli.read_bytes("a.bundle")),
          "share --json: %r" % summary)
    report = cli.verify_json("rec.kartla")
    for source in ("a.bundle", "rec.kartla"):
        d = loads(cli.ok("open", source, "--as", "a.id", "--json"))
        check(d["record_id"] == report["record_id"] and d["owner_fingerprint"] == fp["owner"] and
              d["sequence"] == report["sequence"] and d["previous_manifest_hash"] == report["previous_manifest_hash"],
              "open --json describes the record: %r" % d)
        check([(g["section"], g["grant_id"], g["purpose"], g["gdpr_art6_basis"], g["gdpr_art9_basis"], g["expires_at"])
               for g in d["grants"]] ==
              [("profile", summary["grant_id"], "Uppföljning", "6.1.a", "", EXPIRES_AT),
               ("competences", summary["grant_id"], "Uppföljning", "6.1.a", "", EXPIRES_AT)],
              "open --json lists the grants: %r" % d)
        human = cli.ok("open", source, "--as", "a.id")
        check("record id:          %s\n" % report["record_id"] in human, "human listing: record id\n" + human)
        check("owner fingerprint:  %s\n" % fp["owner"] in human, "human listing: owner\n" + human)
        check("sequence:           %d\n" % report["sequence"] in human, "human listing: sequence\n" + human)
        check("previous manifest:  %s\n" % report["previous_manifest_hash"] in human, "human listing: previous\n" + human)
        block = ("\ngrant %s\n  purpose:   Uppföljning\n  basis:     GDPR Art. 6.1.a (consent)\n  granted:   " %
                 summary["grant_id"])
        check(block in human, "human listing: the grant's purpose and basis\n" + human)
        check(re.search(r"\n  granted:   \S+Z\n  expires:   2099-07-01T00:00:00Z \(valid through 2099-06-30\)\n"
                        r"  sections:\n    profile +readable\n    competences +readable\n", human) is not None,
              "human listing: expiry and sections\n" + human)
        check("health data" not in human, "no Art. 9 basis for sections without health data\n" + human)
    at_expiry = cli.ok("open", "a.bundle", "--as", "a.id", "--at", "2099-07-01")
    check(re.search(r"\n    competences +expired\n", at_expiry) is not None and
          "(valid through 2099-06-30): EXPIRED" in at_expiry, "--at marks expired grants:\n" + at_expiry)


@case
def expiry_is_checked_at_the_given_time(cli: Cli):
    record_with(cli, "profile")
    cli.ok("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
           "--expires", EXPIRES_DAY, "--out", "a.bundle")
    for at in ("2099-06-30", "2099-06-30T23:59:59Z", "2030-01-01"):
        cli.ok("open", "a.bundle", "--as", "a.id", "--section", "profile", "--at", at)
    for at in ("2099-07-01", "2099-07-01T00:00:00Z", "2150-01-01"):
        cli.fails(NOT_AVAILABLE, "open", "a.bundle", "--as", "a.id", "--section", "profile", "--at", at,
                  matches=r"the grant for section 'profile' expired on 2099-07-01T00:00:00Z")
    # An exact instant as expiry; a leap day exists in 2028 but not in 2100.
    out = share_json(cli, "--to", "b.card", "--sections", "profile", "--purpose", "P",
                     "--expires", "2028-02-29T12:30:00Z", "--out", "b.bundle")
    check(out["expires_at"] == "2028-02-29T12:30:00Z", "an exact expiry is kept: %r" % out)
    cli.ok("open", "b.bundle", "--as", "b.id", "--section", "profile", "--at", "2028-02-29T12:29:59Z")
    cli.fails(NOT_AVAILABLE, "open", "b.bundle", "--as", "b.id", "--section", "profile",
              "--at", "2028-02-29T12:30:00Z", matches="expired")
    sequence = cli.verify_json("rec.kartla")["sequence"]
    for bad, message in [("2027-02-30", "no such date as 2027-02-30"), ("2100-02-29", "no such date"),
                         ("2027-13-01", "no such date"), ("2027-1-1", "must be a date YYYY-MM-DD"),
                         ("tomorrow", "must be a date"), ("2027-01-01T24:00:00Z", "no such time"),
                         ("2027-01-01T10:00:00+02:00", "must be a date")]:
        cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
                  "--expires", bad, "--out", "x.bundle", matches="--expires.*" + re.escape(message))
        cli.fails(USAGE, "open", "a.bundle", "--as", "a.id", "--section", "profile", "--at", bad, matches="--at")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
              "--expires", "2020-01-01", "--out", "x.bundle", matches="the expiry must be in the future")
    check(cli.verify_json("rec.kartla")["sequence"] == sequence, "no refused share reached the record")
    check(not os.path.exists(cli.path("x.bundle")), "no bundle was written by a refused share")


@case
def tampered_bundles_exit_4(cli: Cli):
    record_with(cli, "profile")
    cli.ok("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
           "--out", "a.bundle")
    good = cli.read_bytes("a.bundle")
    record_id = bytes.fromhex(cli.verify_json("a.bundle")["record_id"])

    # The last byte belongs to the last (here: the only) section body: the AEAD tag.
    body = bytearray(good)
    body[-1] ^= 0x01
    cli.write("body.bundle", bytes(body), "wb")
    cli.fails(VERIFICATION, "open", "body.bundle", "--as", "a.id", "--section", "profile")
    cli.fails(VERIFICATION, "verify", "body.bundle")

    # The record id is in the manifest the owner signed.
    at = good.index(record_id)
    manifest = bytearray(good)
    manifest[at + 3] ^= 0x80
    cli.write("manifest.bundle", bytes(manifest), "wb")
    cli.fails(VERIFICATION, "open", "manifest.bundle", "--as", "a.id", "--section", "profile", matches="signature")
    cli.fails(VERIFICATION, "open", "manifest.bundle", "--as", "a.id", matches="signature")

    cli.write("truncated.bundle", good[:-7], "wb")
    cli.fails(VERIFICATION, "open", "truncated.bundle", "--as", "a.id")
    check(cli.ok("open", "a.bundle", "--as", "a.id", "--section", "profile") == owner_get(cli, "profile"),
          "the untouched bundle still opens")


@case
def wrong_passphrase_owner_and_missing_files(cli: Cli):
    fp = record_with(cli, "profile")
    cli.ok("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
           "--out", "a.bundle")
    before = cli.read_bytes("rec.kartla")
    # 5: a wrong passphrase, for the agency and for the owner; a file of another owner.
    cli.fails(AUTH, "open", "a.bundle", "--as", "a.id", "--section", "profile", passphrase="wrong")
    cli.fails(AUTH, "share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "profile", "--purpose", "P",
              "--out", "b.bundle", passphrase="wrong")
    cli.fails(AUTH, "revoke", "rec.kartla", *OWNER, "--from", "a.card", passphrase="wrong")
    cli.fails(AUTH, "record", "ledger", "rec.kartla", *OWNER, passphrase="wrong")
    cli.new_identity("stranger.id")
    cli.ok("identity", "card", "stranger.id", "--out", "stranger.card")
    cli.fails(AUTH, "open", "a.bundle", "--as", "a.id", "--owner-card", "stranger.card",
              matches="not by the expected owner")
    out = cli.ok("open", "a.bundle", "--as", "a.id", "--section", "profile", "--owner-card", "owner.card")
    check(out == owner_get(cli, "profile"), "the right owner card lets the section through")
    check(fp["owner"] in cli.ok("open", "a.bundle", "--as", "a.id", "--owner-card", "owner.card"), "listing")
    # 2: a card of the wrong kind.
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "owner.card", "--sections", "profile", "--purpose", "P",
              "--out", "b.bundle", matches="not of an agency")
    cli.fails(USAGE, "open", "a.bundle", "--as", "a.id", "--owner-card", "a.card", matches="not an owner's card")
    # 6: missing files.
    cli.fails(IO, "open", "missing.bundle", "--as", "a.id", "--section", "profile", matches="missing.bundle")
    cli.fails(IO, "open", "a.bundle", "--as", "missing.id", "--section", "profile", matches="missing.id")
    cli.fails(IO, "open", "a.bundle", "--as", "a.id", "--owner-card", "missing.card", matches="missing.card")
    cli.fails(IO, "share", "missing.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
              "--out", "b.bundle", matches="missing.kartla")
    cli.fails(IO, "share", "rec.kartla", *OWNER, "--to", "missing.card", "--sections", "profile", "--purpose", "P",
              "--out", "b.bundle", matches="missing.card")
    cli.fails(IO, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
              "--out", "no-such-dir/b.bundle")
    cli.fails(IO, "revoke", "missing.kartla", *OWNER, "--from", "a.card")
    cli.fails(IO, "record", "ledger", "missing.kartla", *OWNER)
    check(cli.read_bytes("rec.kartla") == before, "no failing command changed the record")


@case
def an_older_copy_exits_7(cli: Cli):
    record_with(cli, "profile")
    summary = share_json(cli, "--to", "a.card", "--sections", "profile", "--purpose", "P", "--out", "old.bundle")
    old_sequence = summary["sequence"]
    shutil.copy(cli.path("rec.kartla"), cli.path("old.kartla"))
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", edited_profile(cli, "Mira"))
    out = loads(cli.ok("bundle", "rec.kartla", *OWNER, "--grant", summary["grant_id"], "--out", "new.bundle",
                            "--json"))
    new_sequence = out["sequence"]
    check(new_sequence == old_sequence + 1 and out["bundle_bytes"] == len(cli.read_bytes("new.bundle")),
          "bundle --json: %r" % out)
    check(loads(cli.ok("open", "new.bundle", "--as", "a.id", "--section", "profile"))["given_name"] == "Mira",
          "the new bundle holds the new content")
    for older in ("old.bundle", "old.kartla"):
        cli.ok("open", older, "--as", "a.id", "--section", "profile", "--last-seen", str(old_sequence))
        for args in (["--section", "profile"], ["--json"], []):
            cli.fails(OLDER, "open", older, "--as", "a.id", *args, "--last-seen", str(new_sequence),
                      matches=r"older than one already seen: sequence %d < %d" % (old_sequence, new_sequence))
    for newer in ("new.bundle", "rec.kartla"):
        cli.ok("open", newer, "--as", "a.id", "--section", "profile", "--last-seen", str(new_sequence))
        cli.fails(USAGE, "open", newer, "--as", "a.id", "--last-seen", "x", matches="--last-seen must be a number")
    # An unknown grant id is not available; an existing --out is refused.
    cli.fails(NOT_AVAILABLE, "bundle", "rec.kartla", *OWNER, "--grant", "00" * 16, "--out", "x.bundle",
              matches="no grant with id 0{32}")
    cli.fails(USAGE, "bundle", "rec.kartla", *OWNER, "--grant", summary["grant_id"], "--out", "new.bundle",
              matches="already exists")


@case
def revocation_protects_what_is_written_afterwards(cli: Cli):
    fp = record_with(cli, "profile", "competences")
    grant_a = share_json(cli, "--to", "a.card", "--sections", "profile,competences", "--purpose", "Kartläggning",
                         "--expires", EXPIRES_DAY, "--out", "a.bundle")
    grant_b = share_json(cli, "--to", "b.card", "--sections", "profile", "--purpose", "Matchning",
                         "--out", "b.bundle")
    before = owner_get(cli, "profile")

    out = cli.ok("revoke", "rec.kartla", "--owner", "owner.id", "--from", "a.card")  # the README's form
    check(out.startswith("Revoked every grant to Landskrona stad (%s)\n" % fp["a"]), "revoke names the agency: " + out)
    check("revoked grants:    1\n" in out and "new keys for:      profile, competences\n" in out and
          "re-issued grants:  1 " in out, "revoke summary: " + out)
    check("cannot be unshared" in out, "revoke says what it cannot do: " + out)

    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", edited_profile(cli, "Nadia"))
    after = owner_get(cli, "profile")
    cli.ok("bundle", "rec.kartla", *OWNER, "--grant", grant_b["grant_id"], "--out", "b-new.bundle")

    # A cannot read what was written after the revocation, from the record file...
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "profile")
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "competences")
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", matches="nothing in rec.kartla is shared")
    # ... nor from B's new bundle; and its old grant cannot be exported any more.
    cli.fails(NOT_AVAILABLE, "open", "b-new.bundle", "--as", "a.id", "--section", "profile")
    cli.fails(NOT_AVAILABLE, "bundle", "rec.kartla", *OWNER, "--grant", grant_a["grant_id"], "--out", "x.bundle",
              matches=r"grant %s was revoked on \S+Z: an ended grant is never exported" % grant_a["grant_id"])
    # What was shared cannot be unshared: A's old bundle still opens the old content.
    check(cli.ok("open", "a.bundle", "--as", "a.id", "--section", "profile") == before, "A keeps what it had")
    # B keeps reading, the new content included.
    check(loads(after)["given_name"] == "Nadia", "the owner wrote new content")
    for source in ("rec.kartla", "b-new.bundle"):
        check(cli.ok("open", source, "--as", "b.id", "--section", "profile") == after, "B reads the new content")
    cli.fails(NOT_AVAILABLE, "revoke", "rec.kartla", *OWNER, "--from", "a.card", matches="nothing is shared")

    # The ledger: both grants, A's revoked, with every field the brief asks for.
    ledger = loads(cli.ok("record", "ledger", "rec.kartla", *OWNER, "--json"))
    grants = {g["id"]: g for g in ledger["grants"]}
    check(set(grants) == {grant_a["grant_id"], grant_b["grant_id"]}, "the ledger holds both grants: %r" % ledger)
    a, b = grants[grant_a["grant_id"]], grants[grant_b["grant_id"]]
    check(a["agency_name"] == "Landskrona stad" and a["agency_fingerprint"] == fp["a"] and
          a["sections"] == ["profile", "competences"] and a["purpose"] == "Kartläggning" and
          a["expires_at"] == "2099-07-01T00:00:00Z" and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", a["granted_at"])
          and a["revoked_at"] >= a["granted_at"] and "expired_at" not in a, "A's ledger entry: %r" % a)
    check(a["gdpr_art6_basis"] == {"system": "gdpr-art6", "code": "6.1.a"} and "gdpr_art9_basis" not in a,
          "A's ledger entry records the Art. 6 basis: %r" % a)
    check(b["agency_name"] == "Arbetsförmedlingen" and b["agency_fingerprint"] == fp["b"] and
          "revoked_at" not in b and "expired_at" not in b and "expires_at" not in b, "B's ledger entry: %r" % b)
    actions = [(e["action"], e["grant_id"]) for e in ledger["access_events"]]
    check(actions == [("GRANT", grant_a["grant_id"]), ("GRANT", grant_b["grant_id"]), ("REVOKE", grant_a["grant_id"])],
          "the ledger's events: %r" % actions)
    human = cli.ok("record", "ledger", "rec.kartla", "--owner", "owner.id")
    check(human.startswith("Sharing ledger of rec.kartla: 2 grants\n"), "ledger header: " + human)
    block_a = human.split("grant %s (revoked)\n" % grant_a["grant_id"], 1)
    check(len(block_a) == 2, "A's grant is shown as revoked:\n" + human)
    block_a = block_a[1].split("\n\n", 1)[0]
    for line in ["  agency:       Landskrona stad (municipal_labour_unit)", "  fingerprint:  " + fp["a"],
                 "  sections:     profile, competences", "  purpose:      Kartläggning",
                 "  basis:        GDPR Art. 6.1.a (consent)",
                 "  granted:      " + a["granted_at"],
                 "  expires:      2099-07-01T00:00:00Z (valid through 2099-06-30)",
                 "  ended:        revoked, on %s: the sections it still covered got new keys" % a["revoked_at"]]:
        check(line in block_a.splitlines(), "ledger shows %r:\n%s" % (line, human))
    check("grant %s (active)\n" % grant_b["grant_id"] in human and "  expires:      never (until revoked)\n" in human
          and "  ended:        no\n" in human, "B's grant is active:\n" + human)
    check(re.search(r"\n  \S+Z  REVOKE grant %s: profile, competences\n" % grant_a["grant_id"], human) is not None,
          "the revocation event is listed:\n" + human)


@case
def wildcard_leaves_out_health_data_and_naming_it_needs_a_basis(cli: Cli):
    record_with(cli, "profile", "competences", "work_ability")
    first = share_json(cli, "--to", "b.card", "--sections", "competences, competences", "--purpose", "P",
                       "--out", "first.bundle")  # now the record holds a sharing ledger as well
    check(first["sections"] == ["competences"], "names are trimmed and named once: %r" % first)
    for everything in ("all", "*"):
        r = cli.run("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", everything, "--purpose", "P",
                    "--out", "all-%s.bundle" % len(everything), "--json")
        check(r.rc == OK and r.err == "kartla: note: not shared, because it holds health data: work_ability "
                                      "(name it and give --art9-basis to share it)\n",
              "a wildcard share says, in one line on stderr, what it left out", r)
        check(loads(r.out)["sections"] == ["profile", "competences"], "all = every non-health section", r)
        bundle = "all-%s.bundle" % len(everything)
        check(cli.verify_json(bundle)["sections_present"] == 2, "the bundle holds no health data and no ledger")
        cli.fails(NOT_AVAILABLE, "open", bundle, "--as", "a.id", "--section", "work_ability")
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "work_ability")

    # Naming a health section is not enough: it needs an Art. 9(2) basis (test_share_rules.py has more).
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile,work_ability",
              "--purpose", "Avstämning av arbetsförmåga", "--out", "health.bundle", matches="--art9-basis")
    r = cli.run("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile,work_ability",
                "--purpose", "Avstämning av arbetsförmåga", "--art9-basis", "9.2.a", "--out", "health.bundle")
    check(r.rc == OK and r.err == "", "naming a health section with a basis shares it, silently", r)
    check("sections:  profile, work_ability\n" in r.out and "basis:     GDPR Art. 6.1.a, Art. 9.2.a\n" in r.out,
          "the share lists work_ability and the bases", r)
    cli.ok("open", "health.bundle", "--as", "a.id", "--section", "work_ability")

    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "sharing_ledger", "--purpose", "P",
              "--out", "x.bundle", matches="never shared")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile,hobbies", "--purpose", "P",
              "--out", "x.bundle", matches=r"unknown section 'hobbies'; the sections are: profile, ")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "all,profile", "--purpose", "P",
              "--out", "x.bundle", matches="cannot be combined")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile,,competences",
              "--purpose", "P", "--out", "x.bundle", matches="empty name")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile",
              "--out", "x.bundle", matches="missing --purpose")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
              "--out", "health.bundle", matches="already exists")
    # A section the record does not hold is not available to share.
    cli.fails(NOT_AVAILABLE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "languages",
              "--purpose", "P", "--out", "x.bundle", matches="languages")


@case
def help_says_what_cannot_be_undone(cli: Cli):
    for command in (["share"], ["revoke"]):
        out = cli.ok(*command, "--help", passphrase=None)
        check("CANNOT BE UNSHARED" in out, "%s --help says what was shared cannot be unshared" % command[0])
    share_help = cli.ok("share", "--help", passphrase=None)
    check("valid through that" in share_help and "work_ability" in share_help, "share --help: " + share_help)
    for command in ("agency new", "agency card", "agency show", "share", "bundle", "open", "revoke", "record ledger"):
        check(re.search(r"^  %s +\S" % command, cli.ok("--help"), re.M) is not None, "--help lists " + command)


if __name__ == "__main__":
    main()
