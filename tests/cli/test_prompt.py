# SPDX-License-Identifier: Apache-2.0
"""Passphrases typed on a terminal: the prompt goes to the terminal, the typed text is never
echoed, a new passphrase is asked twice (again when the two differ), and the terminal is restored afterwards, also when the
user presses Ctrl-C at the prompt.

    python3 test_prompt.py KARTLA_BINARY

This is the one CLI test that is not a golden case under cases/: a case script runs without a
controlling terminal (so that a missing passphrase is an error, not a prompt that hangs), and
these checks need kartla on a pseudo-terminal as its controlling tty, typing at its prompts as
they appear and reading the terminal's ECHO flag while it waits; a shell script cannot do that
without a tool such as expect, which is not among the dependencies.
"""

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import termios
import time
import traceback

KDF = ["--kdf-memory-mib", "64"]  # the minimum Argon2id cost: keeps the test fast
USAGE = 2


class CheckFailed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def child_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KARTLA_")}
    # No agent the person running the tests has started may answer these prompts' commands.
    env["XDG_RUNTIME_DIR"] = "/nonexistent-kartla-test-runtime"
    env.update(extra)
    return env


class Terminal:
    """kartla ARGS in a new session whose controlling terminal is a pseudo-terminal."""

    def __init__(self, binary, workdir, *args, uid=None):
        env = child_env(KARTLA_STATE_DIR=os.path.join(workdir, ".kartla-state"))
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            try:
                os.chdir(workdir)
                if uid is not None:
                    os.setgid(uid)
                    os.setuid(uid)
                os.execve(binary, [binary, *args], env)
            finally:
                os._exit(127)
        self.seen = ""

    def expect(self, text, timeout=60):
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            check(time.monotonic() < deadline, "timed out waiting for %r; saw %r" % (text, self.seen))
            if not self._read(deadline - time.monotonic()):
                check(False, "terminal closed before %r; saw %r" % (text, self.seen))

    def echo_on(self):
        return bool(termios.tcgetattr(self.fd)[3] & termios.ECHO)

    def type(self, line):
        os.write(self.fd, (line + "\n").encode())

    def finish(self, timeout=60):
        """Reads to the end; returns the raw wait status."""
        deadline = time.monotonic() + timeout
        while self._read(deadline - time.monotonic()):
            check(time.monotonic() < deadline, "timed out; saw %r" % self.seen)
        _, status = os.waitpid(self.pid, 0)
        return status

    def close(self):
        os.close(self.fd)

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed its end
            return False
        self.seen += data.decode("utf-8", "replace")
        return bool(data)


def kartla(binary, workdir, passphrase, *args):
    """kartla without a terminal; returns stdout, and fails unless it exits 0 and is silent on stderr."""
    proc = subprocess.run([binary, *args], cwd=workdir, env=child_env(KARTLA_PASSPHRASE=passphrase),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, start_new_session=True)
    check(proc.returncode == 0 and proc.stderr == "",
          "kartla %s: exit %d, %r" % (" ".join(args), proc.returncode, proc.stderr))
    return proc.stdout


def identity_new_asks_twice_without_echo(binary, workdir):
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", *KDF)
    t.expect("New passphrase: ")
    check(not t.echo_on(), "echo is off while the passphrase is typed")
    t.type("typed on a tty")
    t.expect("Repeat the passphrase: ")
    check(not t.echo_on(), "echo is off for the repetition too")
    t.type("typed on a tty")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == 0, "exit 0; saw %r" % t.seen)
    check("typed on a tty" not in t.seen, "the passphrase never appears on the terminal: %r" % t.seen)
    check("RECOVERY CODE" in t.seen, "the recovery code is shown")
    check("Protecting the new keys with your passphrase (Argon2id" in t.seen,
          "says what it does while the key derivation runs: %r" % t.seen)
    check(t.echo_on(), "echo is back on afterwards")
    t.close()
    # The typed passphrase is the one that was used.
    kartla(binary, workdir, "typed on a tty", "identity", "fingerprint", "owner.id")


