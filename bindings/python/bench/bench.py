# SPDX-License-Identifier: Apache-2.0
"""The Python binding's benchmark (not a test): an agency reading a 1 KiB and a 64 MiB section
through the binding and through the C ABI directly, in one process, in the same run.

    python bindings/python/bench/bench.py [--smoke] [--rounds N]

The C side is bench_native.c, compiled here with `cc` against include/ and linked by soname to
the very libkartla.so.1 the binding loaded; it loops in C and times itself. Both sides read the
same bundle with the same agency identity, alternating round by round, and are timed with the
same clock: the CPU time of the calling thread (steadier than wall time on a loaded machine).
Each line prints the median time per read of each side and the ratio binding / C.

  open+read   Share.open_file + Share.section + close  vs  kartla_share_open_file +
              kartla_share_section + kartla_buffer_free + kartla_share_free
  read        Share.section on an open share (bytes: one copy out of the library's buffer)
              vs kartla_share_section + kartla_buffer_free
  read_into   Share.section_into a reused bytearray  vs  kartla_share_section_into a reused buffer
"""

from __future__ import annotations

import argparse
import ctypes
import datetime
import hashlib
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import kartla
from kartla import v1

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
UTC = datetime.timezone.utc
SECTION = "documents"
PASSPHRASE = b"benchmark passphrase"


def documents(size: int) -> bytes:
    """A documents section whose protobuf encoding is exactly `size` bytes (one DocumentEntry with
    inline content, valid under the section's rules, as bench/payload.cpp makes it)."""
    title = "benchmark payload"
    content_len = size - 200

    def build(n: int, t: str) -> bytes:
        blob = b"\x5a" * n
        entry = v1.DocumentEntry(id="bench-document", kind=v1.DocumentEntry.OTHER,
                                 title=t, media_type="application/octet-stream", size_bytes=n,
                                 sha256=hashlib.sha256(blob).digest(), inline_content=blob)
        entry.assertion.source = v1.Assertion.SELF_REPORTED
        entry.assertion.asserted_at.FromSeconds(1700000000)
        return v1.Documents(entries=[entry]).SerializeToString()

    while len(build(content_len, title)) > size:
        content_len -= 1
    while len(build(content_len, title)) < size:
        title += "."
    data = build(content_len, title)
    assert len(data) == size, (len(data), size)
    return data


def native_library(workdir: pathlib.Path) -> ctypes.CDLL:
    libdir = pathlib.Path(kartla.library_path).resolve().parent
    out = workdir / "libkbench.so"
    subprocess.run(["cc", "-O2", "-std=c99", "-Wall", "-Werror", "-shared", "-fPIC", f"-I{REPO / 'include'}", str(HERE / "bench_native.c"),
                    "-o", str(out), f"-L{libdir}", "-l:libkartla.so.1", f"-Wl,-rpath,{libdir}"], check=True)
    native = ctypes.CDLL(str(out))
    native.kbench_read.restype = ctypes.c_double
    native.kbench_read.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int64,
                                   ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t]
    return native


def prepare(workdir: pathlib.Path, sizes: list[int]) -> tuple[pathlib.Path, dict[int, pathlib.Path], datetime.datetime]:
    owner = kartla.Identity.create(PASSPHRASE, kdf_memlimit_mib=64, kdf_opslimit=3)
    agency = kartla.Identity.create_agency("Benchmark agency", "212000-1140", "municipal_labour_unit", PASSPHRASE,
                                           kdf_memlimit_mib=64, kdf_opslimit=3)
    now = datetime.datetime(2026, 1, 1, tzinfo=UTC)
    bundles = {}
    with owner.identity, agency.identity:
        agency_path = workdir / "agency.id"
        agency.identity.save(agency_path)
        for size in sizes:
            with kartla.Record.create(owner.identity) as record:
                record.set_clock(now)
                record.set_section(SECTION, documents(size))
                grant = record.share(agency.identity.card, [SECTION], purpose="benchmark", now=now)
                record.save(workdir / f"record-{size}.kartla")
                bundles[size] = workdir / f"bundle-{size}.kartla"
                record.export_bundle(grant, bundles[size])
    return agency_path, bundles, now + datetime.timedelta(days=1)


def measure(native: ctypes.CDLL, agency: kartla.Identity, bundle: pathlib.Path, at: datetime.datetime, mode: str,
            reps: int, rounds: int) -> tuple[float, float]:
    """Median seconds per read over `rounds` rounds, (binding, C), alternating which goes first."""
    at_c = int(at.timestamp())
    path = str(bundle).encode()
    py_samples, c_samples = [], []
    with kartla.Share.open_file(bundle, agency) as share:
        capacity = share.section_size(SECTION, at)
        py_buffer = bytearray(capacity)  # touched: zero-filled
        c_buffer = (ctypes.c_uint8 * capacity)()
        ctypes.memset(c_buffer, 1, capacity)
        c_mode = {"open+read": 0, "read": 1, "read_into": 2}[mode]
        agency_ptr = agency._use()
        share_ptr = share._use()
        try:
            def python_side() -> float:
                start = time.thread_time()
                for _ in range(reps):
                    if c_mode == 0:
                        with kartla.Share.open_file(bundle, agency) as s:
                            s.section(SECTION, at)
                    elif c_mode == 1:
                        share.section(SECTION, at)
                    else:
                        share.section_into(SECTION, py_buffer, at)
                return (time.thread_time() - start) / reps

            def c_side() -> float:
                seconds = native.kbench_read(agency_ptr, share_ptr, path, SECTION.encode(), at_c, c_mode, reps,
                                             c_buffer, capacity)
                if seconds < 0:
                    raise RuntimeError("the C side failed")
                return float(seconds) / reps

            python_side(), c_side()  # warm-up: page cache, first faults, the allocator
            for r in range(rounds):
                if r % 2:
                    py_samples.append(python_side())
                    c_samples.append(c_side())
                else:
                    c_samples.append(c_side())
                    py_samples.append(python_side())
        finally:
            agency._done()
            share._done()
    return statistics.median(py_samples), statistics.median(c_samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes and repetitions: checks it runs, times nothing")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--sizes", default="1K,64M", help="1K and/or 64M (default both)")
    args = parser.parse_args()
    sizes = {size: reps for size, reps in {1024: 400, 64 << 20: 3}.items()
             if f"{size >> 20}M" in args.sizes.split(",") or f"{size >> 10}K" in args.sizes.split(",")}
    rounds = args.rounds
    if args.smoke:
        sizes, rounds = {1024: 2, 64 << 10: 2}, 2
    with tempfile.TemporaryDirectory(prefix="kartla-pybench-") as tmp:
        workdir = pathlib.Path(tmp)
        native = native_library(workdir)
        agency_path, bundles, at = prepare(workdir, list(sizes))
        print(f"kartla {kartla.version()} ({kartla.library_path}), Python {platform.python_version()}, "
              f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        print(f"{'size':>8} {'operation':<10} {'python':>12} {'C':>12} {'ratio':>7}")
        with kartla.Identity.open_file(agency_path, PASSPHRASE) as agency:
            for size, reps in sizes.items():
                for mode in ("open+read", "read", "read_into"):
                    py, c = measure(native, agency, bundles[size], at, mode, reps, rounds)
                    label = f"{size >> 20} MiB" if size >= 1 << 20 else f"{size >> 10} KiB"
                    print(f"{label:>8} {mode:<10} {py * 1e6:10.1f}us {c * 1e6:10.1f}us {py / c:6.2f}x", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
