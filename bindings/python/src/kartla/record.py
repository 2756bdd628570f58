# SPDX-License-Identifier: Apache-2.0
"""The owner's record, content validation, and the owner's side of sharing (kartla/record.h,
kartla/share.h)."""

from __future__ import annotations

import ctypes
import datetime
from collections.abc import Iterable
from typing import TypeVar

from google.protobuf.message import Message

from . import _core, _errors, _sections, v1
from ._core import Borrow, BytesLike, PathLike, check, data_in, json_in, path_in, text_in, time_in
from ._native import Buffer, RecordOpenOptions, RecordShareOptions, lib
from .identity import Identity

M = TypeVar("M", bound=Message)


def _open_options(accept_older: bool, last_seen: int) -> RecordOpenOptions:
    options = RecordOpenOptions()
    lib.kartla_record_open_options_init(options)
    options.accept_older = 1 if accept_older else 0
    options.last_seen = _core.uint_in(last_seen, "last_seen", 64)
    return options


class Record(_core.Handle):
    """The owner's record: every section readable and writable; changes reach the disk only with
    save(), which writes the next signed version.

    Thread safety: the C library forbids two calls on one record at once; the binding lets one in
    at a time (the others wait). Different records work in parallel. The record keeps its own copy
    of the owner's keys: the identity may be closed while the record lives."""

    __slots__ = ()
    _free = lib.kartla_record_free
    _exclusive = True

    @classmethod
    def create(cls, owner: Identity) -> Record:
        """A new, empty record owned by `owner`, not yet saved (sequence 0). InvalidArgument if
        `owner` is an agency's or a trust root's identity."""
        out = ctypes.c_void_p()
        with Borrow(owner, Identity, "owner") as o:
            check(lib.kartla_record_new(o, out))
        return cls._wrap(out.value)

    @classmethod
    def open(cls, data: BytesLike, owner: Identity, *, accept_older: bool = False, last_seen: int = 0) -> Record:
        """Opens the owner's record from its bytes (copied). Auth: another identity's record;
        Format: a share bundle or a damaged file; Rollback: an older copy than one seen, unless
        accept_older (see kartla_record_open_options)."""
        d, d_len = data_in(data, "data")
        options = _open_options(accept_older, last_seen)
        out = ctypes.c_void_p()
        with Borrow(owner, Identity, "owner") as o:
            check(lib.kartla_record_open_with_options(d, d_len, o, options, out))
        return cls._wrap(out.value)

    @classmethod
    def open_file(cls, path: PathLike, owner: Identity, *, accept_older: bool = False, last_seen: int = 0) -> Record:
        """As open(), from a file, which stays open: section bodies are read when asked for."""
        p = path_in(path)
        options = _open_options(accept_older, last_seen)
        out = ctypes.c_void_p()
        with Borrow(owner, Identity, "owner") as o:
            check(lib.kartla_record_open_file_with_options(p, o, options, out))
        return cls._wrap(out.value)

    def save(self, path: PathLike) -> None:
        """Saves the next version atomically (ending every grant past its expiry at the record's
        clock first). Busy: another program holds the lock or saved since; Rollback: a later
        version was seen since this one was opened; IOFailure: the disk refused."""
        p = path_in(path)
        ptr = self._use()
        try:
            check(lib.kartla_record_save(ptr, p))
        finally:
            self._done()

    def set_clock(self, now: datetime.datetime | None) -> None:
        """The time the owner operations use where they take none (None: the system clock)."""
        t = time_in(now, "now")
        ptr = self._use()
        try:
            check(lib.kartla_record_set_clock(ptr, t))
        finally:
            self._done()

    @property
    def id(self) -> str:
        """The record id: 32 lowercase hex digits."""
        ptr = self._use()
        try:
            return _core.call_text(lib.kartla_record_id, ptr)
        finally:
            self._done()

    @property
    def sequence(self) -> int:
        """The sequence number of the version last opened or saved (0 if never saved)."""
        out = ctypes.c_uint64()
        ptr = self._use()
        try:
            check(lib.kartla_record_sequence(ptr, out))
        finally:
            self._done()
        return out.value

    def sections(self) -> v1.SectionList:
        """The sections the record holds, unknown ids (a newer writer's) included."""
        ptr = self._use()
        try:
            return _core.call_message(v1.SectionList, lib.kartla_record_sections, ptr)
        finally:
            self._done()

    def sections_json(self) -> str:
        ptr = self._use()
        try:
            return _core.call_json(lib.kartla_record_sections, ptr)
        finally:
            self._done()

    def has_section(self, section: str) -> bool:
        name = text_in(section, "section")
        out = ctypes.c_int()
        ptr = self._use()
        try:
            check(lib.kartla_record_has_section(ptr, name, out))
        finally:
            self._done()
        return bool(out.value)

    # -- content --------------------------------------------------------------------------------

    def set_section(self, section: str, content: BytesLike) -> None:
        """Replaces a section's content with protobuf bytes of its message (docs/MODEL.md).
        Schema: not a valid message of that type, or a content rule broken (the record is then
        unchanged); InvalidArgument for "sharing_ledger"."""
        name = text_in(section, "section")
        d, d_len = data_in(content, "content")
        ptr = self._use()
        try:
            check(lib.kartla_record_set_section(ptr, name, d, d_len))
        finally:
            self._done()

    def set_section_json(self, section: str, json: str | BytesLike) -> None:
        """As set_section, from protobuf JSON. Schema names what does not match."""
        name = text_in(section, "section")
        d, d_len = json_in(json, "json")
        ptr = self._use()
        try:
            check(lib.kartla_record_set_section_json(ptr, name, d, d_len))
        finally:
            self._done()

    def set_message(self, message: Message) -> None:
        """Sets the section whose content `message` is (a kartla.v1.Languages sets "languages")."""
        self.set_section(_sections.section_of(type(message)), message.SerializeToString())

    def section(self, section: str) -> bytes:
        """A section's content as protobuf bytes. NotFound: the record does not hold it;
        Integrity: it fails authentication (nothing is returned)."""
        name = text_in(section, "section")
        ptr = self._use()
        try:
            return _core.call_buffer(lib.kartla_record_section, ptr, name)
        finally:
            self._done()

    def section_json(self, section: str) -> str:
        """A section's content as protobuf JSON (snake_case field names)."""
        name = text_in(section, "section")
        ptr = self._use()
        try:
            return _core.call_text(lib.kartla_record_section_json, ptr, name)
        finally:
            self._done()

    def read(self, message_type: type[M]) -> M:
        """The section whose content is a `message_type` (kartla.v1.Languages reads "languages")."""
        name = _sections.section_of(message_type)
        return message_type.FromString(self.section(name))

    def section_size(self, section: str) -> int:
        """The capacity section_into needs: the padded length, at most 6.25 % (or the 1 KiB floor)
        above the content's."""
        name = text_in(section, "section")
        out = ctypes.c_size_t()
        ptr = self._use()
        try:
            check(lib.kartla_record_section_size(ptr, name, out))
        finally:
            self._done()
        return out.value

    def section_into(self, section: str, buffer: bytearray | memoryview) -> int:
        """Decrypts a section straight into `buffer` (a bytearray or writable memoryview of at
        least section_size() bytes) and returns the content's length. No copy is made: the
        plaintext exists only in the caller's buffer, which the caller wipes when done
        (kartla.wipe). On failure nothing of the section is left in it."""
        name = text_in(section, "section")
        out, capacity = _writable(buffer)
        used = ctypes.c_size_t()
        ptr = self._use()
        try:
            check(lib.kartla_record_section_into(ptr, name, out, capacity, used))
        finally:
            self._done()
        return used.value

    def remove_section(self, section: str) -> None:
        """Removes a section. NotFound if absent."""
        name = text_in(section, "section")
        ptr = self._use()
        try:
            check(lib.kartla_record_remove_section(ptr, name))
        finally:
            self._done()

    # -- sharing (the owner's side) -------------------------------------------------------------

    def share(self, card: BytesLike, sections: Iterable[str], *, purpose: str,
              expires_at: datetime.datetime | None = None, now: datetime.datetime | None = None,
              gdpr_art6_basis: str | None = None, gdpr_art9_basis: str | None = None) -> str:
        """Grants `sections` to the agency whose card file is `card`; returns the grant id (32 hex
        digits). The change reaches the disk with save(); then export_bundle. expires_at None:
        until revoked; now None: the record's clock; gdpr_art6_basis None: "6.1.a" (consent);
        gdpr_art9_basis: required for health data ("9.2.a".."9.2.j"). NotFound: a section the
        record does not hold; InvalidArgument: not an agency's card, no purpose, a past expiry,
        health data without a basis.

        What was shared cannot be unshared: revoking protects what is written afterwards only."""
        c, c_len = data_in(card, "card")
        if isinstance(sections, (str, bytes)):
            raise _errors.invalid("sections must be a list of section names, not one string")
        names = [text_in(s, "section") for s in sections]
        array = (ctypes.c_char_p * max(len(names), 1))(*names)
        options = RecordShareOptions()
        lib.kartla_record_share_options_init(options)
        options.purpose = text_in(purpose, "purpose")
        options.expires_at = time_in(expires_at, "expires_at")
        options.now = time_in(now, "now")
        options.gdpr_art6_basis = _core.optional_text_in(gdpr_art6_basis, "gdpr_art6_basis")
        options.gdpr_art9_basis = _core.optional_text_in(gdpr_art9_basis, "gdpr_art9_basis")
        ptr = self._use()
        try:
            return _core.call_text(lib.kartla_record_share, ptr, c, c_len, array, len(names), options)
        finally:
            self._done()

    def is_special(self, section: str) -> bool:
        """True if sharing the section would share health data (GDPR Art. 9): work_ability always,
        notes or documents with an entry flagged as health data."""
        name = text_in(section, "section")
        out = ctypes.c_int()
        ptr = self._use()
        try:
            check(lib.kartla_record_section_is_special(ptr, name, out))
        finally:
            self._done()
        return bool(out.value)

    def export_bundle(self, grant_id: str, path: PathLike) -> None:
        """Writes the share bundle of one grant, atomically. The record must be saved. NotFound: no
        such grant, or revoked; Expired: past its expiry at the record's clock."""
        g = text_in(grant_id, "grant_id")
        p = path_in(path)
        ptr = self._use()
        try:
            check(lib.kartla_record_export_bundle(ptr, g, p))
        finally:
            self._done()

    def revoke(self, card: BytesLike, now: datetime.datetime | None = None) -> v1.RevocationSummary:
        """Revokes every grant to the agency whose card this is (now None: the record's clock); the
        change reaches the disk with save(). NotFound: nothing is shared with that agency."""
        c, c_len = data_in(card, "card")
        t = time_in(now, "now")
        ptr = self._use()
        try:
            return _core.call_message(v1.RevocationSummary, lib.kartla_record_revoke, ptr, c, c_len, t)
        finally:
            self._done()


