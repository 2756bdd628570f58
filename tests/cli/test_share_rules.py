"""The sharing rules of format version 1 as a CLI user meets them (docs/SPEC.md §5.1, §7.1, §7.4,
§7.5, §8): health data is shared only under a stated GDPR Art. 9(2) basis and never by a wildcard;
the sharing ledger is the library's own; expiry ends a grant by keys at the first save after it,
whatever the agency's clock says; and a keyless reader is never told which sections a file holds.
Each case fails on the CLI before these rules (it shared health data with a warning, let the
ledger be overwritten, left expiry to the reader's clock and listed sections by name in verify)."""

import json
import os

from cli_harness import NOT_AVAILABLE, OK, USAGE, Cli, case, check, main, loads
from sharing_fixtures import (EXPIRES_AT, EXPIRES_DAY, OWNER, check_no_section_named, edited_profile, owner_get,
                              record_with, section_names, share_json)

# The owner's clock after the expiry of EXPIRES_DAY (valid through 2099-06-30), and the agency's
# clock pretending to be before it.
AFTER_EXPIRY = {"KARTLA_NOW": "2099-07-02"}
BEFORE_EXPIRY = "2099-06-01"


def ledger(cli, **kw):
    return loads(cli.ok("record", "ledger", "rec.kartla", *OWNER, "--json", **kw))


def sequence(cli, name="rec.kartla"):
    return cli.verify_json(name)["sequence"]


@case
def health_data_is_shared_only_with_an_art9_basis(cli: Cli):
    record_with(cli, "profile", "work_ability")
    seq, before = sequence(cli), cli.read_bytes("rec.kartla")

    # Without --art9-basis: a usage error naming the flag, and nothing saved, no bundle written.
    for sections in ("work_ability", "profile,work_ability"):
        cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", sections, "--purpose", "P",
                  "--out", "h.bundle", matches=r"section 'work_ability' holds health data .*--art9-basis")
    # A basis that is not a code, an Art. 9 basis without health data, an unknown Art. 6 basis.
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "work_ability", "--purpose", "P",
              "--art9-basis", "9.2.z", "--out", "h.bundle", matches=r"9\.2\.a to 9\.2\.j")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
              "--art9-basis", "9.2.a", "--out", "h.bundle", matches=r"Art\. 9\(2\) basis is for health data")
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "profile", "--purpose", "P",
              "--art6-basis", "6.1.z", "--out", "h.bundle", matches=r"6\.1\.a to 6\.1\.f")
    check(sequence(cli) == seq and cli.read_bytes("rec.kartla") == before, "a refused share saves nothing")
    check(ledger(cli) == {}, "a refused share leaves no trace in the ledger")
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "work_ability")

    # With one: shared, and both bases are in the summary, the grant, the ledger and the agency's view.
    r = cli.run("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "work_ability",
                "--purpose", "Avstämning av arbetsförmåga", "--art9-basis", "9.2.h", "--art6-basis", "6.1.e",
                "--expires", EXPIRES_DAY, "--out", "h.bundle")
    check(r.rc == OK and r.err == "", "a health section named with a basis is shared, with no warning", r)
    check("basis:     GDPR Art. 6.1.e, Art. 9.2.h\n" in r.out, "the summary shows both bases", r)
    check(sequence(cli) == seq + 1, "the grant is saved as the next version")
    summary = share_json(cli, "--to", "b.card", "--sections", "profile,work_ability", "--purpose", "Matchning",
                         "--art9-basis", "9.2.b", "--out", "b.bundle")
    check(summary["gdpr_art6_basis"] == "6.1.a" and summary["gdpr_art9_basis"] == "9.2.b" and
          summary["sections"] == ["profile", "work_ability"], "share --json gives the bases: %r" % summary)

    grant_a = ledger(cli)["grants"][0]
    check(grant_a["gdpr_art6_basis"]["code"] == "6.1.e" and grant_a["gdpr_art9_basis"]["code"] == "9.2.h",
          "the ledger records both bases: %r" % grant_a)
    human = cli.ok("record", "ledger", "rec.kartla", *OWNER)
    check("  basis:        GDPR Art. 6.1.e (public task or official authority); health data under GDPR Art. 9.2.h "
          "(health or social care)\n" in human, "the ledger shows the bases in words:\n" + human)

    wanted = owner_get(cli, "work_ability")
    for source in ("h.bundle", "rec.kartla"):
        d = loads(cli.ok("open", source, "--as", "a.id", "--json"))
        check([(g["section"], g["grant_id"], g["gdpr_art6_basis"], g["gdpr_art9_basis"], g["expires_at"])
               for g in d["grants"]] == [("work_ability", grant_a["id"], "6.1.e", "9.2.h", EXPIRES_AT)],
              "open --json gives the agency the bases: %r" % d)
        human = cli.ok("open", source, "--as", "a.id")
        block = ("\ngrant %s\n  purpose:   Avstämning av arbetsförmåga\n"
                 "  basis:     GDPR Art. 6.1.e (public task or official authority)\n"
                 "             health data: GDPR Art. 9.2.h (health or social care)\n  granted:   " % grant_a["id"])
        check(block in human and "  expires:   2099-07-01T00:00:00Z (valid through 2099-06-30)\n" in human,
              "open shows the agency the purpose, the bases and the expiry:\n" + human)
        check(cli.ok("open", source, "--as", "a.id", "--section", "work_ability") == wanted, "A reads work_ability")


