# SPDX-License-Identifier: Apache-2.0
"""Helpers of the binding's tests: where the repository is, the scenario and the vectors.

The tests import the installed `kartla` (pip install ./bindings/python), never the source tree,
so they test what a user gets. KARTLA_REPO names the repository if the tests run elsewhere.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
from typing import Any

REPO = pathlib.Path(os.environ.get("KARTLA_REPO") or pathlib.Path(__file__).resolve().parents[3])
VECTORS = REPO / "tests" / "vectors"
SCENARIO = REPO / "tests" / "bindings" / "scenario.json"


def load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def hexed(node: dict[str, Any], key: str) -> bytes:
    """A vector's byte string (lowercase hex)."""
    return bytes.fromhex(node[key])


def when(seconds: int) -> datetime.datetime | None:
    """Unix seconds as an aware datetime; 0 is the C ABI's "now", None in the binding."""
    return None if seconds == 0 else datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
