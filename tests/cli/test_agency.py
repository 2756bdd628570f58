"""Agency identities through the CLI (issue 5 item 1): `agency new` as the README writes it,
`agency card`, `agency show`, the checked organisation number and the documented roles; an
agency is never a record's owner (SPEC §4.1)."""

import json
import os
import re

from cli_harness import AUTH, KDF, OK, USAGE, VERIFICATION, Cli, case, check, main, loads

# Issue 5: "the role is one of a documented set".
ROLES = ["municipal_labour_unit", "employment_service", "social_insurance", "health_care", "validation_provider",
         "education_provider", "employer", "other"]


@case
def agency_new_and_card_as_written(cli: Cli):
    # The README's form exactly (so with the default Argon2id cost), then the card.
    out = cli.ok("agency", "new", "--name", "Landskrona stad", "--org", "212000-1140", "--role",
                 "municipal_labour_unit", "--out", "agency.id")
    check(out.startswith("Created agency identity agency.id\nFingerprint: "), "summary: " + out)
    codes = re.findall(r"\b(?:[0-9a-f]{4}-){8}[0-9a-f]{4}\b", out)
    check(len(codes) == 1 and "RECOVERY CODE" in out and "only this once" in out, "the recovery code, once: " + out)
    fingerprint = re.search(r"Fingerprint: ((?:[0-9a-f]{4} ){7}[0-9a-f]{4})\n", out).group(1)

    out = cli.ok("agency", "card", "agency.id", "--out", "agency.card")
    check(out == "Card written to agency.card\nFingerprint: %s\n" % fingerprint, "card summary: " + out)
    card = loads(cli.ok("agency", "show", "agency.card", "--json", passphrase=None))
    check(card["kind"] == "agency" and card["name"] == "Landskrona stad" and card["organisation_number"] == "2120001140"
          and card["role"] == "municipal_labour_unit" and card["fingerprint"] == fingerprint,
          "the card names the agency: %r" % card)
    human = cli.ok("agency", "show", "agency.card", passphrase=None)
    for line in ["kind:                 agency", "name:                 Landskrona stad",
                 "organisation number:  2120001140", "role:                 municipal_labour_unit",
                 "fingerprint:          " + fingerprint]:
        check(line in human.splitlines(), "agency show prints %r:\n%s" % (line, human))
    check(re.search(r"^created: +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", human, re.M) is not None, "created time: " + human)
    check(cli.ok("identity", "fingerprint", "agency.card", passphrase=None) == fingerprint + "\n", "card fingerprint")

    # The recovery code is the agency identity's: it sets a new passphrase.
    cli.ok("identity", "recover", "agency.id", env={"KARTLA_RECOVERY_CODE": codes[0], "KARTLA_NEW_PASSPHRASE": "new"})
    cli.fails(AUTH, "agency", "card", "agency.id", "--out", "again.card")
    cli.ok("agency", "card", "agency.id", "--out", "agency.card", "--force", passphrase="new")


@case
def organisation_numbers_and_roles_are_checked(cli: Cli):
    summary = loads(cli.ok("agency", "new", "--name", "Helsingin kaupunki", "--org", "0201256-6", "--role",
                                "education_provider", "--out", "fi.id", "--json", *KDF))
    check(re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", summary["fingerprint"]) is not None and
          re.fullmatch(r"([0-9a-f]{4}-){8}[0-9a-f]{4}", summary["recovery_code"]) is not None and
          summary["identity"] == "fi.id", "agency new --json: %r" % summary)
    cli.ok("agency", "card", "fi.id", "--out", "fi.card")
    card = loads(cli.ok("agency", "show", "fi.card", "--json"))
    check(card["organisation_number"] == "0201256-6" and card["role"] == "education_provider", "Y-tunnus: %r" % card)
    cli.ok("agency", "new", "--name", "Ett bolag AB", "--org", "5560360793", "--role", "employer", "--out", "se.id",
           *KDF)

    refused = [
        (["--org", "212000-1141"], r"not a valid Swedish organisation number.*Luhn"),
        (["--org", "0201256-5"], r"not a valid Finnish business id \(Y-tunnus\)"),
        (["--org", "19640823-3234"], r"not a valid Swedish organisation number"),
        (["--org", "banana"], r"organisation number"),
        (["--role", "boss"], r"unknown agency role 'boss' \(roles: " + ", ".join(ROLES) + r"\)"),
        (["--role", "Employer"], r"unknown agency role"),
        (["--name", ""], r"--name needs a non-empty value"),
        (["--name", "x" * 300], r"too long"),
    ]
    for change, message in refused:
        args = {"--name": "X", "--org": "212000-1140", "--role": "other"}
        args.update(dict(zip(change[::2], change[1::2])))
        flat = [w for k, v in args.items() for w in (k, v)]
        cli.fails(USAGE, "agency", "new", *flat, "--out", "bad.id", *KDF, matches=message)
        check(not os.path.exists(cli.path("bad.id")), "no identity written for %r" % change)
    cli.fails(USAGE, "agency", "new", "--org", "212000-1140", "--role", "other", "--out", "bad.id", matches="--name")
    cli.fails(USAGE, "agency", "new", "--name", "X", "--org", "212000-1140", "--role", "other", "--out", "se.id",
              *KDF, matches="already exists")
    cli.fails(USAGE, "agency", "new", "--name", "X", "--org", "212000-1140", "--role", "other", "--out", "bad.id",
              "--kdf-memory-mib", "8", matches="64 MiB")


