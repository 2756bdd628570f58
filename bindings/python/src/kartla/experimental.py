# SPDX-License-Identifier: Apache-2.0
"""EXPERIMENTAL TIER (docs/API-STABILITY.md): attestations, provenance, trust lists,
contributions, receipts and views (kartla/experimental/*.h). These may change or go in any
release of the library, and this module with them; importing it is the decision to use them.

Thread safety as the C header says: functions without a handle keep no state; record functions
wait for their turn on the record; share and identity functions may run on several threads.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime
from typing import Any, NamedTuple

from . import _core, _errors, v1
from ._core import Borrow, BytesLike, check, data_in, json_in, text_in, time_in
from ._native import Buffer, EntryRef as _EntryRef, ViewOptions as _ViewOptions, lib
from .identity import Identity
from .record import Record
from .share import Share


# -- attestations (attest.h) ---------------------------------------------------------------------


def section_entry(section: str, content: BytesLike, entry_id: str) -> bytes:
    """The exact bytes of entry `entry_id` inside section content (protobuf bytes, as
    Record.section returns them): what an attestation covers. NotFound: no such entry; Schema:
    the content does not parse or two entries share the id."""
    c, c_len = data_in(content, "content")
    return _core.call_buffer(lib.kartla_section_entry, text_in(section, "section"), c, c_len,
                             text_in(entry_id, "entry_id"))


@dataclasses.dataclass(frozen=True)
class EntryRef:
    """The entry an attestation is about (kartla_entry_ref)."""

    owner_card: bytes  # the record owner's card file
    record_id: str  # 32 hex digits, as Record.id
    section: str
    entry_id: str
    entry: bytes  # the entry's bytes (section_entry)

    def _c(self) -> tuple[_EntryRef, list[Any]]:
        """The C struct, and the objects it points into (kept alive through the call)."""
        card = _bytes(self.owner_card, "owner_card")
        entry = _bytes(self.entry, "entry")
        ref = _EntryRef()
        lib.kartla_entry_ref_init(ref)
        keep: list[Any] = [card, entry, text_in(self.record_id, "record_id"), text_in(self.section, "section"),
                           text_in(self.entry_id, "entry_id")]
        ref.owner_card, ref.owner_card_len = card, len(card)
        ref.record_id, ref.section, ref.entry_id = keep[2], keep[3], keep[4]
        ref.entry, ref.entry_len = entry, len(entry)
        return ref, keep


def _bytes(value: object, what: str) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise _errors.invalid(f"{what} must be bytes, not {type(value).__name__}")


def attestation_issue(agency: Identity, ref: EntryRef, claim_json: str, *,
                      issued_at: datetime.datetime | None = None,
                      expires_at: datetime.datetime | None = None) -> bytes:
    """An attestation file signed by `agency` about the entry `ref` names, with the claim as JSON
    (docs/SPEC.md §13.2). Schema: a claim value a code system does not know; InvalidArgument:
    not an agency, not an owner's card, entry bytes that are not that entry's."""
    c_ref, keep = ref._c()
    claim = text_in(claim_json, "claim_json")
    issued, expires = time_in(issued_at, "issued_at"), time_in(expires_at, "expires_at")
    with Borrow(agency, Identity, "agency") as a:
        out = _core.call_buffer(lib.kartla_attestation_issue, a, c_ref, claim, issued, expires)
    del keep
    return out


class AttestationCheck(NamedTuple):
    """An attestation judged: `status` OK for a valid one (trusted or not: `report.verdict` says
    which), else the class of the first check that failed; `report` is the AttestationReport."""

    status: _errors.Status | int
    report: v1.AttestationReport


def attestation_verify(attestation: BytesLike, ref: EntryRef, trust_list: BytesLike = b"", *,
                       now: datetime.datetime | None = None) -> AttestationCheck:
    """Checks an attestation against the entry `ref` names at `now`, with an optional trust list.
    Returns the judgement whenever the attestation was judged (a failing attestation is a result,
    not an exception); raises when there is no report (a trust list that is expired or bad, bad
    arguments)."""
    a, a_len = data_in(attestation, "attestation")
    t, t_len = data_in(trust_list, "trust_list")
    c_ref, keep = ref._c()
    report = Buffer()
    status = lib.kartla_attestation_verify(a, a_len, c_ref, t, t_len, time_in(now, "now"),
                                           _core.ENCODING_PROTOBUF, report)
    if status and not report.len:
        _core.fail(status, report)
    del keep
    try:
        judged: _errors.Status | int = _errors.Status(status)
    except ValueError:  # a status newer than this binding
        judged = status
    return AttestationCheck(judged, v1.AttestationReport.FromString(_core.take(report)))


def attach_attestation(record: Record, owner: Identity, attestation: BytesLike, *,
                       now: datetime.datetime | None = None) -> bool:
    """Stores an attestation with the entry of `record` it names after checking it; True if the
    record changed, False if it already held it. Auth: `owner` is not the record's owner."""
    a, a_len = data_in(attestation, "attestation")
    added = ctypes.c_int()
    with Borrow(record, Record, "record") as r, Borrow(owner, Identity, "owner") as o:
        check(lib.kartla_record_attach_attestation(r, o, a, a_len, time_in(now, "now"), added))
    return bool(added.value)


