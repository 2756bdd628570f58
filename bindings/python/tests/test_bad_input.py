# SPDX-License-Identifier: Apache-2.0
"""Bad input through the binding is a typed kartla.Error, never a crash of the interpreter: None,
wrong Python types, closed handles, a card of the wrong kind, truncated and damaged files."""

from __future__ import annotations

import copy
import datetime
import pickle
from typing import Any

import pytest

import kartla
from kartla import experimental

from support import hexed, load, when

UTC = datetime.timezone.utc


@pytest.fixture(scope="module")
def owner() -> Any:
    v = load("identity.json")
    with kartla.Identity.open(hexed(v, "identity_file"), v["passphrase"].encode()) as identity:
        yield identity


@pytest.fixture(scope="module")
def agency() -> Any:
    a = load("bundle.json")["agencies"][0]
    with kartla.Identity.open(hexed(a, "identity_file"), a["passphrase"].encode()) as identity:
        yield identity


@pytest.fixture(scope="module")
def bundle() -> bytes:
    return hexed(load("bundle.json")["bundle"], "file")


def typed(status: str, fn: Any) -> kartla.Error:
    with pytest.raises(kartla.Error) as caught:
        fn()
    assert caught.value.status_name == status, caught.value
    assert caught.value.message
    return caught.value


# -- None ----------------------------------------------------------------------------------------


def test_none_handles_reach_the_library_and_are_refused(bundle: bytes, owner: kartla.Identity) -> None:
    typed("E_INVALID_ARGUMENT", lambda: kartla.Share.open(bundle, None))  # type: ignore[arg-type]
    typed("E_INVALID_ARGUMENT", lambda: kartla.Record.create(None))  # type: ignore[arg-type]
    typed("E_INVALID_ARGUMENT", lambda: kartla.Record.open(bundle, None))  # type: ignore[arg-type]
    typed("E_INVALID_ARGUMENT", lambda: experimental.contribution_describe(None, b"x"))  # type: ignore[arg-type]


def test_none_data_is_refused_before_the_call(owner: kartla.Identity) -> None:
    for fn in (lambda: kartla.Verification.open(None), lambda: kartla.Identity.open(None, b"pw"),
               lambda: kartla.Identity.open(b"x", None), lambda: kartla.card_fingerprint(None),
               lambda: kartla.Record.open_file(None, owner), lambda: kartla.validate_section(None, b""),
               lambda: kartla.Verification.open_file(None)):
        error = typed("E_INVALID_ARGUMENT", fn)  # type: ignore[arg-type]
        assert isinstance(error, kartla.InvalidArgument)
        assert isinstance(error, TypeError) and isinstance(error, ValueError)


# -- wrong Python types and values ---------------------------------------------------------------


def test_wrong_types_and_values(owner: kartla.Identity, agency: kartla.Identity, bundle: bytes) -> None:
    with kartla.Record.create(owner) as record:
        typed("E_INVALID_ARGUMENT", lambda: kartla.Share.open(bundle, record))  # a Record is not an Identity
        typed("E_INVALID_ARGUMENT", lambda: kartla.Identity.open(b"x", "a str passphrase"))  # cannot be wiped
        typed("E_INVALID_ARGUMENT", lambda: record.section("pro\0file"))
        typed("E_INVALID_ARGUMENT", lambda: record.section(42))
        typed("E_INVALID_ARGUMENT", lambda: record.section("no_such_section"))  # from the library
        typed("E_INVALID_ARGUMENT", lambda: record.set_clock(datetime.datetime(2026, 1, 1)))  # naive
        typed("E_INVALID_ARGUMENT", lambda: record.set_clock(1767225600))
        typed("E_INVALID_ARGUMENT", lambda: record.share(agency.card, "profile", purpose="p"))
        typed("E_INVALID_ARGUMENT", lambda: record.share(agency.card, ["profile"], purpose=None))
        typed("E_INVALID_ARGUMENT", lambda: record.set_message(kartla.v1.SectionList()))
        typed("E_INVALID_ARGUMENT", lambda: record.read(dict))
        typed("E_INVALID_ARGUMENT", lambda: kartla.Record.open(bundle, owner, last_seen=-1))
        typed("E_INVALID_ARGUMENT", lambda: kartla.Record.open(bundle, owner, last_seen=1 << 64))
        typed("E_INVALID_ARGUMENT", lambda: experimental.TrustDraft.create(-1))
        typed("E_INVALID_ARGUMENT", lambda: kartla.Identity.create(b"pw", kdf_memlimit_mib=1 << 40))
        typed("E_INVALID_ARGUMENT", lambda: kartla.Identity.create(b"pw", kdf_memlimit_mib=1))  # from the library
        typed("E_INVALID_ARGUMENT", lambda: kartla.Identity.create(b""))  # empty passphrase
        record.set_section_json("profile", '{"given_name": "A", "family_name": "B", "assertion": '
                                           '{"source": "SELF_REPORTED", "asserted_at": "2024-05-02T09:00:00Z"}}')
        typed("E_INVALID_ARGUMENT", lambda: record.section_into("profile", b"immutable" * 200))
        typed("E_INVALID_ARGUMENT", lambda: record.section_into("profile", bytearray(3)))  # too small
        typed("E_INVALID_ARGUMENT", lambda: record.section_into("profile", memoryview(bytes(4096))))  # read-only
        typed("E_SCHEMA", lambda: record.set_section_json("profile", "not json"))
        typed("E_SCHEMA", lambda: record.set_section("profile", b"\xff\xff\xff"))
    with pytest.raises(TypeError):
        kartla.Identity()  # handles come from their open/create functions only


