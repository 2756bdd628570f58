# SPDX-License-Identifier: Apache-2.0
"""`kartla agent` (docs/AGENT.md): one passphrase unlock serves a run of commands, and the agent
keeps its promises about who may ask and how long it keeps a key.

    python3 test_agent.py KARTLA_BINARY SOURCE_DIR

Not a golden case: it starts a background process, measures time, checks file modes, and (as
root) talks to the socket as another user, none of which a transcript can show. Every check
runs; the one that needs root says so on stdout and fails if it cannot run as root, rather than
passing without having looked.
"""

import os
import socket
import stat
import subprocess
import sys
import tempfile
import time
import traceback

PASSPHRASE = "correct horse battery staple"
USAGE = 2
NOT_AVAILABLE = 3
AUTH = 5


class CheckFailed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


class Kartla:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir
        self.runtime = os.path.join(workdir, "run")
        os.mkdir(self.runtime, 0o700)
        self.agent_dir = os.path.join(self.runtime, "kartla")
        self.socket = os.path.join(self.agent_dir, "agent.sock")

    def env(self, passphrase):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.workdir,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC",
            "XDG_RUNTIME_DIR": self.runtime,
            "KARTLA_STATE_DIR": os.path.join(self.workdir, "state"),
        }
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TMPDIR"):
            if name in os.environ:
                env[name] = os.environ[name]
        if passphrase is not None:
            env["KARTLA_PASSPHRASE"] = passphrase
        return env

    def run(self, *args, passphrase=None):
        """kartla ARGS with no terminal (a missing passphrase is an error, never a prompt)."""
        started = time.monotonic()
        proc = subprocess.run([self.binary, *args], cwd=self.workdir, env=self.env(passphrase),
                              stdin=subprocess.DEVNULL, capture_output=True, start_new_session=True,
                              timeout=300)
        proc.seconds = time.monotonic() - started
        return proc

    def ok(self, *args, passphrase=None):
        proc = self.run(*args, passphrase=passphrase)
        check(proc.returncode == 0, f"kartla {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}")
        return proc

    def agent_pid(self):
        out = self.ok("agent", "status").stdout.decode()
        return int(out.split("(process ")[1].split(")")[0]), out


def get_without_passphrase(k):
    return k.run("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile")


def one_unlock_serves_two_commands(k, source):
    profile = os.path.join(source, "examples", "sections", "profile.json")
    no_agent = k.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--no-agent",
                    passphrase=PASSPHRASE)
    check(no_agent.returncode == 0, "baseline")
    k.ok("agent", "start", "--timeout", "10m")
    check(stat.S_IMODE(os.lstat(k.agent_dir).st_mode) == 0o700, "the agent's directory is not 0700")
    check(stat.S_IMODE(os.lstat(k.socket).st_mode) == 0o600, "the agent's socket is not 0600")
    pid, _ = k.agent_pid()
    with open(f"/proc/{pid}/limits") as f:
        core = [line for line in f if line.startswith("Max core file size")][0].split()
    check(core[4] == "0" and core[5] == "0", f"the agent may write a core file: {core}")

    # The first command unlocks with the passphrase and gives the agent the key.
    k.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--in", profile,
         passphrase=PASSPHRASE)
    _, status = k.agent_pid()
    check(": 1 key held" in status, f"the agent does not hold the key: {status}")
    # The second has no passphrase at all: it can only have succeeded with the agent's key.
    with_agent = get_without_passphrase(k)
    check(with_agent.returncode == 0, f"the second command did not get the key: {with_agent.stderr.decode()}")
    check(b'"' in with_agent.stdout, "the second command printed no section")
    print(f"record get: {no_agent.seconds:.3f} s with Argon2id, {with_agent.seconds:.3f} s with the agent")
    # Argon2id (256 MiB, 3 passes) is most of a small command; without it the command must be far quicker.
    check(with_agent.seconds < no_agent.seconds / 2,
          f"with the agent {with_agent.seconds:.3f} s is not well under {no_agent.seconds:.3f} s")
    # --no-agent neither asks nor offers: without a passphrase it fails as it always did.
    refused = k.run("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--no-agent")
    check(refused.returncode == USAGE, f"--no-agent still asked the agent (exit {refused.returncode})")
    second = k.run("agent", "start")
    check(second.returncode == USAGE and b"already running" in second.stderr, "a second agent was started")


def passwd_needs_the_passphrase(k):
    proc = k.run("identity", "passwd", "owner.id")
    check(proc.returncode == USAGE, f"identity passwd took the agent's key instead of the passphrase "
                                    f"(exit {proc.returncode})")


def loose_directory_is_not_used(k):
    os.chmod(k.agent_dir, 0o755)
    try:
        proc = get_without_passphrase(k)
        check(proc.returncode == USAGE, f"a key came from an agent whose directory is 0755 (exit {proc.returncode})")
        check(b"not using the agent" in proc.stderr and b"0700" in proc.stderr,
              f"no warning about the directory: {proc.stderr.decode()}")
    finally:
        os.chmod(k.agent_dir, 0o700)
    check(get_without_passphrase(k).returncode == 0, "the agent is not used once the directory is private again")