def record_provenance(record: Record, owner: Identity, section: str, trust_list: BytesLike = b"", *,
                      now: datetime.datetime | None = None) -> v1.ProvenanceReport:
    """The provenance of every entry of a section, judged with the trust list (none: no issuer
    is trusted)."""
    t, t_len = data_in(trust_list, "trust_list")
    name = text_in(section, "section")
    with Borrow(record, Record, "record") as r, Borrow(owner, Identity, "owner") as o:
        return _core.call_message(v1.ProvenanceReport, lib.kartla_record_provenance, r, o, name, t, t_len,
                                  time_in(now, "now"))


def share_provenance(share: Share, section: str, trust_list: BytesLike = b"", *,
                     now: datetime.datetime | None = None) -> v1.ProvenanceReport:
    """As record_provenance, for an agency's share (NotShared / Expired as Share.section)."""
    t, t_len = data_in(trust_list, "trust_list")
    name = text_in(section, "section")
    with Borrow(share, Share, "share") as s:
        return _core.call_message(v1.ProvenanceReport, lib.kartla_share_provenance, s, name, t, t_len,
                                  time_in(now, "now"))


# -- contributions (contribution.h) --------------------------------------------------------------


def contribution_create(agency: Identity, owner_card: BytesLike, record_id: str, section: str,
                        entry_json: str | BytesLike, claim_json: str | None = None, *,
                        now: datetime.datetime | None = None) -> bytes:
    """An agency's contribution file: one entry (JSON of one element of the section's `entries`,
    with an id) for the owner's record, signed by the agency and sealed to the owner."""
    c, c_len = data_in(owner_card, "owner_card")
    e, e_len = json_in(entry_json, "entry_json")
    claim = _core.optional_text_in(claim_json, "claim_json")
    with Borrow(agency, Identity, "agency") as a:
        return _core.call_buffer(lib.kartla_contribution_create, a, c, c_len, text_in(record_id, "record_id"),
                                 text_in(section, "section"), e, e_len, claim, time_in(now, "now"))


def contribution_describe(owner: Identity, contribution: BytesLike, record_id: str | None = None, *,
                          now: datetime.datetime | None = None) -> v1.ContributionDescription:
    """Opens a contribution for `owner`, verifies it completely and describes it. Auth: not
    sealed to this owner, or damaged; Signature: made for another person or record."""
    c, c_len = data_in(contribution, "contribution")
    rid = _core.optional_text_in(record_id, "record_id")
    with Borrow(owner, Identity, "owner") as o:
        return _core.call_message(v1.ContributionDescription, lib.kartla_contribution_describe, o, c, c_len, rid,
                                  time_in(now, "now"))


def accept_contribution(record: Record, owner: Identity, contribution: BytesLike, *,
                        now: datetime.datetime | None = None) -> bool:
    """Accepts a contribution into the owner's record; True if the record changed, False if it
    already held it. On failure the record is unchanged."""
    c, c_len = data_in(contribution, "contribution")
    added = ctypes.c_int()
    with Borrow(record, Record, "record") as r, Borrow(owner, Identity, "owner") as o:
        check(lib.kartla_record_accept_contribution(r, o, c, c_len, time_in(now, "now"), added))
    return bool(added.value)


# -- receipts (receipt.h) --------------------------------------------------------------------------


def record_receipt(record: Record, grant_id: str) -> bytes:
    """The owner-signed receipt file of a grant (a termination receipt once it has ended); make it
    after save()."""
    with Borrow(record, Record, "record") as r:
        return _core.call_buffer(lib.kartla_record_receipt, r, text_in(grant_id, "grant_id"))


def receipt_describe(receipt: BytesLike, owner_card: BytesLike = b"", agency_card: BytesLike = b"") -> v1.ReceiptDescription:
    """Verifies a receipt (pinned to the owner and checked against the agency when their cards
    are given), then describes it."""
    r, r_len = data_in(receipt, "receipt")
    o, o_len = data_in(owner_card, "owner_card")
    a, a_len = data_in(agency_card, "agency_card")
    return _core.call_message(v1.ReceiptDescription, lib.kartla_receipt_describe, r, r_len, o, o_len, a, a_len)


# -- trust lists (trust.h) -------------------------------------------------------------------------


