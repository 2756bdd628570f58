# SPDX-License-Identifier: Apache-2.0
"""`kartla share` + `kartla open` of a large section against `age` encrypting and decrypting the
same file to one recipient (issue 17), with the passphrase's Argon2id included (each command
unlocks its identity) and excluded (`kartla agent` holds both identities' keys).

    python3 bench/cli_vs_age.py --kartla build/release/src/cli/kartla [--mib 64] [--reps 3]

The input is a `documents` section whose one entry holds MiB of random bytes (as base64 in the
section's JSON, the form `record set --in` reads and `open` prints). The owner sets it once, before
timing. One repetition of Kartla is `share --sections documents --out B` (grant, save, bundle)
then `open B --as AGENCY.id --section documents > out.json`; one of age is `age -r KEY -o C in.json`
then `age -d -i key -o out.json C`. Both sides' output is compared with their input. The order
alternates each repetition; the medians of wall-clock time are printed, and the ratios.
A measurement, not a test: it asserts no timing.
"""

import argparse
import base64
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PASSPHRASE = "bench passphrase, not secret"


def document_json(size):
    blob = os.urandom(size)
    return {"entries": [{
        "id": "bench-document",
        "kind": "OTHER",
        "title": "benchmark payload",
        "media_type": "application/octet-stream",
        "size_bytes": str(size),
        "sha256": base64.b64encode(hashlib.sha256(blob).digest()).decode(),
        "inline_content": base64.b64encode(blob).decode(),
        "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-09-10T10:00:00Z"},
    }]}


class Bench:
    def __init__(self, kartla, workdir):
        self.kartla = kartla
        self.workdir = workdir
        os.mkdir(os.path.join(workdir, "run"), 0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": workdir, "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": os.path.join(workdir, "run"), "KARTLA_STATE_DIR": os.path.join(workdir, "state"),
            "KARTLA_PASSPHRASE": PASSPHRASE,
        }

    def run(self, *args, stdout=subprocess.DEVNULL, env=None):
        started = time.monotonic()
        subprocess.run(list(args), cwd=self.workdir, env=env or self.env, stdin=subprocess.DEVNULL, stdout=stdout,
                       stderr=subprocess.PIPE, check=True, start_new_session=True)
        return time.monotonic() - started

    def k(self, *args, **kw):
        return self.run(self.kartla, *args, **kw)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kartla", required=True)
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--reps", type=int, default=3)
    opts = parser.parse_args()
    if shutil.which("age") is None or shutil.which("age-keygen") is None:
        sys.exit("cli_vs_age.py: needs age and age-keygen on PATH (Debian: apt-get install age)")
    workdir = tempfile.mkdtemp(prefix="kbench-", dir="/tmp")
    b = Bench(os.path.abspath(opts.kartla), workdir)
    try:
        with open(os.path.join(workdir, "in.json"), "w") as f:
            json.dump(document_json(opts.mib << 20), f, indent=2)
        # Identities at the default Argon2id cost: what a person's unlock costs.
        b.k("identity", "new", "--out", "owner.id")
        b.k("agency", "new", "--name", "Landskrona stad", "--org", "212000-1140", "--role",
            "municipal_labour_unit", "--out", "agency.id")
        b.k("agency", "card", "agency.id", "--out", "agency.card")
        b.k("record", "new", "--owner", "owner.id", "--out", "rec.kartla", "--no-agent")
        b.k("record", "set", "rec.kartla", "--owner", "owner.id", "--section", "documents", "--in", "in.json",
            "--no-agent")
        b.run("age-keygen", "-o", "age.key")
        recipient = [line.split(": ")[1].strip() for line in open(os.path.join(workdir, "age.key"))
                     if line.startswith("# public key: ")][0]

        def kartla_once(i, agent):
            flag = [] if agent else ["--no-agent"]
            with open(os.path.join(workdir, f"out{i}.json"), "wb") as out:
                started = time.monotonic()
                b.k("share", "rec.kartla", "--owner", "owner.id", "--to", "agency.card", "--sections", "documents",
                    "--purpose", "benchmark", "--out", f"b{i}{agent}.kartla", *flag)
                b.k("open", f"b{i}{agent}.kartla", "--as", "agency.id", "--section", "documents", *flag, stdout=out)
                return time.monotonic() - started

        def age_once(i):
            started = time.monotonic()
            b.run("age", "-r", recipient, "-o", f"c{i}.age", "in.json")
            b.run("age", "-d", "-i", "age.key", "-o", f"age{i}.json", f"c{i}.age")
            return time.monotonic() - started

        def same_content(path):
            with open(os.path.join(workdir, path)) as f:
                got = json.load(f)
            with open(os.path.join(workdir, "in.json")) as f:
                want = json.load(f)
            return got["entries"][0]["inline_content"] == want["entries"][0]["inline_content"]

        b.k("agent", "start", "--timeout", "1h")
        # One unlock of each identity gives the agent their keys; then the timed runs use them.
        b.k("record", "list", "rec.kartla", "--owner", "owner.id")
        b.k("identity", "fingerprint", "agency.id")
        times = {"included": [], "excluded": [], "age": []}
        for i in range(opts.reps):
            order = ["included", "excluded", "age"] if i % 2 == 0 else ["age", "excluded", "included"]
            for what in order:
                if what == "age":
                    times["age"].append(age_once(i))
                    if not same_content(f"age{i}.json"):
                        sys.exit("age's output differs from its input")
                else:
                    agent = what == "excluded"
                    env = dict(b.env)
                    if agent:
                        # No passphrase at all: the keys can only come from the agent.
                        del b.env["KARTLA_PASSPHRASE"]
                    try:
                        times[what].append(kartla_once(i, "a" if agent else ""))
                    finally:
                        b.env = env
                    if not same_content(f"out{i}.json"):
                        sys.exit("kartla's output differs from its input")
        b.k("agent", "stop")
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"share + open of a {opts.mib} MiB document section ({os.path.getsize(os.path.join(workdir, 'in.json')) >> 20}"
              f" MiB as JSON), wall-clock s, median of {opts.reps}:")
        print(f"  age encrypt + decrypt (one recipient)        {med['age']:8.3f}")
        print(f"  kartla share + open, unlock excluded (agent) {med['excluded']:8.3f}   {med['excluded'] / med['age']:5.2f}x age")
        print(f"  kartla share + open, unlock included         {med['included']:8.3f}   {med['included'] / med['age']:5.2f}x age")
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        subprocess.run([b.kartla, "agent", "stop"], env=b.env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