@case
def agency_help_lists_every_role(cli: Cli):
    out = cli.ok("agency", "new", "--help", passphrase=None)
    check(out.startswith("Usage: kartla agency new --name NAME --org ORGNR --role ROLE --out AGENCY.id"), out)
    roles = out.split("ROLE is one of:\n", 1)
    check(len(roles) == 2, "agency new --help lists the roles:\n" + out)
    check(roles[1].split("\n", 1)[0].strip() == ", ".join(ROLES), "every documented role, in order:\n" + out)
    check("Luhn" in out and "Y-tunnus" in out, "the organisation number forms are explained:\n" + out)
    group = cli.ok("agency", "--help", passphrase=None)
    for command in ("new", "card", "show"):
        check(re.search(r"^  agency %s +\S" % command, group, re.M) is not None, "agency --help lists " + command)


@case
def cards_of_the_wrong_kind_or_forged_are_refused(cli: Cli):
    cli.new_identity()
    cli.fails(USAGE, "agency", "card", "owner.id", "--out", "owner.card", matches="not 'agency'")
    check(not os.path.exists(cli.path("owner.card")), "no card written for an owner identity")
    cli.ok("identity", "card", "owner.id", "--out", "owner.card")
    owner = loads(cli.ok("agency", "show", "owner.card", "--json"))
    check(owner["kind"] == "owner", "agency show describes any card: %r" % owner)
    check("name:" not in cli.ok("agency", "show", "owner.card"), "an owner card has no name to show")

    fingerprint, card = cli.new_agency("a.id")
    cli.fails(USAGE, "agency", "card", "a.id", "--out", card, matches="already exists")
    cli.fails(USAGE, "agency", "card", "a.id", "--out", "a.id", matches="over the identity file")
    data = bytearray(cli.read_bytes(card))
    name_at = data.index(b"Landskrona stad")
    data[name_at] ^= 0x20  # "landskrona stad": the self-signature no longer covers it
    cli.write("forged.card", bytes(data), "wb")
    cli.fails(VERIFICATION, "agency", "show", "forged.card")
    cli.fails(VERIFICATION, "agency", "show", "owner.id")  # not a card at all
    r = cli.run("agency", "show", card)
    check(r.rc == OK and fingerprint in r.out, "the genuine card still shows", r)


@case
def only_an_owner_identity_owns_a_record(cli: Cli):
    # SPEC §4.1: an agency (or trust root) identity cannot be a record's owner, new or opened.
    cli.new_agency("a.id")
    cli.fails(USAGE, "record", "new", "--owner", "a.id", "--out", "a.kartla",
              matches=r"owner is an agency's identity: only an owner identity \(card kind 1\) can own a record")
    check(not os.path.exists(cli.path("a.kartla")), "no record written for an agency")
    cli.new_identity()
    cli.new_record()
    cli.fails(USAGE, "record", "list", "rec.kartla", "--owner", "a.id", matches="only an owner identity")
    cli.ok("record", "list", "rec.kartla", "--owner", "owner.id")


@case
def a_hostile_name_cannot_drive_the_readers_terminal(cli: Cli):
    name = "Evil\x1b]0;pwned\x07 AB\u009b2J"  # set the window title; C1 CSI "clear screen"
    fingerprint, card = cli.new_agency("evil.id", display_name=name)
    human = cli.ok("agency", "show", card)
    check("name:                 Evil?]0;pwned? AB?2J\n" in human, "control characters are shown as '?': %r" % human)
    check(not any(ord(c) < 0x20 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in human), "no control character left")
    check(loads(cli.ok("agency", "show", card, "--json"))["name"] == name, "--json keeps the exact name")
    cli.new_identity()
    cli.new_record()
    cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--json",
           cli.example("profile"))
    out = cli.ok("share", "rec.kartla", "--owner", "owner.id", "--to", card, "--sections", "profile",
                 "--purpose", "P\x1b[2J", "--out", "evil.bundle")
    check(out.startswith("Shared with Evil?]0;pwned? AB?2J (%s)\n" % fingerprint) and "purpose:   P?[2J\n" in out,
          "share output is sanitised: %r" % out)
    listing = cli.ok("open", "evil.bundle", "--as", "evil.id")
    check("\x1b" not in listing and "P?[2J\n" in listing, "open listing is sanitised: %r" % listing)
    ledger = cli.ok("record", "ledger", "rec.kartla", "--owner", "owner.id")
    check("\x1b" not in ledger and "\x07" not in ledger and "  agency:       Evil?]0;pwned? AB?2J (" in ledger,
          "ledger is sanitised: %r" % ledger)


if __name__ == "__main__":
    main()
