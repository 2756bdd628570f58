"""Every error class of the CLI: the documented exit code, exactly one 'kartla: error:' line on
stderr, nothing on stdout, and no file written or changed by a failing command."""

import fcntl
import os

from cli_harness import (AUTH, IO, NOT_AVAILABLE, OLDER, OK, USAGE, VERIFICATION, Cli, case, check, main)

OWNER = ["--owner", "owner.id"]


def record_with_profile(cli):
    cli.new_identity()
    cli.new_record()
    cli.ok("record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", cli.example("profile"))


@case
def usage_errors_exit_2(cli: Cli):
    cli.new_identity()
    cli.new_record()
    cli.fails(USAGE, matches="no command given")
    cli.fails(USAGE, "frobnicate", matches=r"unknown command 'frobnicate'")
    cli.fails(USAGE, "record", "frobnicate", matches=r"unknown command 'kartla record frobnicate'")
    cli.fails(USAGE, "record", matches=r"needs a command")
    cli.fails(USAGE, "verify", matches=r"missing argument FILE")
    cli.fails(USAGE, "verify", "a", "b", matches=r"unexpected argument 'b'")
    cli.fails(USAGE, "verify", "rec.kartla", "--bogus", matches=r"unknown option '--bogus'")
    cli.fails(USAGE, "verify", "rec.kartla", "--last-seen", matches=r"--last-seen needs a value")
    cli.fails(USAGE, "verify", "rec.kartla", "--last-seen", "abc", matches=r"--last-seen must be a number")
    cli.fails(USAGE, "verify", "rec.kartla", "--json", "--json", matches=r"--json is given more than once")
    cli.fails(USAGE, "record", "get", "rec.kartla", "--section", "profile", matches=r"missing --owner")
    cli.fails(USAGE, "record", "get", "rec.kartla", *OWNER, "--section", "hobbies",
              matches=r"unknown section 'hobbies'; the sections are: profile, ")
    cli.write("bad-field.json", '{"given_name": "Amina", "favourite_colour": "blue"}')
    cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", "bad-field.json",
              matches=r"favourite_colour")
    cli.write("bad-type.json", '{"given_name": 42}')
    cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", "bad-type.json")
    cli.fails(USAGE, "record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", "-",
              stdin="{not json")
    os.mkdir(cli.path("a-directory"))
    cli.fails(USAGE, "verify", "a-directory")
    cli.fails(USAGE, "record", "list", "a-directory", *OWNER)
    cli.fails(USAGE, "identity", "new", "--out", "weak.id", "--kdf-memory-mib", "8", matches="64 MiB")
    check(not os.path.exists(cli.path("weak.id")), "no identity written with a refused cost")
    # None of the refused sets reached the file.
    check(cli.verify_json("rec.kartla")["sequence"] == 1, "the record is unchanged")


@case
def no_passphrase_source_is_a_usage_error_that_says_how(cli: Cli):
    cli.new_identity()
    cli.fails(USAGE, "identity", "fingerprint", "owner.id", passphrase=None,
              matches=r"no passphrase: set KARTLA_PASSPHRASE, use --passphrase-file FILE, or run kartla on a terminal")
    cli.fails(USAGE, "identity", "new", "--out", "x.id", passphrase=None, matches="KARTLA_PASSPHRASE")
    cli.fails(USAGE, "identity", "fingerprint", "owner.id", passphrase="", matches="empty")
    cli.write("empty", "\n")
    cli.fails(USAGE, "identity", "fingerprint", "owner.id", "--passphrase-file", "empty", matches="empty")


@case
def refusing_to_overwrite_is_a_usage_error(cli: Cli):
    cli.new_identity()
    cli.new_record()
    before = cli.read_bytes("rec.kartla")
    cli.fails(USAGE, "record", "new", *OWNER, "--out", "rec.kartla", matches="already exists")
    cli.fails(USAGE, "identity", "new", "--out", "owner.id", matches="already exists")
    cli.fails(USAGE, "record", "new", *OWNER, "--out", "owner.id", matches="already exists")
    check(cli.read_bytes("rec.kartla") == before, "the record is untouched")


@case
def absent_section_exits_3(cli: Cli):
    record_with_profile(cli)
    cli.fails(NOT_AVAILABLE, "record", "get", "rec.kartla", *OWNER, "--section", "work_ability",
              matches="work_ability")


