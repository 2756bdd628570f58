# SPDX-License-Identifier: Apache-2.0
"""Fixtures shared by the binding's tests (helpers: support.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support import SCENARIO


@pytest.fixture(scope="session")
def scenario() -> dict[str, Any]:
    return json.loads(SCENARIO.read_text(encoding="utf-8"))
