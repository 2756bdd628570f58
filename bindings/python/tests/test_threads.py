# SPDX-License-Identifier: Apache-2.0
"""Two threads with separate handles, provoking different errors at the same time.

The last error message is kept per OS thread (kartla/common.h, "Errors and threads"): the binding
reads it on the thread that made the call, right after it. ctypes releases the GIL during each C
call, so these threads really are inside the library together; each must see only its own
statuses and messages.
"""

from __future__ import annotations

import threading
from typing import Any

import kartla

from support import hexed, load, when

ROUNDS = 300


def test_two_threads_separate_handles_their_own_errors() -> None:
    d = load("bundle.json")
    agency = {a["label"]: a for a in d["agencies"]}["agency_a"]
    bundle = hexed(d["bundle"], "file")
    granted = next(r for r in d["reads"] if r["input"] == "bundle" and r["result"] == "OK")
    at = when(granted["at"])
    expected = hexed(granted, "content")
    truncated = bundle[: len(bundle) - 7]
    barrier = threading.Barrier(2)
    failures: list[str] = []
    seen: dict[str, set[tuple[str, str]]] = {"reader": set(), "verifier": set()}

    def reader() -> None:  # a granted read, then a section not in the bundle: E_NOT_SHARED
        with kartla.Identity.open(hexed(agency, "identity_file"), agency["passphrase"].encode()) as me, \
                kartla.Share.open(bundle, me) as share:
            barrier.wait()
            for _ in range(ROUNDS):
                if share.section(granted["section"], at) != expected:
                    failures.append("reader: wrong plaintext")
                try:
                    share.section("languages", at)
                    failures.append("reader: languages was readable")
                except kartla.Error as e:
                    seen["reader"].add((e.status_name, e.message))

    def verifier() -> None:  # a truncated file (E_FORMAT) and an older copy (E_ROLLBACK)
        with kartla.Verification.open(bundle) as mine:
            barrier.wait()
            for _ in range(ROUNDS):
                try:
                    kartla.Verification.open(truncated)
                    failures.append("verifier: a truncated file verified")
                except kartla.Error as e:
                    seen["verifier"].add((e.status_name, e.message))
                try:
                    mine.check_last_seen(mine.sequence + 1)
                    failures.append("verifier: an older copy passed")
                except kartla.Error as e:
                    seen["verifier"].add((e.status_name, e.message))

    def run(fn: Any) -> None:
        try:
            fn()
        except BaseException as e:  # pragma: no cover - reported below
            failures.append(f"{fn.__name__}: {e!r}")
            barrier.abort()

    threads = [threading.Thread(target=run, args=(fn,)) for fn in (reader, verifier)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    # Each thread saw only its own errors, each with the same message every time.
    assert {s for s, _ in seen["reader"]} == {"E_NOT_SHARED"}
    assert len(seen["reader"]) == 1
    assert {s for s, _ in seen["verifier"]} == {"E_FORMAT", "E_ROLLBACK"}
    assert len(seen["verifier"]) == 2
    assert all(m for pair in seen.values() for _, m in pair)


def test_one_share_read_by_two_threads_while_it_is_closed() -> None:
    """A share may be read by several threads; close() from a third waits for no one and frees
    the handle only when the last running call has returned. Later calls are ClosedError."""
    d = load("bundle.json")
    agency = {a["label"]: a for a in d["agencies"]}["agency_a"]
    granted = next(r for r in d["reads"] if r["input"] == "bundle" and r["result"] == "OK")
    outcomes: list[str] = []
    with kartla.Identity.open(hexed(agency, "identity_file"), agency["passphrase"].encode()) as me:
        share = kartla.Share.open(hexed(d["bundle"], "file"), me)
        start = threading.Barrier(3)

        def read() -> None:
            start.wait()
            for _ in range(200):
                try:
                    share.section(granted["section"], when(granted["at"]))
                    outcomes.append("ok")
                except kartla.ClosedError:
                    outcomes.append("closed")

        threads = [threading.Thread(target=read) for _ in range(2)]
        for t in threads:
            t.start()
        start.wait()
        share.close()
        for t in threads:
            t.join()
    assert set(outcomes) <= {"ok", "closed"} and len(outcomes) == 400
    assert share.closed
