"""Runs the real `kartla` binary as a user would and checks stdout, stderr and exit code.

Every CLI test file is a plain python3 script: `python3 test_x.py KARTLA_BINARY SOURCE_DIR`.
Cases are functions decorated with @case; the script exits non-zero if any case fails.
The child never has a controlling terminal (start_new_session), so a missing passphrase is a
usage error instead of a prompt that would hang the test run.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

PASSPHRASE = "correct horse battery staple"
KDF = ["--kdf-memory-mib", "64"]  # the minimum Argon2id cost: keeps the suite fast

# Exit codes documented in `kartla --help` (src/cli/exit_codes.cpp).
OK, INTERNAL, USAGE, NOT_AVAILABLE, VERIFICATION, AUTH, IO, OLDER = 0, 1, 2, 3, 4, 5, 6, 7

_cases = []

# The 64-bit integers of the library's results (proto/kartla/v1/results.proto) and of the CLI's
# own summaries (src/cli/cli_output.proto). Standard proto3 JSON writes them as strings
# ("1700000000"); the tests compare the numbers they stand for.
_INT64_MEMBERS = {"sequence", "ciphertext_length", "created_at", "granted_at", "expires_at", "ended_at",
                  "valid_from", "valid_until", "issued_at", "section_bytes", "file_bytes",
                  "bytes", "bundle_bytes", "revoked_grants", "reissued_grants"}


def _numbers(obj):
    for key, value in obj.items():
        if key in _INT64_MEMBERS and isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value):
            obj[key] = int(value)
    return obj


def loads(text):
    """JSON printed by the CLI, with the results' 64-bit integers read back as numbers."""
    return json.loads(text, object_hook=_numbers)



def case(fn):
    _cases.append(fn)
    return fn


class Result:
    def __init__(self, args, rc, out, err):
        self.args, self.rc, self.out, self.err = args, rc, out, err

    def describe(self):
        return "kartla %s\n  exit %d\n  stdout: %r\n  stderr: %r" % (
            " ".join(self.args), self.rc, self.out[:2000], self.err[:2000])


class CheckFailed(AssertionError):
    pass


def check(condition, message, result=None):
    if not condition:
        raise CheckFailed(message + ("\n" + result.describe() if result else ""))


class Cli:
    def __init__(self, binary, source_dir, workdir):
        self.binary = binary
        self.source_dir = source_dir
        self.dir = workdir

    def path(self, name):
        return os.path.join(self.dir, name)

    def run(self, *args, passphrase=PASSPHRASE, env=None, stdin=None):
        child_env = {k: v for k, v in os.environ.items() if not k.startswith("KARTLA_")}
        # The versions an owner has seen are kept in a state folder on the computer: each case
        # gets its own, never the real home folder's.
        child_env["KARTLA_STATE_DIR"] = os.path.join(self.dir, ".kartla-state")
        if passphrase is not None:
            child_env["KARTLA_PASSPHRASE"] = passphrase
        child_env.update(env or {})
        proc = subprocess.run(
            [self.binary, *args], cwd=self.dir, env=child_env, input=(stdin or "").encode(),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, timeout=120)
        return Result(list(args), proc.returncode, proc.stdout.decode("utf-8", "replace"),
                      proc.stderr.decode("utf-8", "replace"))

    def ok(self, *args, **kw):
        """Runs a command that must succeed silently on stderr; returns its stdout."""
        r = self.run(*args, **kw)
        check(r.rc == OK and r.err == "", "expected success", r)
        return r.out

    def fails(self, code, *args, matches=None, **kw):
        """Runs a command that must fail with `code`: exactly one 'kartla: error:' line on stderr,
        nothing on stdout; `matches` is a regular expression the message must contain."""
        r = self.run(*args, **kw)
        check(r.rc == code, "expected exit code %d" % code, r)
        check(r.out == "", "a failing command must print nothing on stdout", r)
        check(r.err.startswith("kartla: error: ") and r.err.endswith("\n") and r.err.count("\n") == 1,
              "expected exactly one 'kartla: error:' line on stderr", r)
        if matches is not None:
            check(re.search(matches, r.err) is not None, "stderr does not match %r" % matches, r)
        return r.err

    # Building blocks shared by the test files.

    def new_identity(self, name="owner.id", passphrase=PASSPHRASE):
        """Creates an identity; returns (fingerprint, recovery code) from its --json summary."""
        summary = loads(self.ok("identity", "new", "--out", name, "--json", *KDF, passphrase=passphrase))
        check(summary["identity"] == name, "the summary names the identity file: %r" % summary)
        return summary["fingerprint"], summary["recovery_code"]

    def new_record(self, name="rec.kartla", owner="owner.id", passphrase=PASSPHRASE):
        self.ok("record", "new", "--owner", owner, "--out", name, passphrase=passphrase)

    def new_agency(self, name="agency.id", org="212000-1140", role="municipal_labour_unit",
                   display_name="Landskrona stad", passphrase=PASSPHRASE):
        """Creates an agency identity NAME and its card (NAME with .card for .id); returns
        (fingerprint, card file name)."""
        summary = loads(self.ok("agency", "new", "--name", display_name, "--org", org, "--role", role,
                                     "--out", name, "--json", *KDF, passphrase=passphrase))
        card = name[:-3] + ".card" if name.endswith(".id") else name + ".card"
        self.ok("agency", "card", name, "--out", card, passphrase=passphrase)
        return summary["fingerprint"], card

    def verify_json(self, name, *extra):
        return loads(self.ok("verify", name, "--json", *extra))

    def write(self, name, data, mode="w"):
        with open(self.path(name), mode) as f:
            f.write(data)

    def read_bytes(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def example(self, section):
        return os.path.join(self.source_dir, "examples", "sections", section + ".json")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: %s KARTLA_BINARY SOURCE_DIR" % sys.argv[0])
    binary, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failed = []
    for fn in _cases:
        workdir = tempfile.mkdtemp(prefix="kartla-cli-")
        started = time.monotonic()
        try:
            fn(Cli(binary, source_dir, workdir))
            print("ok    %-45s %5.1fs" % (fn.__name__, time.monotonic() - started))
        except Exception:  # a failed check or a crash of the harness itself: both fail the case
            failed.append(fn.__name__)
            print("FAIL  %s\n%s" % (fn.__name__, traceback.format_exc()))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    print("%d of %d cases passed" % (len(_cases) - len(failed), len(_cases)))
    sys.exit(1 if failed else 0)