def status_request(path):
    """One status request on the agent's socket, as the protocol frames it; the reply's bytes.
    A refused peer is closed at once: its send may fail (EPIPE) or its read end (EOF, reset), and
    each of those is "no answer". Failing to connect at all raises: then nothing was tested."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(10)
        s.connect(path)
        reply = b""
        try:
            s.sendall(b"\x01s")
            while True:
                chunk = s.recv(64)
                if not chunk:
                    return reply
                reply += chunk
        except (BrokenPipeError, ConnectionResetError):
            return reply


def other_user_gets_no_answer(k):
    check(len(status_request(k.socket)) == 26, "the agent did not answer its own user (control)")
    if os.getuid() != 0:
        raise CheckFailed("acting as another user needs root: run this test as root (the CI does)")
    # Open the way for uid 65534 (modes only; SO_PEERCRED is what must stop it), then ask as it.
    paths = [k.workdir, k.runtime, k.agent_dir]
    saved = [stat.S_IMODE(os.lstat(p).st_mode) for p in paths + [k.socket]]
    for p in paths:
        os.chmod(p, 0o711)
    os.chmod(k.socket, 0o666)
    try:
        child = os.fork()
        if child == 0:
            code = 1
            try:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
                code = 0 if status_request(k.socket) == b"" else 3
            except Exception:
                traceback.print_exc()
            os._exit(code)
        _, status = os.waitpid(child, 0)
        check(os.waitstatus_to_exitcode(status) == 0, "another user's request was answered (or could not be sent)")
    finally:
        for p, mode in zip(paths + [k.socket], saved):
            os.chmod(p, mode)
    print("uid 65534 connected and got no answer")


def forget_wipes_every_key(k):
    k.ok("agent", "forget")
    _, status = k.agent_pid()
    check(": 0 keys held" in status, f"forget left keys: {status}")
    check(get_without_passphrase(k).returncode == USAGE, "a key survived forget")


def stop_wipes_and_ends(k):
    k.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile", passphrase=PASSPHRASE)
    pid, _ = k.agent_pid()
    k.ok("agent", "stop")
    check(not os.path.exists(k.socket), "stop left the socket")
    for _ in range(100):
        if not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z":
            break
        time.sleep(0.05)
    else:
        raise CheckFailed("the agent still runs after stop")
    check(get_without_passphrase(k).returncode == USAGE, "a key outlived the agent")
    check(k.run("agent", "status").returncode == NOT_AVAILABLE, "status after stop does not say none runs")


def forgets_on_timeout(k):
    k.ok("agent", "start", "--timeout", "2s")
    try:
        k.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile", passphrase=PASSPHRASE)
        given = time.monotonic()
        early = get_without_passphrase(k)
        if time.monotonic() - given < 1.5:
            check(early.returncode == 0, "the key was not kept for its lifetime")
        time.sleep(3.5)
        _, status = k.agent_pid()
        check(": 0 keys held" in status, f"the key outlived its timeout: {status}")
        check(get_without_passphrase(k).returncode == USAGE, "a key was handed out after its timeout")
    finally:
        k.run("agent", "stop")


def changed_passphrase_is_asked_again(k):
    k.ok("agent", "start")
    try:
        k.ok("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile", passphrase=PASSPHRASE)
        new_passphrase = os.path.join(k.workdir, "new-passphrase")
        with open(new_passphrase, "w") as f:
            f.write("another passphrase entirely\n")
        k.ok("identity", "passwd", "owner.id", "--new-passphrase-file", new_passphrase, passphrase=PASSPHRASE)
        # The key the agent holds was derived under the old salt: it must not open the new file.
        check(get_without_passphrase(k).returncode == USAGE, "the old passphrase's key opened the changed identity")
        wrong = k.run("record", "get", "rec.kartla", "--owner", "owner.id", "--section", "profile",
                      passphrase=PASSPHRASE)
        check(wrong.returncode == AUTH, "the old passphrase still works")
    finally:
        k.run("agent", "stop")


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    # A short path: a Unix socket's path is limited to 107 bytes.
    workdir = tempfile.mkdtemp(prefix="kagent-", dir="/tmp")
    k = Kartla(binary, workdir)
    failures = 0
    try:
        k.ok("identity", "new", "--out", "owner.id", passphrase=PASSPHRASE)
        k.ok("record", "new", "--owner", "owner.id", "--out", "rec.kartla", "--no-agent", passphrase=PASSPHRASE)
        k.ok("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "profile", "--in",
             os.path.join(source, "examples", "sections", "profile.json"), "--no-agent", passphrase=PASSPHRASE)
        steps = [one_unlock_serves_two_commands, passwd_needs_the_passphrase, loose_directory_is_not_used,
                 other_user_gets_no_answer, forget_wipes_every_key, stop_wipes_and_ends, forgets_on_timeout,
                 changed_passphrase_is_asked_again]
        for step in steps:
            try:
                step(k) if step is not one_unlock_serves_two_commands else step(k, source)
                print(f"ok   {step.__name__}")
            except CheckFailed as e:
                failures += 1
                print(f"FAIL {step.__name__}: {e}")
    finally:
        k.run("agent", "stop")
        subprocess.run(["rm", "-rf", workdir])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
