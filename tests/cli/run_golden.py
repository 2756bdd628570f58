#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs the CLI's golden tests: each case is a shell script under cases/GROUP/ that uses `kartla` as
a person would; its stdout, stderr and exit code must equal the golden files beside it.

    run_golden.py --kartla BUILD/src/cli/kartla [--update] [--keep] [-j N] [GROUP | GROUP/CASE.sh ...]

Layout and how to add a case: tests/cli/README.md. Standard library only.

A case NAME.sh in cases/GROUP/ has NAME.stdout, NAME.stderr and NAME.exit beside it (or
NAME.stdout.glob / NAME.stderr.glob: each line matches one line, `*` any characters in it; a line
`...` matches any number of lines). It runs in a fresh scratch folder, with no controlling
terminal (a missing passphrase is a usage error, not a prompt that hangs the run), stdin from
/dev/null and a fixed environment. A group may hold _setup_once.sh, run once before its cases in
the folder the cases see as $ONCE (for slow set-up: every identity costs an Argon2id run); other
files starting with `_` are helpers, not cases.

Before comparing, values a run cannot fix are replaced by placeholders (see `Normaliser`):
names a case gave with `name_value`, the scratch folder, the source tree, fingerprints, recovery
codes, hex ids, long base64 values and the times of this run.
"""

import argparse
import calendar
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import json_times  # noqa: E402  (the check of times in JSON, beside this file)

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
CASE_TIMEOUT = 300  # seconds; the slowest case takes a few under ASan

# Environment variables passed through to the cases: the sanitizers' settings and what the
# system's tools need. Nothing else of the caller's environment reaches kartla.
PASSED_THROUGH = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "TMPDIR")


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")


def write_text(path, text):
    with open(path, "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape"))


class Normaliser:
    """Replaces what differs from run to run by placeholders, the same value by the same one
    throughout a case's stdout and stderr, so a golden file still says that two ids are equal:

      <LABEL>          a value the case named (`name_value VALUE LABEL` in lib.sh)
      <TMP>, <SRC>     the case's scratch folder, the source tree
      <FP:n>           the n-th fingerprint seen (8 groups of 4 hex digits)
      <CODE:n>         the n-th recovery code seen (9 groups of 4 hex digits, dashes)
      <HEX64:n>        the n-th 64-digit hex value (manifest hashes)
      <HEX32:n>        the n-th 32-digit hex value (record, grant and contribution ids)
      <B64:n>          the n-th base64 value of 40 characters or more (keys, hashes, cards in JSON)
      <NOW>            a time during this run: RFC 3339 UTC, or Unix seconds
      <TODAY>          the date (UTC) of this run, where a date alone is shown

    A value written in the case script, its group's helpers or the example content (examples/)
    is fixed, and is left as it is."""

    PATTERNS = [
        ("CODE", re.compile(r"(?<![0-9a-fA-F-])(?:[0-9a-f]{4}-){8}[0-9a-f]{4}(?![0-9a-fA-F-])")),
        ("FP", re.compile(r"(?<![0-9a-fA-F])(?:[0-9a-f]{4} ){7}[0-9a-f]{4}(?![0-9a-fA-F])")),
        ("HEX64", re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{64}(?![0-9a-fA-F])")),
        ("HEX32", re.compile(r"(?<![0-9a-fA-F])[0-9a-f]{32}(?![0-9a-fA-F])")),
        ("B64", re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])")),
    ]
    RFC3339 = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z")
    UNIX = re.compile(r"(?<![0-9])1[0-9]{9}(?![0-9])")
    DATE = re.compile(r"(?<![0-9-])\d{4}-\d\d-\d\d(?![0-9T:-])")

    def __init__(self, names, paths, fixed_text, window):
        self.names = sorted(names, key=lambda nv: -len(nv[1]))  # longest value first
        self.paths = paths
        self.fixed_text = fixed_text
        self.window = window
        self.seen = {}

    def _numbered(self, kind, value):
        if value in self.fixed_text:
            return value
        key = (kind, value)
        if key not in self.seen:
            self.seen[key] = "<%s:%d>" % (kind, 1 + sum(1 for k in self.seen if k[0] == kind))
        return self.seen[key]

    def _in_window(self, seconds):
        return self.window[0] <= seconds <= self.window[1]

    def _rfc3339(self, m):
        y, mo, d, h, mi, s = (int(g) for g in m.groups())
        seconds = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))
        return "<NOW>" if self._in_window(seconds) else m.group(0)

    def __call__(self, text):
        for label, value in self.names:
            text = text.replace(value, "<%s>" % label)
        for path, label in self.paths:
            text = text.replace(path, label)
        for kind, pattern in self.PATTERNS:
            text = pattern.sub(lambda m, kind=kind: self._numbered(kind, m.group(0)), text)
        text = self.RFC3339.sub(self._rfc3339, text)
        text = self.UNIX.sub(lambda m: "<NOW>" if self._in_window(int(m.group(0))) else m.group(0), text)
        today = {time.strftime("%Y-%m-%d", time.gmtime(t)) for t in self.window}
        text = self.DATE.sub(lambda m: "<TODAY>" if m.group(0) in today and m.group(0) not in self.fixed_text
                             else m.group(0), text)
        return text


def line_glob(pattern, line):
    """`*` matches any run of characters; every other character, `?` and `[` too, is itself
    (output is full of them)."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), line, re.S) is not None


