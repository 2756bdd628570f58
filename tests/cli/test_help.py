"""--help, COMMAND --help and --version: exit 0, say what each command does, and document the
exit codes."""

import re

from cli_harness import OK, Cli, case, check, main

# The command-line contract of the README ("The command-line tool") and issue 3: each must exist and explain itself.
CONTRACT = {
    "identity new": "recovery code",
    "identity card": "card",
    "identity recover": "recovery code",
    "identity passwd": "passphrase",
    "identity fingerprint": "fingerprint",
    "record new": "record",
    "record set": "JSON",
    "record get": "JSON",
    "record list": "sections",
    "record remove": "remove",
    "verify": "signature",
    "sections": "section",
}


def listed_commands(help_text):
    block = help_text.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines()]


@case
def main_help_lists_commands_and_every_exit_code(cli: Cli):
    for flag in ("--help", "-h", "help"):
        out = cli.ok(flag, passphrase=None)
        check(out.startswith("kartla: "), "help starts with a description: " + out[:80])
    commands = listed_commands(out)
    for command in CONTRACT:
        check(command in commands, "--help lists %r: %r" % (command, commands))
    codes = out.split("Exit codes:\n", 1)[1]
    for code, word in [(0, "success"), (1, "internal"), (2, "usage"), (3, "not available"), (4, "verification"),
                       (5, "wrong passphrase"), (6, "I/O"), (7, "older")]:
        check(re.search(r"^  %d +.*%s" % (code, re.escape(word)), codes, re.M) is not None,
              "exit code %d (%s) documented:\n%s" % (code, word, codes))
    for source in ("KARTLA_PASSPHRASE", "--passphrase-file"):
        check(source in out, "--help says where passphrases come from")


@case
def every_command_explains_itself(cli: Cli):
    commands = listed_commands(cli.ok("--help"))
    for command in commands:
        out = cli.ok(*command.split(), "--help", passphrase=None)
        check(out.startswith("Usage: kartla %s" % command), "usage line of %s: %s" % (command, out[:80]))
        check("Options:\n" in out and "--help" in out, "%s lists its options" % command)
        if command in CONTRACT:
            check(CONTRACT[command] in out, "%s --help mentions %r" % (command, CONTRACT[command]))
    # -h is --help, and --help wins wherever it is, even after arguments that would be wrong.
    check(cli.ok("record", "set", "-h") == cli.ok("record", "set", "--help"), "-h is --help")
    check(cli.ok("record", "set", "NOT-A-FILE", "--bogus", "--help").startswith("Usage: kartla record set"),
          "--help after bad arguments")
    for group in ("identity", "record"):
        out = cli.ok(group, "--help", passphrase=None)
        check(out.startswith("Usage: kartla %s COMMAND" % group), group + " --help")
        for command in CONTRACT:
            if command.startswith(group + " "):
                check(command in out, "%s --help lists %s" % (group, command))


@case
def version_names_the_library_version(cli: Cli):
    r = cli.run("--version", passphrase=None)
    check(r.rc == OK and re.fullmatch(r"kartla \d+\.\d+\.\d+ \(file format \d+, ABI \d+\)\n", r.out) is not None,
          "--version", r)


@case
def sections_marks_special_category(cli: Cli):
    out = cli.ok("sections", passphrase=None)
    lines = out.splitlines()
    check("profile" in lines, "profile is a plain section: %r" % lines)
    check(any(re.fullmatch(r"work_ability +special category \(health data\)", l) for l in lines),
          "work_ability is marked special category: %r" % lines)


if __name__ == "__main__":
    main()