def mismatched_repetition_asks_again(binary, workdir):
    """A mistyped repetition asks for the new passphrase again (as passwd does); the pair typed
    alike is the one used."""
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", *KDF)
    t.expect("New passphrase: ")
    t.type("first try at a phrase")
    t.expect("Repeat the passphrase: ")
    t.seen = ""
    t.type("second try")
    t.expect("The two passphrases do not match; type them again.")
    t.expect("New passphrase: ")
    t.type("third try, a longer phrase")
    t.expect("Repeat the passphrase: ")
    t.type("third try, a longer phrase")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == 0, "exit 0; saw %r" % t.seen)
    t.close()
    kartla(binary, workdir, "third try, a longer phrase", "identity", "fingerprint", "owner.id")


def three_mismatches_are_a_usage_error_and_write_nothing(binary, workdir):
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", *KDF)
    for attempt in range(3):
        t.expect("New passphrase: ")
        t.type("attempt number %d of a phrase" % attempt)
        t.expect("Repeat the passphrase: ")
        t.seen = ""  # what follows is the answer to this attempt
        t.type("another number %d of a phrase" % attempt)
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == USAGE, "exit 2; saw %r" % t.seen)
    check("kartla: error: the two passphrases do not match" in t.seen, "says why: %r" % t.seen)
    check(not os.path.exists(os.path.join(workdir, "owner.id")), "no identity written")
    t.close()


def existing_identity_prompt_names_the_file(binary, workdir):
    kartla(binary, workdir, "a known long passphrase", "identity", "new", "--out", "owner.id", *KDF)
    t = Terminal(binary, workdir, "identity", "fingerprint", "owner.id")
    t.expect("Passphrase for owner.id: ")
    t.type("a known long passphrase")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == 0 and "known long" not in t.seen, "unlocked, not echoed: %r" % t.seen)
    check("Unlocking owner.id (Argon2id" in t.seen, "says what it does while unlocking: %r" % t.seen)
    t.close()


def ctrl_c_at_the_prompt_restores_the_terminal(binary, workdir):
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", *KDF)
    t.expect("New passphrase: ")
    check(not t.echo_on(), "echo is off at the prompt")
    os.kill(t.pid, signal.SIGINT)
    status = t.finish()
    check(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT, "killed by SIGINT: %r" % status)
    check(t.echo_on(), "echo is back on after Ctrl-C")
    check(not os.path.exists(os.path.join(workdir, "owner.id")), "no identity written")
    t.close()


def no_core_dump_and_no_ptrace_while_secrets_are_in_memory(binary, workdir):
    """kartla turns off core dumps (RLIMIT_CORE 0) and ptrace attach (PR_SET_DUMPABLE 0) before it
    reads anything. Observed from outside while it waits at a prompt: its core limit reads 0, and
    the kernel gives a process that is not dumpable a /proc folder owned by root, so a process of
    the same (unprivileged) user can neither read its memory nor attach to it. The check needs
    kartla to run as a user other than root: as root, this test runs it as nobody (65534)."""
    uid = 65534 if os.getuid() == 0 else os.getuid()
    os.chmod(workdir, 0o777)
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", *KDF, uid=uid)
    try:
        t.expect("New passphrase: ")
        with open("/proc/%d/limits" % t.pid) as limits:
            core = [line.split()[4:6] for line in limits if line.startswith("Max core file size")]
        check(core == [["0", "0"]], "core file size limited to 0, soft and hard: %r" % core)
        check(os.stat("/proc/%d/status" % t.pid).st_uid == 0,
              "not dumpable: /proc/PID belongs to root, not to uid %d" % uid)
        check(os.stat("/proc/%d/mem" % t.pid).st_uid == 0, "its memory is not the user's to read")
    finally:
        os.kill(t.pid, signal.SIGTERM)
        t.finish()
        t.close()