def glob_match(patterns, lines):
    """Each pattern line matches one line (line_glob); a line `...` any number of lines."""
    if not patterns:
        return not lines
    if patterns[0] == "...":
        return any(glob_match(patterns[1:], lines[i:]) for i in range(len(lines) + 1))
    return bool(lines) and line_glob(patterns[0], lines[0]) and glob_match(patterns[1:], lines[1:])


class Runner:
    def __init__(self, args):
        self.kartla = os.path.abspath(args.kartla)
        self.source = os.path.abspath(args.source)
        self.cases = os.path.abspath(args.cases)
        self.update = args.update
        self.keep = args.keep
        self.once_root = os.path.abspath(args.once_dir) if args.once_dir else None
        self.setup_only = args.setup_only
        self.scratch = tempfile.mkdtemp(prefix="kartla-golden-")
        self.started = time.time()
        self.print_lock = threading.Lock()
        self._examples = None

    def env(self, workdir, meta, once):
        home = os.path.join(meta, "home")
        os.makedirs(home, exist_ok=True)
        env = {k: os.environ[k] for k in PASSED_THROUGH if k in os.environ}
        env.update({
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHON": sys.executable,  # lib.sh's python3
            "HOME": home,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC",
            "KARTLA_BIN": self.kartla,
            "CASES": self.cases,
            "SRC": self.source,
            "ONCE": once,
            "KARTLA_TEST_META": meta,
            "KARTLA_TEST_NAMES": os.path.join(meta, "names"),
            # The versions an owner has seen are kept in a state folder on the computer: each
            # case has its own, never the real home folder's.
            "KARTLA_STATE_DIR": os.path.join(workdir, ".kartla-state"),
            # Where `kartla agent` would listen: the case's own, so an agent the person running
            # the tests has started (in their runtime folder or /tmp/kartla-UID) is never asked.
            "XDG_RUNTIME_DIR": os.path.join(meta, "run"),
        })
        return env

    def run_script(self, script, workdir, meta, once):
        os.makedirs(workdir, exist_ok=True)
        os.makedirs(meta, exist_ok=True)
        started = time.time()
        try:
            proc = subprocess.run(["bash", script], cwd=workdir, env=self.env(workdir, meta, once),
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  start_new_session=True, timeout=CASE_TIMEOUT)
            rc, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = "timeout", e.stdout or b"", (e.stderr or b"") + b"\n[timed out]\n"
        return (rc, out.decode("utf-8", "surrogateescape"), err.decode("utf-8", "surrogateescape"),
                time.time() - started)

    def examples_text(self):
        """The example content (examples/): a value taken from it is fixed, never a placeholder."""
        if self._examples is None:
            texts = []
            for folder, _, files in sorted(os.walk(os.path.join(self.source, "examples"))):
                texts += [read_text(os.path.join(folder, f)) for f in sorted(files) if f.endswith(".json")]
            self._examples = "\n".join(texts)
        return self._examples

    @staticmethod
    def names(*files):
        found = []
        for path in files:
            if os.path.exists(path):
                for line in read_text(path).splitlines():
                    label, _, value = line.partition("\t")
                    if value:
                        found.append((label, value))
        return found

    def setup_once(self, group):
        """Runs GROUP/_setup_once.sh, if there is one, into the group's once folder; returns that
        folder, the time its set-up started, and an error text or None. With --once-dir, a
        set-up done by an earlier run (--setup-only, a ctest fixture) is used as it is."""
        script = os.path.join(self.cases, group, "_setup_once.sh")
        if not os.path.exists(script):  # nothing to share: an empty folder of this run's own
            once = os.path.join(self.scratch, group, "once")
            os.makedirs(once, exist_ok=True)
            return once, self.started, None
        base = os.path.join(self.once_root or self.scratch, group)
        once, meta, done = (os.path.join(base, name) for name in ("once", "once.meta", "done"))
        if self.once_root and not self.setup_only and os.path.exists(done):
            return once, float(read_text(done)), None
        shutil.rmtree(base, ignore_errors=True)
        os.makedirs(once)
        started = time.time()
        rc, out, err, seconds = self.run_script(script, once, meta, once)
        if rc != 0 or out or err:
            return once, started, "%s/_setup_once.sh failed (exit %s)\nstdout:\n%s\nstderr:\n%s" % (
                group, rc, out, err)
        self.say("setup %-44s %5.1fs" % (group + "/_setup_once.sh", seconds))
        write_text(done, "%f\n" % started)
        return once, started, None

    def say(self, text):
        with self.print_lock:
            print(text, flush=True)

    def run_case(self, group, name, once, once_started):
        """Runs one case and compares it; returns True when it passes (or was updated)."""
        script = os.path.join(self.cases, group, name + ".sh")
        workdir = os.path.join(self.scratch, group, name)
        meta = os.path.join(self.scratch, group, name + ".meta")
        rc, out, err, seconds = self.run_script(script, workdir, meta, once)

        fixed = read_text(script) + self.examples_text()
        for helper in sorted(os.listdir(os.path.join(self.cases, group))):
            if helper.startswith("_") and helper.endswith(".sh"):
                fixed += read_text(os.path.join(self.cases, group, helper))
        normalise = Normaliser(
            self.names(os.path.join(os.path.dirname(once), "once.meta", "names"), os.path.join(meta, "names")),
            [(workdir, "<TMP>"), (once, "<ONCE>"), (self.source, "<SRC>")],
            fixed, (int(min(self.started, once_started)) - 2, int(time.time()) + 2))
        actual = {"stdout": normalise(out), "stderr": normalise(err), "exit": "%s\n" % rc}

        base = os.path.join(self.cases, group, name)
        problems, updated = [], []
        # A check in the case that failed (lib.sh prints `!!! ...`): never a golden line.
        failed_checks = [line for stream in ("stdout", "stderr") for line in actual[stream].splitlines()
                         if line.startswith("!!! ")]
        if failed_checks:
            problems.append("a check in the case failed:\n  " + "\n  ".join(failed_checks))
        # Every time in every JSON document the case printed, before placeholders hide its form.
        bad_times = json_times.problems_in_transcript(out)
        if bad_times:
            failed_checks += bad_times  # never written into a golden file either
            problems.append("a time in JSON breaks the rule (docs/CLI.md, Times in JSON):\n  " + "\n  ".join(bad_times))
        for stream in ("stdout", "stderr", "exit"):
            exact, glob = base + "." + stream, base + "." + stream + ".glob"
            if os.path.exists(glob) and os.path.exists(exact):
                problems.append("%s: both %s and %s exist" % (stream, exact, glob))
            elif os.path.exists(glob):
                if not glob_match(read_text(glob).splitlines(), actual[stream].splitlines()):
                    problems.append(self.diff(glob, read_text(glob), actual[stream], "(glob)"))
            elif self.update and not failed_checks:
                if not os.path.exists(exact) or read_text(exact) != actual[stream]:
                    write_text(exact, actual[stream])
                    updated.append(os.path.basename(exact))
            elif not os.path.exists(exact):
                problems.append("%s: no golden file %s (run with --update to write it)" % (stream, exact))
            elif read_text(exact) != actual[stream]:
                problems.append(self.diff(exact, read_text(exact), actual[stream]))

        label = "%s/%s.sh" % (group, name)
        if failed_checks:
            updated = []  # nothing is written for a case whose own checks fail
        if problems:
            self.say("FAIL  %-44s %5.1fs\n  rerun:   %s --kartla %s %s\n  scratch: %s\n%s" % (
                label, seconds, os.path.relpath(__file__), self.kartla, label, workdir, "\n".join(problems)))
            return False
        self.say("%-5s %-44s %5.1fs" % ("upd" if updated else "ok", label, seconds)
                 + ("  wrote " + ", ".join(updated) if updated else ""))
        if updated and rc != 0:
            self.say("      note: %s exits %s: a case normally runs to its end (exit 0)" % (label, rc))
        if not self.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            shutil.rmtree(meta, ignore_errors=True)
        return True

    @staticmethod
    def diff(path, expected, actual, what=""):
        lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                     " ".join(filter(None, (os.path.relpath(path, HERE), what))), "actual")
        text = "".join(l if l.endswith("\n") else l + "\n\\ No newline at end of file\n" for l in lines)
        return text or "%s: differs\n" % path

    def run(self, selection, jobs):
        plan = {}
        for group, name in selection:
            plan.setdefault(group, []).append(name)
        failed, total = [], 0
        for group, names in plan.items():
            once, once_started, error = self.setup_once(group)
            if error:
                self.say("FAIL  " + error)
                total += len(names)
                failed += ["%s/%s.sh (its group's set-up failed)" % (group, n) for n in names]
                continue
            if self.setup_only:
                continue
            total += len(names)
            with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
                results = list(pool.map(lambda n: (n, self.run_case(group, n, once, once_started)), names))
            failed += ["%s/%s.sh" % (group, n) for n, ok in results if not ok]
        if self.keep or failed:
            print("scratch folders: %s" % self.scratch)
        else:
            shutil.rmtree(self.scratch, ignore_errors=True)
        if self.setup_only:
            print("%d group set-ups done in %.1fs" % (len(plan) - len(failed), time.time() - self.started))
        else:
            print("%d of %d cases passed in %.1fs" % (total - len(failed), total, time.time() - self.started))
        for name in failed:
            print("  failed: " + name)
        return 1 if failed else 0