@case
def a_wildcard_leaves_out_every_section_holding_health_data(cli: Cli):
    record_with(cli, "profile", "work_ability")
    with open(cli.example("notes")) as f:
        notes = json.load(f)
    check(any(e.get("contains_health_info") for e in notes["entries"]), "the example notes hold health data")
    plain = {"entries": [{k: v for k, v in e.items() if k != "contains_health_info"} for e in notes["entries"]]}
    cli.write("notes-plain.json", json.dumps(plain))

    # Notes with no entry flagged: ordinary data, part of a wildcard share.
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "notes", "--json", "notes-plain.json")
    r = cli.run("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "all", "--purpose", "P",
                "--out", "a.bundle", "--json")
    check(r.rc == OK and loads(r.out)["sections"] == ["profile", "notes"], "plain notes are shared", r)
    check(r.err == "kartla: note: not shared, because it holds health data: work_ability "
                   "(name it and give --art9-basis to share it)\n", "the note names work_ability only", r)

    # One entry flagged contains_health_info: the notes are health data now, left out, and said so.
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "notes", "--json", cli.example("notes"))
    for everything in ("all", "*"):
        bundle = "b-%d.bundle" % len(everything)
        r = cli.run("share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", everything, "--purpose", "P",
                    "--out", bundle, "--json")
        check(r.rc == OK and loads(r.out)["sections"] == ["profile"], "only profile is shared", r)
        check(r.err == "kartla: note: not shared, because it holds health data: work_ability, notes "
                       "(name it and give --art9-basis to share it)\n", "one note line names both", r)
        check("gdpr_art9_basis" not in loads(r.out), "no Art. 9 basis for a share without health data", r)
        check(cli.verify_json(bundle)["sections_present"] == 1, "the bundle carries one section")
        for source in (bundle, "rec.kartla"):
            for section in ("notes", "work_ability"):
                cli.fails(NOT_AVAILABLE, "open", source, "--as", "b.id", "--section", section,
                          matches=r"not shared with you \(shared with you: profile\)")

    # Named, the flagged notes need a basis like work_ability.
    cli.fails(USAGE, "share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "notes", "--purpose", "P",
              "--out", "n.bundle", matches=r"section 'notes' holds health data .*--art9-basis")
    cli.ok("share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "notes", "--purpose", "P",
           "--art9-basis", "9.2.a", "--out", "n.bundle")
    check(cli.ok("open", "n.bundle", "--as", "b.id", "--section", "notes") == owner_get(cli, "notes"),
          "B reads the notes it was given under a basis")


@case
def the_sharing_ledger_cannot_be_set_or_removed(cli: Cli):
    fp = record_with(cli, "profile")
    grant = share_json(cli, "--to", "a.card", "--sections", "profile", "--purpose", "P", "--out", "a.bundle")
    cli.write("ledger-as-read.json", owner_get(cli, "sharing_ledger"))
    cli.write("ledger-empty.json", "{}")
    seq, before = sequence(cli), cli.read_bytes("rec.kartla")

    refused = r"section 'sharing_ledger' is kept by the library"
    for source in ("ledger-as-read.json", "ledger-empty.json", cli.example("sharing_ledger")):
        cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", "sharing_ledger", "--json", source,
                  matches=refused)
    cli.fails(USAGE, "record", "remove", "rec.kartla", *OWNER, "--section", "sharing_ledger", matches=refused)
    check(cli.read_bytes("rec.kartla") == before and sequence(cli) == seq, "the record is unchanged")
    check([g["id"] for g in ledger(cli)["grants"]] == [grant["grant_id"]], "the ledger still holds the grant")

    # The ledger still describes the grants, so revocation works and ends A's access.
    out = cli.ok("revoke", "rec.kartla", *OWNER, "--from", "a.card")
    check(out.startswith("Revoked every grant to Landskrona stad (%s)\n" % fp["a"]), "revoke works: " + out)
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", edited_profile(cli, "Nadia"))
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "profile")
    actions = [e["action"] for e in ledger(cli)["access_events"]]
    check(actions == ["GRANT", "REVOKE"], "the ledger's events: %r" % actions)


