# SPDX-License-Identifier: Apache-2.0
"""The shared binding scenario (tests/bindings/README.md) through the Python binding.

Each test is one step, marked with its id (`scenario:<id>`), run in order on one shared state;
the data comes from tests/bindings/scenario.json. tests/bindings/cpp/scenario_test.cpp is the reference.
"""

from __future__ import annotations

import datetime
import json
import threading
from typing import Any, Callable

import pytest

import kartla
from kartla import experimental, v1

from support import REPO

UTC = datetime.timezone.utc
PROVOKED: dict[str, kartla.Error] = {}  # every status the scenario provoked, for scenario:errors


def at(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, UTC)


def expect_error(status: str, fn: Callable[[], Any]) -> kartla.Error:
    """fn must raise the binding's typed error of `status`, with a message."""
    with pytest.raises(kartla.Error) as caught:
        fn()
    error = caught.value
    assert error.status_name == status, f"expected {status}, got {error}"
    assert error.status == kartla.Status[status]
    assert error.message
    PROVOKED[status] = error
    return error


class State:
    """What the steps hand on to each other."""

    def __init__(self, s: dict[str, Any], tmp: Any) -> None:
        self.s = s
        self.dir = tmp
        self.now: int = s["clock"]["now"]
        self.kdf = dict(kdf_memlimit_mib=s["kdf"]["memlimit_mib"], kdf_opslimit=s["kdf"]["opslimit"])
        self.content: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def st(scenario: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Any:
    state = State(scenario, tmp_path_factory.mktemp("scenario"))
    yield state
    for name in ("owner", "record", "agency"):
        handle = getattr(state, name, None)
        if handle is not None:
            handle.close()


def test_identity_create(st: State) -> None:
    # scenario:identity.create
    s = st.s
    st.passphrase = s["owner"]["passphrase"].encode()
    created = kartla.Identity.create(st.passphrase, created_at=at(st.now - 86400), **st.kdf)
    assert isinstance(created.recovery_code, bytearray) and created.recovery_code
    st.recovery_code = bytes(created.recovery_code)
    kartla.wipe(created.recovery_code)
    assert created.recovery_code == bytearray(len(created.recovery_code))
    st.owner = created.identity
    st.owner_card = st.owner.card
    assert kartla.card_fingerprint(st.owner_card) == st.owner.fingerprint


def test_identity_reopen(st: State) -> None:
    # scenario:identity.reopen
    st.identity_path = st.dir / "owner.kartla-id"
    st.owner.save(st.identity_path)
    data = st.identity_path.read_bytes()
    fingerprint = st.owner.fingerprint
    with kartla.Identity.open_file(st.identity_path, st.passphrase) as i:
        assert i.fingerprint == fingerprint
    with kartla.Identity.open(data, bytearray(st.passphrase)) as i:
        assert i.fingerprint == fingerprint
    with kartla.Identity.recover_file(st.identity_path, st.recovery_code) as i:
        assert i.fingerprint == fingerprint
    with kartla.Identity.recover(data, st.recovery_code) as i:
        assert i.fingerprint == fingerprint
    wrong = st.s["owner"]["wrong_passphrase"].encode()
    error = expect_error("E_AUTH", lambda: kartla.Identity.open_file(st.identity_path, wrong))
    assert isinstance(error, kartla.Auth)


def test_record_sections(st: State) -> None:
    # scenario:record.sections
    spec = st.s["sections"]
    examples = REPO / spec["examples_dir"]
    record = kartla.Record.create(st.owner)
    st.record = record
    record.set_clock(at(st.now))
    for path in sorted(examples.glob("*.json")):
        name = path.stem
        text = path.read_text(encoding="utf-8")
        if name in spec["owner_only"]:
            expect_error("E_INVALID_ARGUMENT", lambda: record.set_section_json(name, text))
            continue
        record.set_section_json(name, text)
        data = record.section(name)
        assert isinstance(data, bytes)
        record.set_section(name, data)
        assert record.section(name) == data, name
        read_back = json.loads(record.section_json(name))
        assert set(json.loads(text)) <= set(read_back), name
        st.content[name] = data
    assert len(st.content) >= 10
    listed = record.sections()
    assert isinstance(listed, v1.SectionList)
    assert sorted(s.name for s in listed.sections) == sorted(st.content)

    def remove_then_read() -> None:
        record.remove_section("education")
        record.section("education")

    assert isinstance(expect_error("E_NOT_FOUND", remove_then_read), kartla.NotFound)
    record.set_section("education", st.content["education"])
    error = expect_error("E_SCHEMA", lambda: record.set_section_json("profile", '{"no_such_field": 1}'))
    assert isinstance(error, kartla.Schema)
    assert record.section("profile") == st.content["profile"]
    st.record_id = record.id


def test_record_save(st: State) -> None:
    # scenario:record.save
    st.record_path = st.dir / "record.kartla"
    st.record.save(st.record_path)
    with kartla.Record.open_file(st.record_path, st.owner) as reopened:
        assert reopened.sequence == 1
        for name, data in st.content.items():
            assert reopened.section(name) == data, name


def test_record_verify(st: State) -> None:
    # scenario:record.verify
    with kartla.Verification.open_file(st.record_path) as v:
        assert v.sequence == 1
        assert v.record_id == st.record_id
        assert v.owner_fingerprint == st.owner.fingerprint
        report = v.report()
        assert isinstance(report, v1.VerificationReport)
        assert report.kind == "record"
        assert report.sections_listed == len(st.content)
    data = st.record_path.read_bytes()
    half = data[: len(data) // 2]
    assert isinstance(expect_error("E_FORMAT", lambda: kartla.Verification.open(half)), kartla.Format)
    expect_error("E_FORMAT", lambda: kartla.Record.open(half, st.owner))


def test_agency_create(st: State) -> None:
    # scenario:agency.create
    spec = st.s["agency"]
    st.agency_passphrase = spec["passphrase"].encode()
    created = kartla.Identity.create_agency(spec["name"], spec["organisation_number"], spec["role"],
                                            st.agency_passphrase, created_at=at(st.now - 86400), **st.kdf)
    kartla.wipe(created.recovery_code)
    st.agency = created.identity
    st.agency_card = st.agency.card
    card = kartla.card_describe(st.agency_card)
    assert card.kind == "agency"
    assert card.name == spec["name"]
    st.agency_path = st.dir / "agency.kartla-id"
    st.agency.save(st.agency_path)


def test_share_grant(st: State) -> None:
    # scenario:share.grant
    spec = st.s["share"]
    st.shared = list(spec["sections"])
    st.purpose = spec["purpose"]
    expires = at(st.now + spec["expires_after"])
    grant_id = st.record.share(st.agency_card, st.shared, purpose=st.purpose, expires_at=expires, now=at(st.now),
                               gdpr_art6_basis=spec["gdpr_art6_basis"])
    assert len(grant_id) == 32 and all(c in "0123456789abcdef" for c in grant_id)
    expect_error("E_INVALID_ARGUMENT",
                 lambda: st.record.share(st.owner_card, st.shared, purpose=st.purpose, expires_at=expires,
                                         now=at(st.now)))
    st.record.save(st.record_path)
    st.bundle_path = st.dir / "bundle.kartla"
    st.record.export_bundle(grant_id, st.bundle_path)


def _opened(st: State) -> list[kartla.Share]:
    return [
        kartla.Share.open_file(st.bundle_path, st.agency),
        kartla.Share.open(st.bundle_path.read_bytes(), st.agency),
        kartla.Share.open_file(st.record_path, st.agency),
        kartla.Share.open(st.record_path.read_bytes(), st.agency),
    ]


def test_share_read(st: State) -> None:
    # scenario:share.read
    read_at = at(st.now + st.s["share"]["read_after"])
    for share in _opened(st):
        with share:
            for name in st.shared:
                assert share.section(name, read_at) == st.content[name]
                assert json.loads(share.section_json(name, read_at))
                mine = bytearray(share.section_size(name, read_at))
                used = share.section_into(name, mine, read_at)
                assert bytes(mine[:used]) == st.content[name]
                kartla.wipe(mine)
            described = share.describe()
            assert [g.section for g in described.grants] == st.shared
            assert all(g.purpose == st.purpose for g in described.grants)
            share.check_owner(st.owner_card)
            expect_error("E_INVALID_ARGUMENT", lambda: share.check_owner(st.agency_card))


def test_share_not_shared(st: State) -> None:
    # scenario:share.not_shared
    read_at = at(st.now + st.s["share"]["read_after"])
    not_shared = st.s["share"]["not_shared_section"]
    for share in _opened(st)[::2]:  # the bundle and the record file
        with share:
            error = expect_error("E_NOT_SHARED", lambda: share.section(not_shared, read_at))
            assert isinstance(error, kartla.NotShared)


def test_share_expired(st: State) -> None:
    # scenario:share.expired
    late = at(st.now + st.s["share"]["expired_read_after"])
    for share in _opened(st):
        with share:
            error = expect_error("E_EXPIRED", lambda: share.section(st.shared[0], late))
            assert isinstance(error, kartla.Expired)


def test_share_revoke(st: State) -> None:
    # scenario:share.revoke
    spec = st.s["revoke"]
    read_at = at(st.now + st.s["share"]["read_after"])
    section = spec["rewrite_section"]
    rewritten = json.loads((REPO / st.s["sections"]["examples_dir"] / f"{section}.json").read_text(encoding="utf-8"))
    rewritten.update(spec["rewrite_merge"])
    summary = st.record.revoke(st.agency_card, at(st.now + spec["after"]))
    assert isinstance(summary, v1.RevocationSummary)
    st.record.set_section_json(section, json.dumps(rewritten))
    st.record.save(st.record_path)
    with kartla.Share.open_file(st.record_path, st.agency) as after, \
            kartla.Share.open_file(st.bundle_path, st.agency) as before:
        expect_error("E_NOT_SHARED", lambda: after.section(section, read_at))
        assert before.section(section, read_at) == st.content[section]  # what was shared stays shared
        after.check_last_seen(before.sequence + 1)
        error = expect_error("E_ROLLBACK", lambda: before.check_last_seen(after.sequence))
        assert isinstance(error, kartla.Rollback)


def test_attest(st: State) -> None:
    # scenario:attest
    spec = st.s["attest"]
    now = at(st.now)
    section = spec["section"]
    ref = experimental.EntryRef(owner_card=st.owner_card, record_id=st.record_id, section=section,
                                entry_id=spec["entry_id"],
                                entry=experimental.section_entry(section, st.record.section(section), spec["entry_id"]))
    attestation = experimental.attestation_issue(st.agency, ref, spec["claim_json"], issued_at=now)
    root = kartla.Identity.create_trust_root(spec["trust_root_name"], st.passphrase, **st.kdf)
    kartla.wipe(root.recovery_code)
    with root.identity, experimental.TrustDraft.create(1) as draft:
        draft.add(st.agency_card, st.s["agency"]["role"], at(st.now - spec["agency_valid_from_before"]))
        trust_list = experimental.trust_list_sign(root.identity, draft, issued_at=now,
                                                  expires_at=at(st.now + spec["trust_list_expires_after"]))
    without = experimental.attestation_verify(attestation, ref, now=now)
    assert without.status == kartla.Status.OK
    assert without.report.verdict == spec["expected_verdict_without_list"]
    with_list = experimental.attestation_verify(attestation, ref, trust_list, now=now)
    assert with_list.status == kartla.Status.OK
    assert with_list.report.verdict == spec["expected_verdict"]
    assert experimental.attach_attestation(st.record, st.owner, attestation, now=now) is True
    assert experimental.attach_attestation(st.record, st.owner, attestation, now=now) is False
    provenance = experimental.record_provenance(st.record, st.owner, section, trust_list, now=now)
    entries = [e for e in provenance.entries if e.entry_id == spec["entry_id"]]
    assert entries and entries[0].provenance == spec["expected_verdict"]


def test_contribution(st: State) -> None:
    # scenario:contribution
    spec = st.s["contribution"]
    now = at(st.now)
    section = spec["section"]
    entry_id = json.loads(spec["entry_json"])["id"]
    contribution = experimental.contribution_create(st.agency, st.owner_card, st.record_id, section,
                                                    spec["entry_json"], now=now)
    described = experimental.contribution_describe(st.owner, contribution, st.record_id, now=now)
    assert described.sender.name == st.s["agency"]["name"]
    assert described.section == section
    assert described.entry_id == entry_id
    assert experimental.accept_contribution(st.record, st.owner, contribution, now=now) is True
    assert experimental.accept_contribution(st.record, st.owner, contribution, now=now) is False
    assert experimental.section_entry(section, st.record.section(section), entry_id)
    expect_error("E_AUTH", lambda: experimental.contribution_describe(st.agency, contribution, st.record_id, now=now))


def test_errors(st: State) -> None:
    # scenario:errors
    for name in ("E_AUTH", "E_SCHEMA", "E_NOT_FOUND", "E_INVALID_ARGUMENT", "E_FORMAT", "E_NOT_SHARED", "E_EXPIRED",
                 "E_ROLLBACK"):
        assert name in PROVOKED, name
        error = PROVOKED[name]
        assert isinstance(error, kartla.Error)
        assert error.status_name == name and error.message
        assert str(error).startswith(name + ": ")
    # A closed handle is the binding's own typed error, never passed to the library.
    identity = kartla.Identity.open_file(st.agency_path, st.agency_passphrase)
    identity.close()
    with pytest.raises(kartla.ClosedError) as caught:
        kartla.Share.open_file(st.bundle_path, identity)
    assert caught.value.status == kartla.Status.E_INVALID_ARGUMENT and caught.value.message
    assert isinstance(caught.value, kartla.InvalidArgument)


def test_threads(st: State) -> None:
    # scenario:threads
    spec = st.s["threads"]
    read_at = at(st.now + st.s["share"]["read_after"])
    not_shared = st.s["share"]["not_shared_section"]
    good = [0] * spec["count"]
    failures: list[BaseException] = []

    def work(index: int) -> None:
        try:
            with kartla.Identity.open_file(st.agency_path, st.agency_passphrase) as mine, \
                    kartla.Share.open_file(st.bundle_path, mine) as share:
                for i in range(spec["reads_each"]):
                    name = st.shared[i % len(st.shared)]
                    ok = share.section(name, read_at) == st.content[name]
                    try:
                        share.section(not_shared, read_at)
                        ok = False
                    except kartla.NotShared as e:  # read on this thread, right after its call
                        ok = ok and e.status_name == "E_NOT_SHARED" and not_shared in e.message
                    good[index] += ok
        except BaseException as e:  # pragma: no cover - reported below
            failures.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(spec["count"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
    assert sum(good) == spec["count"] * spec["reads_each"]
