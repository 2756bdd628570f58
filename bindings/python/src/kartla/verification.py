# SPDX-License-Identifier: Apache-2.0
"""Verification of a record or bundle by anyone, without keys (kartla/verify.h)."""

from __future__ import annotations

import ctypes

from . import _core, v1
from ._core import BytesLike, PathLike, check, data_in, path_in
from ._native import lib


class Verification(_core.Handle):
    """A verified record or bundle: the owner's signature over the exact manifest bytes, every
    entry and grant covered by it, the hash of every section body present. Opening fails (typed)
    if any of it does not hold.

    Thread safety: immutable; may be shared between threads."""

    __slots__ = ()
    _free = lib.kartla_verification_free

    @classmethod
    def open(cls, data: BytesLike) -> Verification:
        d, d_len = data_in(data, "data")
        out = ctypes.c_void_p()
        check(lib.kartla_verification_open(d, d_len, out))
        return cls._wrap(out.value)

    @classmethod
    def open_file(cls, path: PathLike) -> Verification:
        out = ctypes.c_void_p()
        check(lib.kartla_verification_open_file(path_in(path), out))
        return cls._wrap(out.value)

    @property
    def sequence(self) -> int:
        out = ctypes.c_uint64()
        ptr = self._use()
        try:
            check(lib.kartla_verification_sequence(ptr, out))
        finally:
            self._done()
        return out.value

    def _text(self, fn: object) -> str:
        ptr = self._use()
        try:
            return _core.call_text(fn, ptr)  # type: ignore[arg-type]
        finally:
            self._done()

    @property
    def record_id(self) -> str:
        """32 hex digits."""
        return self._text(lib.kartla_verification_record_id)

    @property
    def owner_fingerprint(self) -> str:
        return self._text(lib.kartla_verification_owner_fingerprint)

    @property
    def previous_hash(self) -> str:
        """The previous version's manifest hash (64 hex digits); "" for the first version."""
        return self._text(lib.kartla_verification_previous_hash)

    def report(self) -> v1.VerificationReport:
        """The whole report (docs/SPEC.md §8): what anyone holding the file learns."""
        ptr = self._use()
        try:
            return _core.call_message(v1.VerificationReport, lib.kartla_verification_report, ptr)
        finally:
            self._done()

    def report_json(self) -> str:
        ptr = self._use()
        try:
            return _core.call_json(lib.kartla_verification_report, ptr)
        finally:
            self._done()

    def check_last_seen(self, last_seen: int) -> None:
        """Rollback if the verified copy's sequence is below `last_seen`."""
        n = _core.uint_in(last_seen, "last_seen", 64)
        ptr = self._use()
        try:
            check(lib.kartla_verification_check_last_seen(ptr, n))
        finally:
            self._done()
