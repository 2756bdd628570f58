# SPDX-License-Identifier: Apache-2.0
"""`kartla agent` over random sequences of operations (docs/AGENT.md), against a model of what it
promises:

- a command without a passphrase succeeds only while an agent runs and holds the key of that
  identity file *as it is now* (a key given before `identity passwd` opens nothing);
- one identity's key never opens another identity;
- `forget` and `stop` leave no key that opens anything; a new agent starts empty;
- `--no-agent` never takes a key; `identity passwd` never takes one either (it needs the passphrase);
- `agent status` counts exactly the keys the model says the agent holds;
- a wrong passphrase fails with the authentication exit code unless the agent's key was used.

    python3 test_agent_sequences.py KARTLA_BINARY SOURCE_DIR [SEQUENCES] [STEPS] [SEED]

Each sequence starts from two fresh identities at the lowest Argon2id cost (so a run takes about a
minute) and no agent. The seed is printed; a failure prints the sequence so far, to replay it.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

from test_agent import Kartla

USAGE = 2
NOT_AVAILABLE = 3
AUTH = 5
IDENTITIES = ("a", "b")


class Model:
    """What the agent must hold. A key is named by (identity, passphrase generation): `identity
    passwd` starts a new generation, and a key of an old generation stays in the agent (it is still
    counted) but must open nothing."""

    def __init__(self):
        self.running = False
        self.held = set()
        self.generation = {name: 0 for name in IDENTITIES}

    def opens(self, name):
        return self.running and (name, self.generation[name]) in self.held


class World(Kartla):
    """test_agent.py's runner (its environment: a private runtime folder, no terminal), with two
    identities and their records."""

    def __init__(self, binary, source, workdir):
        super().__init__(binary, workdir)
        self.passphrase = {}
        profile = os.path.join(source, "examples", "sections", "profile.json")
        for name in IDENTITIES:
            self.passphrase[name] = f"{name} first passphrase, long enough to be no trouble"
            self.must(["identity", "new", "--out", f"{name}.id", "--kdf-memory-mib", "64", "--kdf-passes", "3"],
                      self.passphrase[name])
            self.must(["record", "new", "--owner", f"{name}.id", "--out", f"{name}.kartla", "--no-agent"],
                      self.passphrase[name])
            self.must(["record", "set", f"{name}.kartla", "--owner", f"{name}.id", "--section", "profile",
                       "--in", profile, "--no-agent"], self.passphrase[name])

    def run(self, args, passphrase=None):
        return subprocess.run([self.binary, *args], cwd=self.workdir, env=self.env(passphrase),
                              stdin=subprocess.DEVNULL, capture_output=True, start_new_session=True, timeout=120)

    def must(self, args, passphrase=None):
        proc = self.run(args, passphrase)
        if proc.returncode != 0:
            raise AssertionError(f"setup: kartla {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}")
        return proc

    def stop_agent(self):
        self.run(["agent", "stop"])


def get_section(name, extra=()):
    return ["record", "get", f"{name}.kartla", "--owner", f"{name}.id", "--section", "profile", *extra]


def step(world, model, rng, op, name):
    """Runs one operation, checks its outcome against the model, and updates the model.
    Returns a description of a broken promise, or None."""
    if op == "start":
        proc = world.run(["agent", "start", "--timeout", "30m"])
        want = USAGE if model.running else 0
        if proc.returncode != want:
            return f"agent start exited {proc.returncode}, want {want}: {proc.stderr.decode()}"
        if not model.running:
            model.running, model.held = True, set()
    elif op == "stop":
        proc = world.run(["agent", "stop"])
        want = 0 if model.running else NOT_AVAILABLE
        if proc.returncode != want:
            return f"agent stop exited {proc.returncode}, want {want}"
        model.running, model.held = False, set()
        # The socket goes with the agent; a start right after must not find the old one.
        for _ in range(100):
            if not os.path.exists(os.path.join(world.runtime, "kartla", "agent.sock")):
                break
            time.sleep(0.02)
    elif op == "forget":
        proc = world.run(["agent", "forget"])
        want = 0 if model.running else NOT_AVAILABLE
        if proc.returncode != want:
            return f"agent forget exited {proc.returncode}, want {want}"
        model.held = set()
    elif op == "get with passphrase":
        proc = world.run(get_section(name), world.passphrase[name])
        if proc.returncode != 0:
            return f"the right passphrase failed (exit {proc.returncode}): {proc.stderr.decode()}"
        if model.running:
            model.held.add((name, model.generation[name]))
    elif op == "get without passphrase":
        proc = world.run(get_section(name))
        want = 0 if model.opens(name) else USAGE
        if proc.returncode != want:
            return (f"without a passphrase exited {proc.returncode}, want {want} "
                    f"({'the agent holds its current key' if want == 0 else 'no current key is held'})")
    elif op == "get with a wrong passphrase":
        proc = world.run(get_section(name), "not the passphrase at all")
        want = 0 if model.opens(name) else AUTH
        if proc.returncode != want:
            return f"a wrong passphrase exited {proc.returncode}, want {want}"
    elif op == "get without passphrase, --no-agent":
        proc = world.run(get_section(name, ("--no-agent",)))
        if proc.returncode != USAGE:
            return f"--no-agent without a passphrase exited {proc.returncode}: a key was taken"
    elif op == "passwd":
        # Without the passphrase, passwd must refuse even while the agent holds the key.
        refused = world.run(["identity", "passwd", f"{name}.id", "--new-passphrase-file", "unused"])
        if refused.returncode != USAGE:
            return f"identity passwd without the passphrase exited {refused.returncode}"
        new = f"{name} passphrase number {rng.randrange(10**9)}, long enough"
        path = os.path.join(world.workdir, "new-passphrase")
        with open(path, "w") as f:
            f.write(new + "\n")
        proc = world.run(["identity", "passwd", f"{name}.id", "--new-passphrase-file", path], world.passphrase[name])
        os.unlink(path)
        if proc.returncode != 0:
            return f"identity passwd exited {proc.returncode}: {proc.stderr.decode()}"
        world.passphrase[name] = new
        model.generation[name] += 1
    else:
        raise ValueError(op)

    status = world.run(["agent", "status"])
    if not model.running:
        if status.returncode != NOT_AVAILABLE:
            return f"agent status exited {status.returncode} with no agent running"
    else:
        found = re.search(r": (\d+) keys? held", status.stdout.decode())
        if status.returncode != 0 or not found:
            return f"agent status: exit {status.returncode}, {status.stdout.decode()!r}"
        if int(found.group(1)) != len(model.held):
            return f"the agent holds {found.group(1)} keys, the model {len(model.held)}: {sorted(model.held)}"
    return None


OPERATIONS = [
    ("start", 4), ("stop", 1), ("forget", 1),
    ("get with passphrase", 5), ("get without passphrase", 6), ("get with a wrong passphrase", 3),
    ("get without passphrase, --no-agent", 2), ("passwd", 2),
]


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    sequences = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else random.SystemRandom().randrange(2**32)
    print(f"seed {seed}: {sequences} sequences of {steps} steps")
    rng = random.Random(seed)
    ops, weights = zip(*OPERATIONS)
    seen = set()
    # The run must exercise both sides of the promise that matters most (a key used, and no key to
    # use), else it proves less than it says: sequences continue, up to three times as many, until it has.
    needed = {("get without passphrase", True), ("get without passphrase", False)}
    number = 0
    while number < sequences or (not needed <= seen and number < 3 * sequences):
        # A short path: a Unix socket's path is limited to 107 bytes.
        workdir = tempfile.mkdtemp(prefix="kagentseq-", dir="/tmp")
        world = World(binary, source, workdir)
        model = Model()
        done = []
        try:
            for _ in range(steps):
                op = rng.choices(ops, weights)[0]
                name = rng.choice(IDENTITIES)
                done.append(f"{op} ({name})" if op.startswith(("get", "passwd")) else op)
                seen.add((op, model.opens(name) if op.startswith("get") else model.running))
                broken = step(world, model, rng, op, name)
                if broken:
                    print(f"FAIL sequence {number} (seed {seed}) after: " + "; ".join(done))
                    print(f"     {broken}")
                    return 1
        finally:
            world.stop_agent()
            shutil.rmtree(workdir, ignore_errors=True)
        print(f"ok   sequence {number}: " + "; ".join(done))
        number += 1
    if not needed <= seen:
        print(f"FAIL seed {seed} never reached {sorted(needed - seen)} in {number} sequences")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