def _writable(buffer: object) -> tuple[object, int]:
    """A caller's buffer for an `_into` read: passed in place."""
    if isinstance(buffer, (bytes, str)) or not isinstance(buffer, (bytearray, memoryview)):
        raise _errors.invalid(f"buffer must be a bytearray or a writable memoryview, not {type(buffer).__name__}")
    view = memoryview(buffer)
    if view.readonly or not view.c_contiguous:
        raise _errors.invalid("buffer must be writable and contiguous")
    if view.nbytes == 0:
        return None, 0
    return (ctypes.c_char * view.nbytes).from_buffer(view.cast("B")), view.nbytes


def validate_section(section: str, content: BytesLike) -> v1.ValidationReport:
    """Every rule of docs/MODEL.md the content (protobuf bytes) breaks, in field order; an empty
    report when it is valid. Content that does not parse is one violation ("schema-parse").
    Raises only when there is no report (InvalidArgument: an unknown section; Limit: too large)."""
    return _validate(lib.kartla_validate_section, section, *data_in(content, "content"))


def validate_section_json(section: str, json: str | BytesLike) -> v1.ValidationReport:
    """As validate_section, for protobuf JSON."""
    return _validate(lib.kartla_validate_section_json, section, *json_in(json, "json"))


def _validate(fn: object, section: str, data: object, size: int) -> v1.ValidationReport:
    name = text_in(section, "section")
    report = Buffer()
    status = fn(name, data, size, _core.ENCODING_PROTOBUF, report)  # type: ignore[operator]
    judged = status == _errors.Status.OK or (status == _errors.Status.E_SCHEMA and report.len > 0)
    if not judged:
        _core.fail(status, report)
    return v1.ValidationReport.FromString(_core.take(report))
