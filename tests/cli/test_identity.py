"""Identity commands: recovery with the recovery code, passphrase change, the card, and the
refusals that protect the identity file."""

from cli_harness import AUTH, USAGE, Cli, case, check, main


def mistype(code):
    """The same code with one hex digit changed, as a person copying it might."""
    digit = code[0]
    return ("0" if digit != "0" else "1") + code[1:]


@case
def recover_sets_a_new_passphrase_and_the_old_one_stops_working(cli: Cli):
    fingerprint, code = cli.new_identity(passphrase="forgotten")
    cli.new_record(passphrase="forgotten")
    before = cli.read_bytes("owner.id")
    out = cli.ok("identity", "recover", "owner.id", passphrase=None,
                 env={"KARTLA_RECOVERY_CODE": code, "KARTLA_NEW_PASSPHRASE": "remembered"})
    check(out == "New passphrase set for owner.id. The recovery code stays valid.\n", "recover summary: " + out)
    check(cli.read_bytes("owner.id") != before, "the identity file was rewritten")
    check(cli.ok("identity", "fingerprint", "owner.id", passphrase="remembered") == fingerprint + "\n",
          "same identity, new passphrase")
    cli.fails(AUTH, "identity", "fingerprint", "owner.id", passphrase="forgotten", matches="wrong passphrase")
    # The same keys: the record made before recovery still opens.
    cli.ok("record", "list", "rec.kartla", "--owner", "owner.id", passphrase="remembered")
    # The code keeps working, and may come from a file; any case and spaces instead of dashes.
    cli.write("code.txt", code.upper().replace("-", " ") + "\n")
    cli.write("new.txt", "third\n")
    cli.ok("identity", "recover", "owner.id", "--recovery-code-file", "code.txt", "--new-passphrase-file", "new.txt",
           passphrase=None)
    cli.ok("identity", "fingerprint", "owner.id", passphrase="third")


@case
def wrong_and_mistyped_recovery_codes_exit_5_and_change_nothing(cli: Cli):
    _, code = cli.new_identity()
    _, other_code = cli.new_identity("other.id")
    before = cli.read_bytes("owner.id")
    cli.fails(AUTH, "identity", "recover", "owner.id", env={"KARTLA_RECOVERY_CODE": other_code,
                                                            "KARTLA_NEW_PASSPHRASE": "x"},
              matches="wrong recovery code")
    cli.fails(AUTH, "identity", "recover", "owner.id", env={"KARTLA_RECOVERY_CODE": mistype(code),
                                                            "KARTLA_NEW_PASSPHRASE": "x"},
              matches="mistyped")
    cli.fails(AUTH, "identity", "recover", "owner.id", env={"KARTLA_RECOVERY_CODE": code[:-5],
                                                            "KARTLA_NEW_PASSPHRASE": "x"},
              matches="mistyped")
    check(cli.read_bytes("owner.id") == before, "a refused recovery leaves the file byte for byte")
    cli.fails(USAGE, "identity", "recover", "owner.id", passphrase=None, env={"KARTLA_NEW_PASSPHRASE": "x"},
              matches="no recovery code: set KARTLA_RECOVERY_CODE")
    cli.fails(USAGE, "identity", "recover", "owner.id", env={"KARTLA_RECOVERY_CODE": code},
              matches="no new passphrase: set KARTLA_NEW_PASSPHRASE")
    check(cli.read_bytes("owner.id") == before, "still unchanged")


@case
def passwd_changes_the_passphrase(cli: Cli):
    fingerprint, code = cli.new_identity(passphrase="old")
    out = cli.ok("identity", "passwd", "owner.id", passphrase="old", env={"KARTLA_NEW_PASSPHRASE": "new"})
    check(out == "Passphrase changed for owner.id. The recovery code stays valid.\n", "passwd summary: " + out)
    check(cli.ok("identity", "fingerprint", "owner.id", passphrase="new") == fingerprint + "\n", "new works")
    cli.fails(AUTH, "identity", "fingerprint", "owner.id", passphrase="old")
    before = cli.read_bytes("owner.id")
    cli.fails(AUTH, "identity", "passwd", "owner.id", passphrase="old", env={"KARTLA_NEW_PASSPHRASE": "newer"})
    cli.fails(USAGE, "identity", "passwd", "owner.id", passphrase="new", matches="KARTLA_NEW_PASSPHRASE")
    check(cli.read_bytes("owner.id") == before, "refused changes leave the file alone")
    # The recovery code survives a passphrase change.
    cli.ok("identity", "recover", "owner.id", env={"KARTLA_RECOVERY_CODE": code, "KARTLA_NEW_PASSPHRASE": "again"})
    cli.ok("identity", "fingerprint", "owner.id", passphrase="again")


@case
def card_refuses_to_overwrite_without_force_and_never_overwrites_the_identity(cli: Cli):
    fingerprint, _ = cli.new_identity()
    cli.write("owner.card", "something precious")
    cli.fails(USAGE, "identity", "card", "owner.id", "--out", "owner.card", matches="already exists")
    check(cli.read_bytes("owner.card") == b"something precious", "not overwritten")
    cli.ok("identity", "card", "owner.id", "--out", "owner.card", "--force")
    check(cli.ok("identity", "fingerprint", "owner.card") == fingerprint + "\n", "the forced card is the card")
    identity = cli.read_bytes("owner.id")
    cli.fails(USAGE, "identity", "card", "owner.id", "--out", "owner.id", "--force", matches="identity file")
    check(cli.read_bytes("owner.id") == identity, "the identity survives")


@case
def a_card_with_a_broken_self_signature_fails_verification(cli: Cli):
    cli.new_identity()
    cli.ok("identity", "card", "owner.id", "--out", "owner.card")
    card = bytearray(cli.read_bytes("owner.card"))
    card[-1] ^= 1
    cli.write("bad.card", bytes(card), "wb")
    cli.fails(4, "identity", "fingerprint", "bad.card")


if __name__ == "__main__":
    main()