def weak_typed_passphrase_is_said_and_another_chosen(binary, workdir):
    """A weak new passphrase typed on a terminal is called weak, in the catalogue's words, before
    it is repeated; answering no (the default) asks for another, and the one kept is used."""
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", *KDF)
    t.expect("New passphrase: ")
    t.type("password")
    t.expect("This passphrase is weak: it is a common word")
    t.expect("Use it anyway? [y/N] ")
    check(t.echo_on(), "the yes/no answer is visible")
    t.seen = ""
    t.type("")  # no
    t.expect("New passphrase: ")
    check("Repeat the passphrase" not in t.seen, "a refused weak passphrase is not repeated: %r" % t.seen)
    check(not t.echo_on(), "echo is off again for the next passphrase")
    t.type("kanelbulle-regn-cykel-Malmö-42")
    t.expect("Repeat the passphrase: ")
    t.type("kanelbulle-regn-cykel-Malmö-42")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == 0, "exit 0; saw %r" % t.seen)
    check("is weak" not in t.seen and "Malmö" not in t.seen, "the strong one is not called weak, nor echoed: %r" % t.seen)
    t.close()
    kartla(binary, workdir, "kanelbulle-regn-cykel-Malmö-42", "identity", "fingerprint", "owner.id")


def weak_typed_passphrase_kept_when_the_person_says_so(binary, workdir):
    t = Terminal(binary, workdir, "identity", "new", "--out", "owner.id", "--language", "sv", *KDF)
    t.expect("Ny lösenfras: ")
    t.type("sommar2024")
    t.expect("Lösenfrasen är svag: ")
    t.expect("[j/N] ")
    t.type("j")
    t.expect("Upprepa lösenfrasen: ")
    t.type("sommar2024")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == 0, "exit 0; saw %r" % t.seen)
    t.close()
    proc = subprocess.run([binary, "identity", "fingerprint", "owner.id"], cwd=workdir,
                          env=child_env(KARTLA_PASSPHRASE="sommar2024"), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, start_new_session=True)
    check(proc.returncode == 0, "the weak passphrase the person kept is the one used: %r" % proc.stderr)


def kartla_file_to_a_terminal_is_refused(binary, workdir):
    """`--out -` on a terminal: a binary Kartla file is refused (exit 2) before any passphrase is
    asked for, and nothing is written; an SVG chart (text) would be allowed."""
    kartla(binary, workdir, "a known long passphrase", "identity", "new", "--out", "owner.id", *KDF)
    t = Terminal(binary, workdir, "identity", "card", "owner.id", "--out", "-")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == USAGE, "exit 2; saw %r" % t.seen)
    check("refusing to write a Kartla file (binary) to the terminal" in t.seen, "says why: %r" % t.seen)
    check("Passphrase for" not in t.seen and "KARTLA" not in t.seen, "asked nothing, wrote nothing: %r" % t.seen)
    t.close()


CASES = [identity_new_asks_twice_without_echo, mismatched_repetition_asks_again,
         three_mismatches_are_a_usage_error_and_write_nothing,
         existing_identity_prompt_names_the_file, ctrl_c_at_the_prompt_restores_the_terminal,
         no_core_dump_and_no_ptrace_while_secrets_are_in_memory,
         weak_typed_passphrase_is_said_and_another_chosen, weak_typed_passphrase_kept_when_the_person_says_so,
         kartla_file_to_a_terminal_is_refused]



def main():
    if len(sys.argv) != 2:
        sys.exit("usage: %s KARTLA_BINARY" % sys.argv[0])
    binary = os.path.abspath(sys.argv[1])
    failed = []
    for case in CASES:
        workdir = tempfile.mkdtemp(prefix="kartla-prompt-")
        started = time.monotonic()
        try:
            case(binary, workdir)
            print("ok    %-60s %5.1fs" % (case.__name__, time.monotonic() - started))
        except Exception:  # a failed check or a crash of the test itself: both fail the case
            failed.append(case.__name__)
            print("FAIL  %s\n%s" % (case.__name__, traceback.format_exc()))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    print("%d of %d cases passed" % (len(CASES) - len(failed), len(CASES)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
