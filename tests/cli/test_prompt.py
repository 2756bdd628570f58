"""Passphrases typed on a terminal: the prompt goes to the terminal, the typed text is never
echoed, a new passphrase is asked twice, and the terminal is restored afterwards, also when the
user presses Ctrl-C at the prompt. Runs kartla on a pseudo-terminal as its controlling tty."""

import os
import pty
import select
import signal
import termios
import time

from cli_harness import OK, USAGE, Cli, case, check, main


class Terminal:
    def __init__(self, cli, *args):
        env = {k: v for k, v in os.environ.items() if not k.startswith("KARTLA_")}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: a new session whose controlling terminal is the pty
            try:
                os.chdir(cli.dir)
                os.execve(cli.binary, [cli.binary, *args], env)
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

    def close(self):
        os.close(self.fd)


@case
def identity_new_asks_twice_without_echo(cli: Cli):
    t = Terminal(cli, "identity", "new", "--out", "owner.id", "--kdf-memory-mib", "64")
    t.expect("New passphrase: ")
    check(not t.echo_on(), "echo is off while the passphrase is typed")
    t.type("typed on a tty")
    t.expect("Repeat the passphrase: ")
    check(not t.echo_on(), "echo is off for the repetition too")
    t.type("typed on a tty")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == OK, "exit 0; saw %r" % t.seen)
    check("typed on a tty" not in t.seen, "the passphrase never appears on the terminal: %r" % t.seen)
    check("RECOVERY CODE" in t.seen, "the recovery code is shown")
    check(t.echo_on(), "echo is back on afterwards")
    t.close()
    # The typed passphrase is the one that was used.
    cli.ok("identity", "fingerprint", "owner.id", passphrase="typed on a tty")


@case
def mismatched_repetition_is_a_usage_error_and_writes_nothing(cli: Cli):
    t = Terminal(cli, "identity", "new", "--out", "owner.id", "--kdf-memory-mib", "64")
    t.expect("New passphrase: ")
    t.type("first try")
    t.expect("Repeat the passphrase: ")
    t.type("second try")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == USAGE, "exit 2; saw %r" % t.seen)
    check("kartla: error: the two passphrases do not match" in t.seen, "says why: %r" % t.seen)
    check(not os.path.exists(cli.path("owner.id")), "no identity written")
    t.close()


@case
def existing_identity_prompt_names_the_file(cli: Cli):
    cli.new_identity(passphrase="known")
    t = Terminal(cli, "identity", "fingerprint", "owner.id")
    t.expect("Passphrase for owner.id: ")
    t.type("known")
    status = t.finish()
    check(os.waitstatus_to_exitcode(status) == OK and "known" not in t.seen, "unlocked, not echoed: %r" % t.seen)
    t.close()


@case
def ctrl_c_at_the_prompt_restores_the_terminal(cli: Cli):
    t = Terminal(cli, "identity", "new", "--out", "owner.id", "--kdf-memory-mib", "64")
    t.expect("New passphrase: ")
    check(not t.echo_on(), "echo is off at the prompt")
    os.kill(t.pid, signal.SIGINT)
    status = t.finish()
    check(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGINT, "killed by SIGINT: %r" % status)
    check(t.echo_on(), "echo is back on after Ctrl-C")
    check(not os.path.exists(cli.path("owner.id")), "no identity written")
    t.close()


if __name__ == "__main__":
    main()
