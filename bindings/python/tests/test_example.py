# SPDX-License-Identifier: Apache-2.0
"""examples/python/agency_open_bundle.py runs, and bindings/python/README.md shows it as it is."""

from __future__ import annotations

import pathlib
import subprocess
import sys

from support import REPO

EXAMPLE = REPO / "examples" / "python" / "agency_open_bundle.py"
README = REPO / "bindings" / "python" / "README.md"


def example_block() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("# --- example: an agency reads one shared section ---\n")
    end = text.index("# --- end of example ---\n")
    return text[start:end].split("\n", 1)[1]  # the code between the two marks


def test_the_example_runs(tmp_path: pathlib.Path) -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE), "--demo", str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("languages Kartläggning 6.1.a ")
    assert lines[1] == "lang-sv sv B1"


def test_a_refused_read_is_reported_with_its_status(tmp_path: pathlib.Path) -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE), str(tmp_path / "missing.bundle"),
                           str(tmp_path / "missing.id")], capture_output=True, text=True, timeout=60,
                          env={"KARTLA_PASSPHRASE": "x", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1
    assert done.stderr.startswith("agency_open_bundle: E_IO: ")


def test_the_readme_shows_the_example() -> None:
    block = example_block()
    assert len(block.splitlines()) <= 20
    assert block in README.read_text(encoding="utf-8"), "README.md's example differs from examples/python"