def discover(cases_dir, wanted):
    """(group, case name) pairs: every case, or those named (GROUP, GROUP/NAME or GROUP/NAME.sh)."""
    def cases_of(group):
        folder = os.path.join(cases_dir, group)
        return sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".sh") and not f.startswith("_"))

    groups = sorted(d for d in os.listdir(cases_dir)
                    if os.path.isdir(os.path.join(cases_dir, d)) and not d.startswith(("_", ".")))
    if not wanted:
        return [(g, n) for g in groups for n in cases_of(g)]
    selection = []
    for item in wanted:
        item = os.path.relpath(os.path.abspath(item), cases_dir) if os.path.exists(item) else item
        group, _, name = item.rstrip("/").partition("/")
        if group not in groups:
            sys.exit("run_golden.py: no group %r in %s" % (group, cases_dir))
        names = cases_of(group)
        if name:
            name = name[:-3] if name.endswith(".sh") else name
            name = re.sub(r"\.(stdout|stderr|exit)(\.glob)?$", "", name)
            if name not in names:
                sys.exit("run_golden.py: no case %s/%s.sh" % (group, name))
            names = [name]
        selection += [(group, n) for n in names if (group, n) not in selection]
    return selection


SELF_TEST_CASE = """. "$CASES/lib.sh"
# A command that succeeds, one that fails, a random fingerprint and recovery code, a check.
kartla identity new --out owner.id --json "${KDF[@]}"
kartla verify missing.kartla
exists owner.id
"""


