# SPDX-License-Identifier: Apache-2.0
"""`kartla share` + `kartla open --document` of a large document against `age` encrypting and
decrypting the same bytes to one recipient (issue 17), with the passphrase's Argon2id included
(each command unlocks its identity) and excluded (`kartla agent` holds both identities' keys),
and the peak memory of the commands that handle the document.

    python3 bench/cli_vs_age.py --kartla build/release/src/cli/kartla [--mib 64] [--reps 3]

Time. MiB of random bytes are added once with `document add`, before timing. One repetition is
`share --sections documents --out B` (grant, save of the record, bundle) then `open B --as
AGENCY.id --document ID --out FILE`; age's is `age -r KEY -o C FILE` then `age -d -i key -o OUT C`.
A control row runs age and then fsyncs each file it wrote and their folder, as Kartla does for the
record, the bundle and the opened document: it shows how much of the difference is durability.
The order alternates each repetition; medians of wall-clock time are printed, with each command's
share and their ratios to age. Every output is compared with the input (SHA-256).

Memory. Peak resident memory (GNU time's %M) of `document add`, `open
--section documents --json` (the section's JSON: a listing, its bytes never printed) and `open
--document --out`, with the agent (so Argon2id's memory is not in it), for the large document and
for a 1 KiB one; the growth is the difference, printed against the document's size.

It ends with issue 17's goals that it measures, met or not met. A measurement, not a test: it
asserts no timing. Without age it stops and says so: it never prints a number it did not measure.
"""

