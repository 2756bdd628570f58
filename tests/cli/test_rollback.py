"""Rollback: an older copy of a record put back on the stick is refused to the owner (exit 7)
unless accepted with --accept-older, and is then continued above every version seen, never
forked. The versions seen are kept in the identity file and in a state folder on the computer."""

import os
import shutil

from cli_harness import OLDER, case, check, main


def three_versions(cli):
    cli.new_identity()
    cli.new_record("rec.kartla")
    cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--json", cli.example("profile"))
    shutil.copy(cli.path("rec.kartla"), cli.path("old.kartla"))
    shutil.copy(cli.path("owner.id"), cli.path("old.id"))
    cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "languages", "--json",
           cli.example("languages"))


@case
def an_older_copy_is_refused_to_every_owner_command(cli):
    three_versions(cli)
    newest = cli.read_bytes("rec.kartla")
    shutil.copy(cli.path("old.kartla"), cli.path("rec.kartla"))
    for args in (["record", "list", "rec.kartla"], ["record", "get", "rec.kartla", "--section", "profile"],
                 ["record", "set", "rec.kartla", "--section", "notes", "--json", cli.example("notes")],
                 ["record", "show", "rec.kartla"], ["record", "ledger", "rec.kartla"]):
        cli.fails(OLDER, *args, "--owner", "owner.id", matches=r"older copy .*sequence 2.*sequence 3.*--accept-older")
    check(cli.read_bytes("old.kartla") == cli.read_bytes("rec.kartla"), "a refused command changes nothing")
    # The newest copy opens as before.
    cli.write("rec.kartla", newest, "wb")
    check(cli.ok("record", "list", "rec.kartla", "--owner", "owner.id") == "profile\nlanguages\n", "newest opens")


@case
def the_state_folder_catches_an_identity_file_rolled_back_too(cli):
    three_versions(cli)
    shutil.copy(cli.path("old.kartla"), cli.path("rec.kartla"))
    shutil.copy(cli.path("old.id"), cli.path("owner.id"))  # the stick holds old copies of both
    cli.fails(OLDER, "record", "list", "rec.kartla", "--owner", "owner.id")
    # On another computer (a fresh state folder) the old identity file cannot know: documented.
    out = cli.ok("record", "list", "rec.kartla", "--owner", "owner.id", env={"KARTLA_STATE_DIR": cli.path("elsewhere")})
    check(out == "profile\n", "a computer that never saw the newer version cannot tell")


@case
def the_identity_file_alone_remembers_on_a_new_computer(cli):
    three_versions(cli)
    shutil.copy(cli.path("old.kartla"), cli.path("rec.kartla"))
    cli.fails(OLDER, "record", "list", "rec.kartla", "--owner", "owner.id",
              env={"KARTLA_STATE_DIR": cli.path("new-computer")})


@case
def accept_older_reads_and_continues_above_every_version_seen(cli):
    three_versions(cli)
    shutil.copy(cli.path("old.kartla"), cli.path("rec.kartla"))
    check(cli.ok("record", "list", "rec.kartla", "--owner", "owner.id", "--accept-older") == "profile\n",
          "an accepted older copy reads")
    cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--accept-older", "--section", "notes", "--json",
           cli.example("notes"))
    # Sequence 4, not 3: no two versions share a sequence number.
    check(cli.verify_json("rec.kartla")["sequence"] == 4, "the save continues above the newest seen")
    check(cli.ok("record", "list", "rec.kartla", "--owner", "owner.id") == "profile\nnotes\n",
          "afterwards it is the newest: no flag needed")


@case
def a_fork_is_refused(cli):
    three_versions(cli)
    newest = cli.read_bytes("rec.kartla")
    # Another version with the same sequence 3: made from the old copy, saved where the state
    # folder did not see it, then brought back.
    shutil.copy(cli.path("old.kartla"), cli.path("fork.kartla"))
    shutil.copy(cli.path("old.id"), cli.path("fork.id"))
    cli.ok("record", "set", "fork.kartla", "--owner", "fork.id", "--section", "notes", "--json", cli.example("notes"),
           env={"KARTLA_STATE_DIR": cli.path("elsewhere")})
    check(cli.verify_json("fork.kartla")["sequence"] == 3, "the fork has sequence 3 too")
    cli.fails(OLDER, "record", "list", "fork.kartla", "--owner", "owner.id", matches="forks the record")
    cli.write("rec.kartla", newest, "wb")
    cli.ok("record", "list", "rec.kartla", "--owner", "owner.id")


@case
def last_seen_on_owner_commands(cli):
    three_versions(cli)
    cli.ok("record", "list", "rec.kartla", "--owner", "owner.id", "--last-seen", "3")
    cli.fails(OLDER, "record", "list", "rec.kartla", "--owner", "owner.id", "--last-seen", "4")


@case
def reading_leaves_the_identity_file_alone(cli):
    # Only a newer version seen changes what the identity remembers: a read-only command rewrites
    # nothing (sealing again would change the bytes, since every seal draws a fresh nonce).
    three_versions(cli)
    before = cli.read_bytes("owner.id")
    cli.ok("record", "list", "rec.kartla", "--owner", "owner.id")
    cli.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile")
    check(cli.read_bytes("owner.id") == before, "reading changed the identity file")
    cli.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "notes", "--json", cli.example("notes"))
    check(cli.read_bytes("owner.id") != before, "saving a new version is remembered in the identity file")


if __name__ == "__main__":
    main()