class TrustDraft(_core.Handle):
    """What a trust root is about to sign. One call at a time (the others wait)."""

    __slots__ = ()
    _free = lib.kartla_trust_draft_free
    _exclusive = True

    @classmethod
    def create(cls, sequence: int) -> TrustDraft:
        """An empty draft with this sequence number (>= 1)."""
        out = ctypes.c_void_p()
        check(lib.kartla_trust_draft_new(_core.uint_in(sequence, "sequence", 64), out))
        return cls._wrap(out.value)

    @classmethod
    def next(cls, trust_list: BytesLike) -> TrustDraft:
        """The next version of an existing trust list (its agencies, sequence + 1)."""
        t, t_len = data_in(trust_list, "trust_list")
        out = ctypes.c_void_p()
        check(lib.kartla_trust_draft_next(t, t_len, out))
        return cls._wrap(out.value)

    def add(self, card: BytesLike, role: str, valid_from: datetime.datetime,
            valid_until: datetime.datetime | None = None) -> None:
        """Lists an agency's card with the role the root vouches for, from `valid_from` until
        `valid_until` (None: until the list expires)."""
        c, c_len = data_in(card, "card")
        if valid_from is None:
            raise _errors.invalid("valid_from must be a timezone-aware datetime")
        ptr = self._use()
        try:
            check(lib.kartla_trust_draft_add(ptr, c, c_len, text_in(role, "role"), time_in(valid_from, "valid_from"),
                                             time_in(valid_until, "valid_until")))
        finally:
            self._done()

    def remove(self, card: BytesLike) -> bool:
        c, c_len = data_in(card, "card")
        removed = ctypes.c_int()
        ptr = self._use()
        try:
            check(lib.kartla_trust_draft_remove(ptr, c, c_len, removed))
        finally:
            self._done()
        return bool(removed.value)

    @property
    def sequence(self) -> int:
        out = ctypes.c_uint64()
        ptr = self._use()
        try:
            check(lib.kartla_trust_draft_sequence(ptr, out))
        finally:
            self._done()
        return out.value


def trust_list_sign(root: Identity, draft: TrustDraft, *, expires_at: datetime.datetime,
                    issued_at: datetime.datetime | None = None) -> bytes:
    """The trust-list file signed by `root` (a trust root's identity)."""
    if expires_at is None:
        raise _errors.invalid("expires_at must be a timezone-aware datetime")
    issued, expires = time_in(issued_at, "issued_at"), time_in(expires_at, "expires_at")
    with Borrow(root, Identity, "root") as r, Borrow(draft, TrustDraft, "draft") as d:
        return _core.call_buffer(lib.kartla_trust_list_sign, r, d, issued, expires)


def trust_list_verify(trust_list: BytesLike, expected_root_card: BytesLike = b"", last_seen: int = 0, *,
                      now: datetime.datetime | None = None) -> v1.TrustListDescription:
    """Verifies a trust list: the root's signature (pinned when its card is given), its sequence
    against last_seen (Rollback), its expiry (Expired)."""
    t, t_len = data_in(trust_list, "trust_list")
    r, r_len = data_in(expected_root_card, "expected_root_card")
    return _core.call_message(v1.TrustListDescription, lib.kartla_trust_list_verify, t, t_len, r, r_len,
                              _core.uint_in(last_seen, "last_seen", 64), time_in(now, "now"))


# -- views (views.h) -------------------------------------------------------------------------------


def _view_options(include_work_ability: bool, language: str | None) -> tuple[_ViewOptions, bytes | None]:
    options = _ViewOptions()
    lib.kartla_view_options_init(options)
    options.include_work_ability = 1 if include_work_ability else 0
    lang = _core.optional_text_in(language, "language")
    options.language = lang
    return options, lang


def record_progress(record: Record, *, include_work_ability: bool = False,
                    language: str | None = None) -> v1.ProgressView:
    options, _ = _view_options(include_work_ability, language)
    with Borrow(record, Record, "record") as r:
        return _core.call_message(v1.ProgressView, lib.kartla_record_progress, r, options)


def record_plan(record: Record, *, language: str | None = None) -> v1.PlanView:
    options, _ = _view_options(False, language)
    with Borrow(record, Record, "record") as r:
        return _core.call_message(v1.PlanView, lib.kartla_record_plan, r, options)


def record_show_text(record: Record, section: str | None = None, *, language: str | None = None) -> str:
    """The record (or one section) as text for a person to read."""
    options, _ = _view_options(False, language)
    name = _core.optional_text_in(section, "section")
    with Borrow(record, Record, "record") as r:
        return _core.call_text(lib.kartla_record_show_text, r, name, options)


def share_progress(share: Share, at: datetime.datetime | None = None, *, include_work_ability: bool = False,
                   language: str | None = None) -> v1.ProgressView:
    options, _ = _view_options(include_work_ability, language)
    with Borrow(share, Share, "share") as s:
        return _core.call_message(v1.ProgressView, lib.kartla_share_progress, s, time_in(at, "at"), options)


def share_plan(share: Share, at: datetime.datetime | None = None, *, language: str | None = None) -> v1.PlanView:
    options, _ = _view_options(False, language)
    with Borrow(share, Share, "share") as s:
        return _core.call_message(v1.PlanView, lib.kartla_share_plan, s, time_in(at, "at"), options)


def share_show_text(share: Share, section: str | None = None, at: datetime.datetime | None = None, *,
                    language: str | None = None) -> str:
    options, _ = _view_options(False, language)
    name = _core.optional_text_in(section, "section")
    with Borrow(share, Share, "share") as s:
        return _core.call_text(lib.kartla_share_show_text, s, name, time_in(at, "at"), options)