@case
def damaged_files_fail_verification_with_4(cli: Cli):
    record_with_profile(cli)
    good = cli.read_bytes("rec.kartla")
    # A flipped byte anywhere (framing, header, manifest, signature, ciphertext) is caught.
    for offset in (7, 20, len(good) // 3, len(good) // 2, len(good) - 1):
        damaged = bytearray(good)
        damaged[offset] ^= 0x40
        cli.write("tampered.kartla", bytes(damaged), "wb")
        cli.fails(VERIFICATION, "verify", "tampered.kartla")
    # The last byte belongs to the profile's ciphertext: reading it must fail, never show text.
    damaged = bytearray(good)
    damaged[-1] ^= 0x01
    cli.write("tampered.kartla", bytes(damaged), "wb")
    cli.fails(VERIFICATION, "record", "get", "tampered.kartla", *OWNER, "--section", "profile")
    for length in (0, 5, 12, len(good) // 2, len(good) - 1):
        cli.write("truncated.kartla", good[:length], "wb")
        cli.fails(VERIFICATION, "verify", "truncated.kartla")
    cli.write("extra.kartla", good + b"\0", "wb")
    cli.fails(VERIFICATION, "verify", "extra.kartla")
    cli.write("notes.txt", "Dear diary,\nthis is not a Kartla file.\n")
    cli.fails(VERIFICATION, "verify", "notes.txt", matches="not a Kartla file")
    cli.fails(VERIFICATION, "verify", "owner.id", matches="identity")
    cli.write("garbage.id", b"KARTLAI\x01garbage", "wb")
    cli.fails(VERIFICATION, "identity", "fingerprint", "garbage.id")
    cli.fails(VERIFICATION, "identity", "fingerprint", "notes.txt")


@case
def wrong_passphrase_or_key_exits_5(cli: Cli):
    record_with_profile(cli)
    cli.fails(AUTH, "record", "get", "rec.kartla", *OWNER, "--section", "profile", passphrase="wrong",
              matches="wrong passphrase")
    cli.fails(AUTH, "identity", "card", "owner.id", "--out", "owner.card", passphrase="wrong")
    check(not os.path.exists(cli.path("owner.card")), "no card written after a wrong passphrase")
    # Another participant's identity cannot open this record.
    cli.new_identity("other.id", passphrase="other")
    cli.fails(AUTH, "record", "list", "rec.kartla", "--owner", "other.id", passphrase="other",
              matches="another identity")
    cli.fails(AUTH, "record", "set", "rec.kartla", "--owner", "other.id", "--section", "profile", "--json",
              cli.example("profile"), passphrase="other")
    check(cli.verify_json("rec.kartla")["sequence"] == 2, "the record is unchanged")


@case
def io_errors_exit_6(cli: Cli):
    cli.new_identity()
    cli.new_record()
    cli.fails(IO, "verify", "missing.kartla", matches="missing.kartla")
    cli.fails(IO, "record", "list", "missing.kartla", *OWNER, matches="missing.kartla")
    cli.fails(IO, "record", "list", "rec.kartla", "--owner", "missing.id", matches="missing.id")
    cli.fails(IO, "record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", "missing.json",
              matches="missing.json")
    cli.fails(IO, "identity", "fingerprint", "owner.id", "--passphrase-file", "missing.txt", matches="missing.txt")
    # A file the system refuses to read: /proc/self/mem fails with EIO at offset 0, even for root.
    cli.fails(IO, "identity", "fingerprint", "owner.id", "--passphrase-file", "/proc/self/mem")
    if os.geteuid() != 0:  # root reads through permissions, so this part needs an ordinary user
        cli.write("locked.kartla", "")
        os.chmod(cli.path("locked.kartla"), 0)
        cli.fails(IO, "verify", "locked.kartla")
        cli.fails(IO, "record", "list", "locked.kartla", *OWNER)
    cli.fails(IO, "identity", "new", "--out", "no-such-dir/owner.id", matches="no-such-dir")
    cli.fails(IO, "record", "new", *OWNER, "--out", "no-such-dir/rec.kartla", matches="no-such-dir")
    cli.fails(IO, "identity", "card", "owner.id", "--out", "no-such-dir/owner.card", matches="no-such-dir")
    check(not os.path.exists(cli.path("no-such-dir")), "nothing created")


@case
def a_record_locked_by_another_saver_is_busy_and_exits_6(cli: Cli):
    cli.new_identity()
    cli.new_record()
    before = cli.read_bytes("rec.kartla")
    with open(cli.path("rec.kartla.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        cli.fails(IO, "record", "set", "rec.kartla", *OWNER, "--section", "profile", "--json", cli.example("profile"))
    check(cli.read_bytes("rec.kartla") == before, "the record is unchanged")


@case
def older_copy_exits_7(cli: Cli):
    record_with_profile(cli)
    cli.ok("verify", "rec.kartla", "--last-seen", "2")
    cli.ok("verify", "rec.kartla", "--last-seen", "0")
    cli.fails(OLDER, "verify", "rec.kartla", "--last-seen", "3", matches="older")
    cli.fails(OLDER, "verify", "rec.kartla", "--json", "--last-seen", "18446744073709551615")
    cli.fails(USAGE, "verify", "rec.kartla", "--last-seen", "18446744073709551616", matches="too large")
    # Damage outranks age: a tampered old copy is a verification failure.
    damaged = bytearray(cli.read_bytes("rec.kartla"))
    damaged[-1] ^= 1
    cli.write("tampered.kartla", bytes(damaged), "wb")
    cli.fails(VERIFICATION, "verify", "tampered.kartla", "--last-seen", "3")


@case
def successful_commands_print_nothing_on_stderr(cli: Cli):
    r = cli.run("sections")
    check(r.rc == OK and r.err == "" and "profile\n" in r.out, "sections", r)


if __name__ == "__main__":
    main()