# -- closed handles ------------------------------------------------------------------------------


def test_closed_handles_are_typed_errors(owner: kartla.Identity, agency: kartla.Identity, bundle: bytes) -> None:
    share = kartla.Share.open(bundle, agency)
    with share:
        pass
    assert share.closed
    for fn in (lambda: share.section("profile"), lambda: share.describe(), lambda: share.sequence,
               lambda: share.check_owner(owner.card), lambda: experimental.share_provenance(share, "profile")):
        error = typed("E_INVALID_ARGUMENT", fn)
        assert isinstance(error, kartla.ClosedError)
    share.close()  # twice is fine
    with pytest.raises(kartla.ClosedError):
        with share:
            pass
    record = kartla.Record.create(owner)
    record.close()
    with pytest.raises(kartla.ClosedError):
        record.set_section("profile", b"")
    with pytest.raises(kartla.ClosedError):
        experimental.accept_contribution(record, owner, b"x")
    v = kartla.Verification.open(bundle)
    v.close()
    with pytest.raises(kartla.ClosedError):
        v.report()
    draft = experimental.TrustDraft.create(1)
    draft.close()
    with pytest.raises(kartla.ClosedError):
        draft.add(agency.card, "validation_provider", datetime.datetime.now(UTC))


def test_handles_cannot_be_copied_or_pickled(agency: kartla.Identity, bundle: bytes) -> None:
    with kartla.Share.open(bundle, agency) as share:
        for fn in (copy.copy, copy.deepcopy, pickle.dumps):
            with pytest.raises(TypeError):
                fn(share)
        assert share.sequence >= 1  # still usable


# -- the wrong kind of card ----------------------------------------------------------------------


def test_owner_card_where_an_agency_card_is_needed(owner: kartla.Identity, agency: kartla.Identity,
                                                   bundle: bytes) -> None:
    with kartla.Record.create(owner) as record:
        record.set_section_json("profile", '{"given_name": "A", "family_name": "B", "assertion": '
                                           '{"source": "SELF_REPORTED", "asserted_at": "2024-05-02T09:00:00Z"}}')
        typed("E_INVALID_ARGUMENT", lambda: record.share(owner.card, ["profile"], purpose="p"))
    with kartla.Share.open(bundle, agency) as share:
        typed("E_INVALID_ARGUMENT", lambda: share.check_owner(agency.card))  # an agency's card for the owner's
    with experimental.TrustDraft.create(1) as draft:
        typed("E_INVALID_ARGUMENT", lambda: draft.add(owner.card, "validation_provider", datetime.datetime.now(UTC)))
    typed("E_INVALID_ARGUMENT", lambda: kartla.Record.create(agency))  # an agency owns no record
    card = bytearray(agency.card)
    card[-1] ^= 1
    typed("E_SIGNATURE", lambda: kartla.card_fingerprint(card))


# -- truncated and damaged files -----------------------------------------------------------------


def test_truncated_files_are_format_errors(owner: kartla.Identity, agency: kartla.Identity, bundle: bytes,
                                           tmp_path: Any) -> None:
    record_file = hexed(load("record.json")["versions"][0], "file")
    identity_file = hexed(load("identity.json"), "identity_file")
    typed("E_FORMAT", lambda: kartla.Verification.open(bundle[: len(bundle) // 2]))
    typed("E_FORMAT", lambda: kartla.Share.open(bundle[:100], agency))
    typed("E_FORMAT", lambda: kartla.Record.open(record_file[:-1], owner, accept_older=True))
    typed("E_FORMAT", lambda: kartla.Identity.open(identity_file[:20], b"pw"))
    path = tmp_path / "cut.kartla"
    path.write_bytes(bundle[: len(bundle) // 3])
    typed("E_FORMAT", lambda: kartla.Share.open_file(path, agency))
    typed("E_IO", lambda: kartla.Verification.open_file(tmp_path / "missing.kartla"))


def test_every_prefix_and_flip_of_a_bundle_is_typed(agency: kartla.Identity, bundle: bytes) -> None:
    """Cut a bundle at many lengths and flip bytes through it: every open or read either works
    or raises a typed error; the interpreter survives."""
    granted = next(r for r in load("bundle.json")["reads"] if r["input"] == "bundle" and r["result"] == "OK")
    statuses = set()
    cuts = list(range(0, len(bundle), max(1, len(bundle) // 97))) + [len(bundle) - 1]
    damaged = [bundle[:n] for n in cuts]
    for i in range(0, len(bundle), max(1, len(bundle) // 61)):
        flipped = bytearray(bundle)
        flipped[i] ^= 0x40
        damaged.append(bytes(flipped))
    for data in damaged:
        try:
            with kartla.Share.open(data, agency) as share:
                share.section(granted["section"], when(granted["at"]))
            statuses.add("OK")
        except kartla.Error as e:
            assert type(e) is not kartla.Error and e.message
            statuses.add(e.status_name)
    assert "E_FORMAT" in statuses


def test_validation_report_on_bad_content() -> None:
    report = kartla.validate_section_json("profile", '{"no_such_field": 1}')
    assert report.violations and report.violations[0].rule == "schema-parse"
    assert not kartla.validate_section("profile", b"").violations or True
    typed("E_INVALID_ARGUMENT", lambda: kartla.validate_section("no_such_section", b""))