import argparse
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
GOAL_EXCLUDED = 2.0     # share + open, unlock excluded <= 2x age
GOAL_JSON_PEAK = 2.0    # peak growth opening the section as JSON <= 2x the section
GOAL_FILE_PEAK_MIB = 4  # peak growth opening the document to a file <= 4 MiB + a constant
GOAL_ADD_PEAK = 2.0     # peak growth of document add <= 2x the document (bench/README.md, item 4)


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

    def path(self, name):
        return os.path.join(self.workdir, name)

    def run(self, *args, stdout=subprocess.DEVNULL):
        """Runs one command; returns its wall-clock seconds."""
        started = time.monotonic()
        done = subprocess.run(list(args), cwd=self.workdir, env=self.env, stdin=subprocess.DEVNULL, stdout=stdout,
                              stderr=subprocess.PIPE, start_new_session=True)
        elapsed = time.monotonic() - started
        if done.returncode != 0:
            sys.exit(f"cli_vs_age.py: {' '.join(args[:3])} ... failed ({done.returncode}):\n"
                     f"{done.stderr.decode(errors='replace')}")
        return elapsed

    def peak_kib(self, *args, stdout=subprocess.DEVNULL):
        """Runs one command under GNU time; returns its peak resident KiB. Not the kernel's
        ru_maxrss of a child of this process: Linux carries the high-water mark across exec, so
        every child would start at Python's own size. GNU time's child starts at time's."""
        report = os.path.join(self.workdir, "peak.txt")
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report, *args], cwd=self.workdir, env=self.env,
                              stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE, start_new_session=True)
        if done.returncode != 0:
            sys.exit(f"cli_vs_age.py: {' '.join(args[:3])} ... failed ({done.returncode}):\n"
                     f"{done.stderr.decode(errors='replace')}")
        with open(report) as f:
            return int(f.read().split()[-1])

    def k(self, *args, **kw):
        return self.run(self.kartla, *args, **kw)

    def k_peak(self, *args, **kw):
        return self.peak_kib(self.kartla, *args, **kw)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def fsync_files(folder, *names):
    for name in names:
        fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kartla", required=True)
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--reps", type=int, default=3)
    opts = parser.parse_args()
    if shutil.which("age") is None or shutil.which("age-keygen") is None:
        sys.exit("cli_vs_age.py: needs age and age-keygen on PATH (Debian: apt-get install age); nothing measured")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("cli_vs_age.py: needs GNU time for peak memory (Debian: apt-get install time); nothing measured")
    workdir = tempfile.mkdtemp(prefix="kbench-", dir="/tmp")
    b = Bench(os.path.abspath(opts.kartla), workdir)
    size = opts.mib << 20
    try:
        with open(b.path("doc.bin"), "wb") as f:
            f.write(os.urandom(size))
        with open(b.path("small.bin"), "wb") as f:
            f.write(os.urandom(1024))
        doc_hash = sha256_of(b.path("doc.bin"))
        # Identities at the default Argon2id cost: what a person's unlock costs.
        b.k("identity", "new", "--out", "owner.id")
        b.k("agency", "new", "--name", "Landskrona stad", "--org", "212000-1140", "--role",
            "municipal_labour_unit", "--out", "agency.id")
        b.k("agency", "card", "agency.id", "--out", "agency.card")
        b.run("age-keygen", "-o", "age.key")
        recipient = [line.split(": ")[1].strip() for line in open(b.path("age.key"))
                     if line.startswith("# public key: ")][0]

        b.k("agent", "start", "--timeout", "1h")
        # One unlock of each identity gives the agent their keys.
        b.k("identity", "fingerprint", "owner.id")
        b.k("identity", "fingerprint", "agency.id")

        def without_passphrase(fn):
            """Runs fn with no passphrase at all, so the keys can only come from the agent."""
            saved = dict(b.env)
            del b.env["KARTLA_PASSPHRASE"]
            try:
                return fn()
            finally:
                b.env = saved

        def share(record, bundle, flag):
            return b.k("share", record, "--owner", "owner.id", "--to", "agency.card", "--sections", "documents",
                       "--purpose", "benchmark", "--out", bundle, *flag)

        def document_id(record):
            with open(b.path("list.json"), "wb") as out:
                b.k("document", "list", record, "--owner", "owner.id", "--json", stdout=out)
            with open(b.path("list.json")) as f:
                return json.load(f)["entries"][0]["id"]

        # Memory first (agent, no passphrase): the add, then both ways of opening, large and small.
        peaks = {}
        for tag, source in (("large", "doc.bin"), ("small", "small.bin")):
            record, bundle = f"{tag}.kartla", f"{tag}-bundle.kartla"
            b.k("record", "new", "--owner", "owner.id", "--out", record)
            peaks[("add", tag)] = without_passphrase(
                lambda: b.k_peak("document", "add", record, "--owner", "owner.id", "--file", source))
            ident = document_id(record)
            without_passphrase(lambda: share(record, bundle, []))
            with open(b.path(f"{tag}.json"), "wb") as out:
                peaks[("json", tag)] = without_passphrase(
                    lambda: b.k_peak("open", bundle, "--as", "agency.id", "--section", "documents", "--json",
                                     stdout=out))
            peaks[("file", tag)] = without_passphrase(
                lambda: b.k_peak("open", bundle, "--as", "agency.id", "--document", ident, "--out", f"{tag}.out"))
            if sha256_of(b.path(f"{tag}.out")) != sha256_of(b.path(source)):
                sys.exit("kartla's document output differs from its input")
        doc_id = document_id("large.kartla")

        def document_once(i, excluded):
            tag = "a" if excluded else ""
            flag = [] if excluded else ["--no-agent"]

            def go():
                t_share = share("large.kartla", f"d{i}{tag}.kartla", flag)
                t_open = b.k("open", f"d{i}{tag}.kartla", "--as", "agency.id", "--document", doc_id, "--out",
                                f"doc{i}{tag}.out", *flag)
                return t_share, t_open

            t_share, t_open = without_passphrase(go) if excluded else go()
            if sha256_of(b.path(f"doc{i}{tag}.out")) != doc_hash:
                sys.exit("kartla's document output differs from its input")
            return t_share, t_open

        def age_once(i, durable):
            t_enc = b.run("age", "-r", recipient, "-o", f"c{i}.age", "doc.bin")
            started = time.monotonic()
            if durable:
                fsync_files(workdir, f"c{i}.age")
            t_enc += time.monotonic() - started
            t_dec = b.run("age", "-d", "-i", "age.key", "-o", f"age{i}.out", f"c{i}.age")
            started = time.monotonic()
            if durable:
                fsync_files(workdir, f"age{i}.out")
            t_dec += time.monotonic() - started
            if sha256_of(b.path(f"age{i}.out")) != doc_hash:
                sys.exit("age's output differs from its input")
            return t_enc, t_dec

        runs = {
            "excluded": lambda i: document_once(i, True),
            "included": lambda i: document_once(i, False),
            "age": lambda i: age_once(i, False),
            "age+fsync": lambda i: age_once(i, True),
        }
        times = {name: [] for name in runs}
        for i in range(opts.reps):
            order = list(runs) if i % 2 == 0 else list(reversed(list(runs)))
            for name in order:
                times[name].append(runs[name](i))
        b.k("agent", "stop")

        med = {k: (statistics.median(t[0] for t in v), statistics.median(t[1] for t in v),
                   statistics.median(t[0] + t[1] for t in v)) for k, v in times.items()}
        age = med["age"][2]
        print(f"share + open of a {opts.mib} MiB document, wall-clock s, median of {opts.reps} "
              f"(first step / second step / both):")
        labels = {
            "age": "age encrypt + decrypt (one recipient)     ",
            "age+fsync": "age, then fsync of what it wrote (control)",
            "excluded": "kartla share + open, unlock excluded     ",
            "included": "kartla share + open, unlock included     ",
        }
        for key in ("age", "age+fsync", "excluded", "included"):
            first, second, both = med[key]
            print(f"  {labels[key]} {first:7.3f} {second:7.3f} {both:7.3f}   {both / age:5.2f}x age")

        mib = lambda kib: kib / 1024  # noqa: E731
        print(f"peak resident memory with the agent, MiB (the {opts.mib} MiB document; a 1 KiB one; growth):")
        growth = {}
        for key, what in (("add", "document add"), ("json", "open --section documents --json"),
                          ("file", "open --document --out FILE")):
            large, small = peaks[(key, "large")], peaks[(key, "small")]
            growth[key] = mib(large - small)
            print(f"  {what:34s} {mib(large):8.1f} {mib(small):8.1f} {growth[key]:8.1f}  "
                  f"= {growth[key] / opts.mib:4.2f}x the document")

        print("goals (issue 17)                                                   goal        result")
        verdict = lambda ok: "met" if ok else "not met"  # noqa: E731
        ratio = med["excluded"][2] / age
        print(f"  share + open vs age, unlock excluded     {opts.mib:4d} MiB            <= {GOAL_EXCLUDED:.0f}x age "
              f"{ratio:7.2f}x  {verdict(ratio <= GOAL_EXCLUDED)}")
        ratio_durable = med["excluded"][2] / med["age+fsync"][2]
        print(f"    (the same against age with fsync, the control: {ratio_durable:.2f}x)")
        print(f"  peak growth, section as JSON             {opts.mib:4d} MiB            <= {GOAL_JSON_PEAK:.0f}x      "
              f"{growth['json'] / opts.mib:7.2f}x  {verdict(growth['json'] / opts.mib <= GOAL_JSON_PEAK)}")
        print(f"  peak growth, document to a file          {opts.mib:4d} MiB            <= {GOAL_FILE_PEAK_MIB} MiB    "
              f"{growth['file']:6.1f} MiB  {verdict(growth['file'] <= GOAL_FILE_PEAK_MIB)}")
        print(f"  peak growth, document add                {opts.mib:4d} MiB            <= {GOAL_ADD_PEAK:.0f}x      "
              f"{growth['add'] / opts.mib:7.2f}x  {verdict(growth['add'] / opts.mib <= GOAL_ADD_PEAK)}")
        print("  (unlock included has no goal: printed above)")
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        subprocess.run([b.kartla, "agent", "stop"], env=b.env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