def self_test(kartla):
    """Checks that the runner fails a case whose golden stdout, stderr or exit is wrong, or
    missing, or whose own check failed, and that --update writes goldens that then pass."""
    work = tempfile.mkdtemp(prefix="kartla-golden-selftest-")
    cases = os.path.join(work, "cases")
    os.makedirs(os.path.join(cases, "selftest"))
    for name in ("lib.sh", "tool.py"):
        shutil.copy(os.path.join(CASES, name), cases)
    base = os.path.join(cases, "selftest", "case")
    write_text(base + ".sh", SELF_TEST_CASE)

    def run(*extra):
        proc = subprocess.run([sys.executable, "-B", __file__, "--kartla", kartla, "--cases", cases, *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return proc.returncode, proc.stdout

    failures = []

    def expect(what, want_rc, needles, *extra):
        rc, out = run(*extra)
        missing = [n for n in needles if n not in out]
        if rc != want_rc or missing:
            failures.append("%s: exit %d (wanted %d), missing %r in:\n%s" % (what, rc, want_rc, missing, out))

    try:
        expect("no golden files", 1, ["no golden file"])
        expect("--update writes them", 0, ["upd ", "wrote case.stdout, case.stderr, case.exit"], "--update")
        stdout = read_text(base + ".stdout")
        if "<FP:1>" not in stdout or "<CODE:1>" not in stdout or "[exit 6]" not in stdout:
            failures.append("the golden stdout is not normalised as expected:\n" + stdout)
        expect("unchanged goldens pass", 0, ["ok    selftest/case.sh"])
        for suffix, broken in ((".stdout", stdout.replace("[exit 6]", "[exit 5]")),
                               (".stderr", read_text(base + ".stderr") + "one more line\n"),
                               (".exit", "1\n")):
            good = read_text(base + suffix)
            write_text(base + suffix, broken)
            expect("a wrong %s golden" % suffix, 1, ["FAIL  selftest/case.sh", "--- ", "+++ actual"])
            write_text(base + suffix, good)
            os.remove(base + suffix)
            expect("a missing %s golden" % suffix, 1, ["no golden file"])
            write_text(base + suffix, good)
        write_text(base + ".stdout.glob", stdout)
        expect("both an exact and a glob golden", 1, ["both"])
        os.remove(base + ".stdout")
        expect("a glob golden", 0, ["ok    selftest/case.sh"])
        write_text(base + ".stdout.glob", stdout.replace("[exit 6]", "[exit *]").replace("<FP:1>", "*"))
        expect("a glob golden with wildcards", 0, ["ok    selftest/case.sh"])
        write_text(base + ".stdout.glob", "...\n[exit 5]\n...\n")
        expect("a glob golden that does not match", 1, ["FAIL  selftest/case.sh"])
        write_text(base + ".stdout", stdout)
        os.remove(base + ".stdout.glob")
        write_text(base + ".sh", SELF_TEST_CASE + "same 'a failed check' owner.id /dev/null\n")
        expect("a failed check, even with --update", 1, ["a check in the case failed", "!!! DIFFERENT"],
               "--update")
        if read_text(base + ".stdout") != stdout:
            failures.append("--update wrote the goldens of a case whose check failed")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print("FAIL  " + failure)
    print("runner self-test: %s" % ("failed" if failures else "every broken golden file failed its case"))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kartla", required=True, help="the kartla binary to test")
    parser.add_argument("--source", default=os.path.dirname(os.path.dirname(HERE)),
                        help="the source tree (default: this script's)")
    parser.add_argument("--cases", default=CASES, help=argparse.SUPPRESS)  # the runner's self-test
    parser.add_argument("--update", action="store_true",
                        help="rewrite the golden files from this run's output (for a deliberate change: "
                             "review the diff before committing)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    parser.add_argument("--once-dir", help="keep each group's _setup_once.sh result in ONCE_DIR/GROUP and use "
                                           "it if it is there (ctest: one fixture per group)")
    parser.add_argument("--setup-only", action="store_true",
                        help="only run the groups' _setup_once.sh (into --once-dir)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="cases run at once within a group")
    parser.add_argument("--self-test", action="store_true", help="check that broken golden files fail")
    parser.add_argument("tests", nargs="*", help="GROUP, GROUP/CASE or GROUP/CASE.sh (default: every case)")
    args = parser.parse_args()
    if not os.access(args.kartla, os.X_OK):
        sys.exit("run_golden.py: %s is not an executable" % args.kartla)
    if args.self_test:
        sys.exit(self_test(os.path.abspath(args.kartla)))
    runner = Runner(args)
    sys.exit(runner.run(discover(os.path.abspath(args.cases), args.tests), max(1, args.jobs)))


if __name__ == "__main__":
    main()
