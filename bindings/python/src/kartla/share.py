# SPDX-License-Identifier: Apache-2.0
"""The agency's side: opening a share bundle or a record file with the agency's identity and
reading the sections granted to it (kartla/share.h)."""

from __future__ import annotations

import ctypes
import datetime
from typing import TypeVar

from google.protobuf.message import Message

from . import _core, _sections, v1
from ._core import Borrow, BytesLike, PathLike, check, data_in, path_in, text_in, time_in
from ._native import lib
from .identity import Identity
from .record import _writable

M = TypeVar("M", bound=Message)

_share_section = lib.kartla_share_section
_share_open_file = lib.kartla_share_open_file


class Share(_core.Handle):
    """A share bundle or record file opened by an agency: only the sections granted to it can be
    read, each checked against the owner's signature, its hash, the key commitment, its binding
    and the grant's expiry at the time given (None: now).

    Thread safety: immutable once opened; may be used by several threads at once."""

    __slots__ = ()
    _free = lib.kartla_share_free

    @classmethod
    def open(cls, data: BytesLike, agency: Identity) -> Share:
        """Opens a bundle or record from its bytes (copied). Signature, Format, Limit: a damaged
        or forged file."""
        d, d_len = data_in(data, "data")
        out = ctypes.c_void_p()
        with Borrow(agency, Identity, "agency") as a:
            check(lib.kartla_share_open(d, d_len, a, out))
        return cls._wrap(out.value)

    @classmethod
    def open_file(cls, path: PathLike, agency: Identity) -> Share:
        """As open(), from a file, which stays open."""
        p = path_in(path)
        out = ctypes.c_void_p()
        with Borrow(agency, Identity, "agency") as a:
            check(_share_open_file(p, a, out))
        return cls._wrap(out.value)

    def section(self, section: str, at: datetime.datetime | None = None) -> bytes:
        """A granted section's content (protobuf bytes), checked at `at`. NotShared: no grant of
        this agency covers it in this file; Expired: the grants covering it have expired;
        Integrity: it fails authentication. Nothing is returned on failure."""
        name = text_in(section, "section")
        t = time_in(at, "at")
        ptr = self._use()
        try:
            return _core.call_buffer(_share_section, ptr, name, t)
        finally:
            self._done()

    def section_json(self, section: str, at: datetime.datetime | None = None) -> str:
        """As section(), as protobuf JSON."""
        name = text_in(section, "section")
        t = time_in(at, "at")
        ptr = self._use()
        try:
            return _core.call_text(lib.kartla_share_section_json, ptr, name, t)
        finally:
            self._done()

    def read(self, message_type: type[M], at: datetime.datetime | None = None) -> M:
        """The section whose content is a `message_type`, parsed: share.read(kartla.v1.Languages)."""
        name = _sections.section_of(message_type)
        return message_type.FromString(self.section(name, at))

    def section_size(self, section: str, at: datetime.datetime | None = None) -> int:
        """The capacity section_into needs (the padded length); the same checks as section()."""
        name = text_in(section, "section")
        t = time_in(at, "at")
        out = ctypes.c_size_t()
        ptr = self._use()
        try:
            check(lib.kartla_share_section_size(ptr, name, t, out))
        finally:
            self._done()
        return out.value

    def section_into(self, section: str, buffer: bytearray | memoryview, at: datetime.datetime | None = None) -> int:
        """Decrypts a granted section straight into `buffer` (at least section_size() bytes) and
        returns the content's length: no copy, the plaintext only in the caller's buffer, which
        the caller wipes when done (kartla.wipe). On failure nothing of it is left there."""
        name = text_in(section, "section")
        t = time_in(at, "at")
        out, capacity = _writable(buffer)
        used = ctypes.c_size_t()
        ptr = self._use()
        try:
            check(lib.kartla_share_section_into(ptr, name, t, out, capacity, used))
        finally:
            self._done()
        return used.value

    def describe(self) -> v1.ShareDescription:
        """What this file gives the agency, one entry per granted section: purpose, legal bases,
        times, whether present and current."""
        ptr = self._use()
        try:
            return _core.call_message(v1.ShareDescription, lib.kartla_share_describe, ptr)
        finally:
            self._done()

    def describe_json(self) -> str:
        ptr = self._use()
        try:
            return _core.call_json(lib.kartla_share_describe, ptr)
        finally:
            self._done()

    @property
    def sequence(self) -> int:
        """The sequence number of the record version this file holds."""
        out = ctypes.c_uint64()
        ptr = self._use()
        try:
            check(lib.kartla_share_sequence(ptr, out))
        finally:
            self._done()
        return out.value

    def check_last_seen(self, last_seen: int) -> None:
        """Rollback if this copy's sequence is below `last_seen` (authentic, but older)."""
        n = _core.uint_in(last_seen, "last_seen", 64)
        ptr = self._use()
        try:
            check(lib.kartla_share_check_last_seen(ptr, n))
        finally:
            self._done()

    def check_owner(self, card: BytesLike) -> None:
        """Pins the owner: returns if this file is signed by the owner whose card this is, else
        Auth naming both fingerprints. InvalidArgument: not an owner's card; Signature: a damaged
        card. A signature only proves that *some* owner signed: check whose record you hold."""
        c, c_len = data_in(card, "card")
        ptr = self._use()
        try:
            check(lib.kartla_share_check_owner(ptr, c, c_len))
        finally:
            self._done()