@case
def expiry_ends_a_grant_by_keys_at_the_first_save_after_it(cli: Cli):
    record_with(cli, "profile", "competences")
    grant_a = share_json(cli, "--to", "a.card", "--sections", "profile,competences", "--purpose", "Kartläggning",
                         "--expires", EXPIRES_DAY, "--out", "a.bundle")["grant_id"]
    grant_b = share_json(cli, "--to", "b.card", "--sections", "profile", "--purpose", "Matchning",
                         "--out", "b.bundle")["grant_id"]
    shared = owner_get(cli, "profile")
    seq = sequence(cli)

    # Past the expiry but before any save, the grant is still in the file: the ledger says it ends
    # at the next save, and no bundle is exported for it (the record's clock is KARTLA_NOW).
    human = cli.ok("record", "ledger", "rec.kartla", *OWNER, env=AFTER_EXPIRY)
    check("grant %s (past its expiry)\n" % grant_a in human and "  ended:        not yet: it ends at the next save"
          in human, "the ledger shows a grant past its expiry, not yet ended:\n" + human)
    cli.fails(NOT_AVAILABLE, "bundle", "rec.kartla", *OWNER, "--grant", grant_a, "--out", "x.bundle", env=AFTER_EXPIRY,
              matches=r"grant %s expired on 2099-07-01T00:00:00Z" % grant_a)
    check(cli.verify_json("rec.kartla")["grants_listed"] == 2, "both grants are still in the file")

    # Any saving owner command ends it: here a section the grant does not even cover.
    out = cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "languages", "--json", cli.example("languages"),
                 env=AFTER_EXPIRY)
    check(out == "rec.kartla: section languages saved (sequence %d)\n" % (seq + 1), "one save: " + out)
    report = cli.verify_json("rec.kartla")
    check(report["grants_listed"] == report["grants_present"] == 1, "A's grant left the record: %r" % report)

    grants = {g["id"]: g for g in ledger(cli)["grants"]}
    check(grants[grant_a]["expired_at"] == "2099-07-02T00:00:00Z" and "revoked_at" not in grants[grant_a],
          "the ledger marks A's grant expired at the save: %r" % grants[grant_a])
    check("expired_at" not in grants[grant_b] and "revoked_at" not in grants[grant_b], "B's grant stays live")
    events = [(e["action"], e["grant_id"], e["sections"], e["at"]) for e in ledger(cli)["access_events"]]
    check(events[2:] == [("EXPIRE", grant_a, ["profile", "competences"], "2099-07-02T00:00:00Z")] and len(events) == 3,
          "an EXPIRE event follows the two GRANTs: %r" % events)
    human = cli.ok("record", "ledger", "rec.kartla", *OWNER)
    for line in ("grant %s (expired)" % grant_a,
                 "  ended:        expired, on 2099-07-02T00:00:00Z (the first save after its expiry): the sections "
                 "it still covered got new keys",
                 "  2099-07-02T00:00:00Z  EXPIRE grant %s: profile, competences" % grant_a,
                 "grant %s (active)" % grant_b):
        check(line in human.splitlines(), "the ledger shows %r:\n%s" % (line, human))

    # An ended grant is never exported, whatever the owner's clock says now.
    for env in (None, AFTER_EXPIRY):
        cli.fails(NOT_AVAILABLE, "bundle", "rec.kartla", *OWNER, "--grant", grant_a, "--out", "x.bundle", env=env,
                  matches=r"grant %s expired on 2099-07-01T00:00:00Z: an ended grant is never exported" % grant_a)

    # Keys, not clocks: A, pretending it is still before the expiry, reads nothing from the new
    # record file: its sections moved to new keys and its grant is gone.
    for section in ("profile", "competences"):
        cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", section, "--at", BEFORE_EXPIRY,
                  matches=r"not shared with you \(nothing in this file is shared with you\)")
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--at", BEFORE_EXPIRY,
              matches="nothing in rec.kartla is shared with this agency")
    # Nor what is written afterwards, from the record or B's new bundle; B reads it.
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", edited_profile(cli, "Nadia"),
           env=AFTER_EXPIRY)
    cli.ok("bundle", "rec.kartla", *OWNER, "--grant", grant_b, "--out", "b-new.bundle", env=AFTER_EXPIRY)
    written = owner_get(cli, "profile")
    for source in ("rec.kartla", "b-new.bundle"):
        cli.fails(NOT_AVAILABLE, "open", source, "--as", "a.id", "--section", "profile", "--at", BEFORE_EXPIRY)
        check(cli.ok("open", source, "--as", "b.id", "--section", "profile") == written, "B reads the new content")

    # What A already took stays with it: its old bundle opens the old content with its old keys.
    # Only its reader's clock refuses it after the expiry (an audit aid, not access control).
    check(cli.ok("open", "a.bundle", "--as", "a.id", "--section", "profile", "--at", BEFORE_EXPIRY) == shared,
          "a copy taken before the expiry still opens")
    cli.fails(NOT_AVAILABLE, "open", "a.bundle", "--as", "a.id", "--section", "profile", "--at", "2099-07-02",
              matches="expired on 2099-07-01T00:00:00Z")


