# SPDX-License-Identifier: Apache-2.0
"""The benchmark still runs (bench/bench.py --smoke: tiny sizes, two repetitions). It asserts no
timing, so it cannot flake on a loaded machine; the numbers are in README.md."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from support import REPO


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler for the benchmark's C side")
def test_the_benchmark_runs() -> None:
    done = subprocess.run([sys.executable, str(REPO / "bindings" / "python" / "bench" / "bench.py"), "--smoke"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.rstrip().endswith("x")]
    assert len(rows) == 6, done.stdout
