"""The participant's story with the CLI: identity, card, record, every section set and read
back, and what `verify` reports after each save."""

import json
import os
import re

from cli_harness import AUTH, NOT_AVAILABLE, USAGE, Cli, case, check, main, loads

# Every section the brief requires; the examples for these two must exist.
REQUIRED_EXAMPLES = ["profile", "work_ability"]


def section_names(cli):
    return [s["name"] for s in loads(cli.ok("sections", "--json"))]


def without_defaults(value):
    """Protobuf JSON leaves out fields holding their default (false, 0, "", empty, the zero enum
    value): drop them from both sides so an example that spells them out still compares equal."""
    if isinstance(value, dict):
        kept = {k: without_defaults(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if not is_default(v)}
    if isinstance(value, list):
        return [without_defaults(v) for v in value]
    return value


def is_default(v):
    if v in (False, 0, "", "0", [], {}):
        return True
    return isinstance(v, str) and v.endswith("_UNSPECIFIED")


@case
def identity_card_and_fingerprints_agree(cli: Cli):
    fingerprint, code = cli.new_identity()
    check(re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", fingerprint) is not None, "fingerprint format: " + fingerprint)
    check(re.fullmatch(r"([0-9a-f]{4}-){8}[0-9a-f]{4}", code) is not None, "recovery code format: " + code)
    out = cli.ok("identity", "card", "owner.id", "--out", "owner.card")
    check(fingerprint in out, "card summary shows the fingerprint: " + out)
    check(cli.read_bytes("owner.card").startswith(b"KARTLAC"), "a card file was written")
    # A card needs no passphrase; an identity file does.
    check(cli.ok("identity", "fingerprint", "owner.card", passphrase=None) == fingerprint + "\n", "card fingerprint")
    check(cli.ok("identity", "fingerprint", "owner.id") == fingerprint + "\n", "identity fingerprint")


@case
def human_identity_new_shows_the_recovery_code_once_with_a_warning(cli: Cli):
    out = cli.ok("identity", "new", "--out", "owner.id", "--kdf-memory-mib", "64")
    codes = re.findall(r"\b(?:[0-9a-f]{4}-){8}[0-9a-f]{4}\b", out)
    check(len(codes) == 1, "the recovery code appears exactly once: " + out)
    check("RECOVERY CODE" in out and "only this once" in out, "the warning is there: " + out)
    check(re.search(r"Fingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4}\n", out) is not None, "fingerprint shown: " + out)
    # The code really is this identity's: it recovers it.
    cli.ok("identity", "recover", "owner.id", env={"KARTLA_RECOVERY_CODE": codes[0], "KARTLA_NEW_PASSPHRASE": "n"})


@case
def every_section_round_trips_and_every_save_grows_the_sequence(cli: Cli):
    fingerprint, _ = cli.new_identity()
    cli.new_record()
    first = cli.verify_json("rec.kartla")
    check(first["sequence"] == 1 and first["previous_manifest_hash"] == "", "a new record is version 1: %r" % first)
    check(first["owner_fingerprint"] == fingerprint and first["kind"] == "record" and
          (first["sections_listed"], first["sections_present"], first["section_bytes"]) == (0, 0, 0) and
          (first["grants_listed"], first["grants_present"]) == (0, 0) and
          first["file_bytes"] == len(cli.read_bytes("rec.kartla")), "a new record: %r" % first)
    check(re.fullmatch(r"[0-9a-f]{32}", first["record_id"]) is not None, "record id: %r" % first)

    for required in REQUIRED_EXAMPLES:
        check(os.path.exists(cli.example(required)), "examples/sections/%s.json must exist" % required)
    names = section_names(cli)
    sequence, seen_hashes, stored = 1, set(), []
    for name in names:
        example = cli.example(name)
        if name == "sharing_ledger":
            # Written only by the library (share, revoke, expiry): refused, and nothing is saved.
            cli.fails(USAGE, "record", "set", "rec.kartla", "--owner", "owner.id", "--section", name, "--json", example,
                      matches="sharing_ledger")
            check(cli.verify_json("rec.kartla")["sequence"] == sequence, "a refused set saves nothing")
            continue
        if not os.path.exists(example):
            print("!!! SKIPPING section %s: %s does not exist" % (name, example))
            continue
        out = cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", name, "--json", example)
        sequence += 1
        check(out == "rec.kartla: section %s saved (sequence %d)\n" % (name, sequence), "set summary: " + out)
        report = cli.verify_json("rec.kartla")
        check(report["sequence"] == sequence, "sequence %d after this save: %r" % (sequence, report))
        check(report["record_id"] == first["record_id"], "the record id never changes")
        previous = report["previous_manifest_hash"]
        check(re.fullmatch(r"[0-9a-f]{64}", previous) is not None and previous not in seen_hashes,
              "each version names a new previous manifest: %r" % previous)
        seen_hashes.add(previous)
        stored.append(name)
        # Without a key verify counts the sections, and never names them; each body is padded
        # (1 KiB at least: 1024 + 24 nonce + 16 tag).
        check(report["sections_listed"] == report["sections_present"] == len(stored) and report["kind"] == "record",
              "verify counts the sections set so far: %r" % report)
        check(report["section_bytes"] >= 1064 * len(stored) and
              report["file_bytes"] == len(cli.read_bytes("rec.kartla")),
              "verify reports the padded sizes and the file size: %r" % report)

        got = cli.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", name)
        with open(example) as f:
            wanted = json.load(f)
        check(without_defaults(loads(got)) == without_defaults(wanted), "%s reads back as written" % name)
        if name not in REQUIRED_EXAMPLES:
            continue
        # Output fed back in is stable: get(set(get(x))) == get(x), byte for byte.
        cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", name, "--json", "-", stdin=got)
        sequence += 1
        again = cli.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", name)
        check(again == got, "%s: JSON output read back in gives the same output" % name)

    listed = cli.ok("record", "list", "rec.kartla", "--owner", "owner.id")
    check(listed == "".join(n + "\n" for n in names if n in stored), "list shows the stored sections: " + listed)
    summary = loads(cli.ok("record", "list", "rec.kartla", "--owner", "owner.id", "--json"))
    check(summary == {"record_id": first["record_id"], "sequence": sequence,
                      "sections": [n for n in names if n in stored]}, "list --json: %r" % summary)

    human = cli.ok("verify", "rec.kartla", passphrase=None)
    check("record id:          %s\n" % first["record_id"] in human, "verify shows the record id: " + human)
    check("owner fingerprint:  %s\n" % fingerprint in human, "verify shows the fingerprint: " + human)
    check("sequence:           %d\n" % sequence in human, "verify shows the sequence: " + human)
    check(re.search(r"previous manifest:  [0-9a-f]{64}\n", human) is not None, "verify shows the previous hash")
    report = cli.verify_json("rec.kartla")
    check("sections:           %d present of %d listed, %d bytes (padded)\n" % (len(stored), len(stored),
                                                                           report["section_bytes"]) in human,
          "verify counts the sections: " + human)
    check("grants:             0 present of 0 listed\n" in human and
          "file size:          %d bytes\n" % report["file_bytes"] in human, "verify counts grants, file size: " + human)
    check("cannot be seen without a key" in human, "verify says what it cannot see: " + human)
    for name in names:
        check(re.search(r"\b%s\b" % name, human) is None, "verify names no section (%s): %s" % (name, human))


@case
def removing_a_section_makes_it_unavailable(cli: Cli):
    cli.new_identity()
    cli.new_record()
    cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--json",
           cli.example("profile"))
    out = cli.ok("record", "remove", "rec.kartla", "--owner", "owner.id", "--section", "profile")
    check(out == "rec.kartla: section profile removed (sequence 3)\n", "remove summary: " + out)
    cli.fails(NOT_AVAILABLE, "record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile",
              matches="profile")
    cli.fails(NOT_AVAILABLE, "record", "remove", "rec.kartla", "--owner", "owner.id", "--section", "profile")
    check(cli.ok("record", "list", "rec.kartla", "--owner", "owner.id") == "", "nothing listed")
    report = cli.verify_json("rec.kartla")
    check(report["sections_listed"] == report["sections_present"] == report["section_bytes"] == 0,
          "verify counts no section: %r" % report)


@case
def passphrase_file_is_read_up_to_its_first_line_ending(cli: Cli):
    cli.new_identity(passphrase="from a file")
    cli.write("pass-lf", "from a file\nsecond line is ignored\n")
    cli.write("pass-crlf", "from a file\r\n")
    cli.write("pass-bare", "from a file")
    for f in ("pass-lf", "pass-crlf", "pass-bare"):
        cli.ok("identity", "fingerprint", "owner.id", "--passphrase-file", f, passphrase=None)
    # The file wins over the environment.
    cli.ok("identity", "fingerprint", "owner.id", "--passphrase-file", "pass-lf", passphrase="not this one")
    cli.fails(AUTH, "identity", "fingerprint", "owner.id", passphrase="from a file ")


if __name__ == "__main__":
    main()