@case
def verify_names_no_section(cli: Cli):
    held = [n for n in section_names(cli) if n != "sharing_ledger" and os.path.exists(cli.example(n))]
    record_with(cli, *held)
    r = cli.run("share", "rec.kartla", *OWNER, "--to", "a.card", "--sections", "all", "--purpose", "P",
                "--out", "a.bundle", "--json")
    check(r.rc == OK and "work_ability" in r.err, "a wildcard share, health data left out", r)
    to_a = loads(r.out)["sections"]
    cli.ok("share", "rec.kartla", *OWNER, "--to", "b.card", "--sections", "work_ability,notes", "--purpose", "P",
           "--art9-basis", "9.2.h", "--out", "b.bundle")

    listed = len(held) + 1  # and the sharing ledger
    # (kind, sections present, grants listed, grants present): A's bundle was made before B's grant.
    expected = {"rec.kartla": ("record", len(held) + 1, 2, 2), "a.bundle": ("bundle", len(to_a), 1, 1),
                "b.bundle": ("bundle", 2, 2, 1)}
    for name, (kind, present, grants_listed, grants) in expected.items():
        text = cli.ok("verify", name, passphrase=None)
        json_text = cli.ok("verify", name, "--json", passphrase=None)
        for shown, what in ((text, "verify %s" % name), (json_text, "verify %s --json" % name)):
            check_no_section_named(cli, shown, what)
            check("generation" not in shown, "%s shows no generation:\n%s" % (what, shown))
        report = loads(json_text)
        check(list(report) == ["record_id", "owner_fingerprint", "sequence", "previous_manifest_hash", "kind",
                               "sections_listed", "sections_present", "section_bytes", "grants_listed",
                               "grants_present", "file_bytes"], "the report's members, in order: %r" % report)
        check((report["kind"], report["sections_listed"], report["sections_present"], report["grants_listed"],
               report["grants_present"]) == (kind, listed, present, grants_listed, grants),
              "%s counts: %r" % (name, report))
        check(report["file_bytes"] == len(cli.read_bytes(name)) and report["section_bytes"] >= 1064 * present,
              "%s sizes: %r" % (name, report))
        check("sections:           %d present of %d listed, %d bytes (padded)\n" % (present, listed,
                                                                                 report["section_bytes"]) in text and
              "grants:             %d present of %d listed\n" % (grants, grants_listed) in text and
              "cannot be seen without a key" in text, "verify %s in words:\n%s" % (name, text))


@case
def a_removed_and_re_added_section_never_reaches_an_old_grant(cli: Cli):
    # Issue "Sharing that holds", item 6: A was granted profile and languages; the profile is
    # removed and written again (a new key), then shared with B alone.
    record_with(cli, "profile", "languages")
    a = share_json(cli, "--to", "a.card", "--sections", "profile,languages", "--purpose", "P", "--out", "a0.bundle")
    cli.ok("record", "remove", "rec.kartla", *OWNER, "--section", "profile")
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", edited_profile(cli, "Rewritten"))
    share_json(cli, "--to", "b.card", "--sections", "profile", "--purpose", "P", "--out", "b.bundle")
    # A's new bundle carries languages only, and A reads no profile from it or from the record.
    cli.ok("bundle", "rec.kartla", *OWNER, "--grant", a["grant_id"], "--out", "a1.bundle")
    cli.fails(NOT_AVAILABLE, "open", "a1.bundle", "--as", "a.id", "--section", "profile")
    cli.ok("open", "a1.bundle", "--as", "a.id", "--section", "languages")
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "profile")
    # Revoking B rotates the profile and re-issues the grants that cover it: not A's.
    revoked = loads(cli.ok("revoke", "rec.kartla", *OWNER, "--from", "b.card", "--json"))
    check(revoked["reissued_grants"] == 0, "A's grant does not cover the re-added profile: %r" % revoked)
    cli.fails(NOT_AVAILABLE, "open", "rec.kartla", "--as", "a.id", "--section", "profile")
    cli.ok("open", "rec.kartla", "--as", "a.id", "--section", "languages")


if __name__ == "__main__":
    main()
