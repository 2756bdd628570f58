# SPDX-License-Identifier: Apache-2.0
"""The reading vectors of tests/vectors through the Python binding: what
tests/vectors/check_library.cpp checks through the C ABI, for identity.json, record.json,
negative.json, bundle.json, bundle_negative.json, attest.json, attest_negative.json,
receipt.json and content.json. A negative vector must give exactly its status class, as the
binding's typed error; a content vector exactly its violations, in order.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Callable

import pytest

import kartla
from kartla import experimental, v1

from support import hexed, load, when


def status_of(fn: Callable[[], Any]) -> str:
    """The status name a call gives: "OK", or its typed error's."""
    try:
        fn()
    except kartla.Error as e:
        assert e.message, "a failure carries the library's message"
        assert type(e) is not kartla.Error, f"{e.status_name} arrived untyped"
        return e.status_name
    return "OK"


@functools.lru_cache(maxsize=None)
def doc(name: str) -> Any:
    return load(name)


@pytest.fixture(scope="module")
def owner() -> Any:
    """identity.json's owner, opened once (Argon2id at 64 MiB is the slow part)."""
    v = doc("identity.json")
    with kartla.Identity.open(hexed(v, "identity_file"), v["passphrase"].encode()) as identity:
        yield identity


@pytest.fixture(scope="module")
def agencies() -> Any:
    opened = {a["label"]: kartla.Identity.open(hexed(a, "identity_file"), a["passphrase"].encode())
              for a in doc("bundle.json")["agencies"]}
    yield opened
    for identity in opened.values():
        identity.close()


def open_owned(data: bytes, owner: kartla.Identity) -> kartla.Record:
    # Every vector file is judged on its own: an older copy or a fork is accepted, not a rollback.
    return kartla.Record.open(data, owner, accept_older=True)


# -- identity.json -------------------------------------------------------------------------------


def test_identity_opens_and_shows_card_and_fingerprint(owner: kartla.Identity) -> None:
    v = doc("identity.json")
    assert owner.card == hexed(v, "card_file")
    assert owner.fingerprint == v["fingerprint"]
    assert owner.file_bytes() == hexed(v, "identity_file")  # re-encoding changes no byte
    assert kartla.card_fingerprint(hexed(v, "card_file")) == v["fingerprint"]


def test_identity_recovery_code_variants() -> None:
    v = doc("identity.json")
    file = hexed(v, "identity_file")
    for variant in v["recovery_code_variants"]:
        assert variant["result"] == "OK"
        with kartla.Identity.recover(file, variant["code"].encode()) as recovered:
            assert recovered.card == hexed(v, "card_file"), variant["comment"]


# -- record.json ---------------------------------------------------------------------------------


def check_report(report: v1.VerificationReport, expected_json: str) -> None:
    e = json.loads(expected_json)
    assert report.record_id == e["record_id"]
    assert report.owner_fingerprint == e["owner_fingerprint"]
    assert report.sequence == int(e["sequence"])
    assert report.previous_manifest_hash == e["previous_manifest_hash"]
    assert report.kind == e["kind"]
    for key in ("sections_listed", "sections_present", "section_bytes", "grants_listed", "grants_present",
                "file_bytes"):
        assert getattr(report, key) == int(e[key]), key


def test_record_versions_verify_without_a_key() -> None:
    d = doc("record.json")
    for version in d["versions"]:
        with kartla.Verification.open(hexed(version, "file")) as v:
            assert v.sequence == version["sequence"]
            assert v.record_id == version["record_id"]
            assert v.owner_fingerprint == d["owner"]["fingerprint"]
            assert v.previous_hash == version["previous_manifest_hash"]
            check_report(v.report(), version["verification_json"])
            assert json.loads(v.report_json())["record_id"] == version["record_id"]
            for check in version["last_seen_checks"]:
                assert status_of(lambda: v.check_last_seen(check["last_seen"])) == check["result"]


def test_record_owner_reads_every_section(owner: kartla.Identity) -> None:
    for version in doc("record.json")["versions"]:
        with open_owned(hexed(version, "file"), owner) as record:
            assert record.id == version["record_id"]
            assert record.sequence == version["sequence"]
            held = sum(record.has_section(name) for name in kartla.sections())
            assert held == len(version["sections"])
            for section in version["sections"]:
                name = section["name"]
                assert record.section(name) == hexed(section, "content"), name
                assert record.section_size(name) == section["ciphertext_length"] - 40  # the padded length
                buffer = bytearray(record.section_size(name))
                used = record.section_into(name, buffer)
                assert bytes(buffer[:used]) == hexed(section, "content")


# -- negative.json, bundle_negative.json -----------------------------------------------------------


def run_check(data: bytes, check: dict[str, Any], owner: kartla.Identity, agencies: dict[str, kartla.Identity]) -> str:
    op = check["operation"]
    if op == "verify":
        return status_of(lambda: kartla.Verification.open(data).close())
    if op == "open_record":
        return status_of(lambda: open_owned(data, owner).close())
    if op == "read_section":
        with open_owned(data, owner) as record:  # must open
            return status_of(lambda: record.section(check["section"]))
    if op in ("open_identity", "recover_identity"):
        opener = kartla.Identity.open if op == "open_identity" else kartla.Identity.recover
        secret = check["passphrase" if op == "open_identity" else "recovery_code"].encode()
        return status_of(lambda: opener(data, secret).close())
    if op == "open_share":
        return status_of(lambda: kartla.Share.open(data, agencies[check["agency"]]).close())
    if op == "read_share_section":
        with kartla.Share.open(data, agencies[check["agency"]]) as share:  # must open
            return status_of(lambda: share.section(check["section"], when(check["at"])))
    if op == "card_fingerprint":
        return status_of(lambda: kartla.card_fingerprint(data))
    raise AssertionError(f"unknown operation {op}")


@pytest.mark.parametrize("name", ["negative.json", "bundle_negative.json"])
def test_negative_vectors(name: str, owner: kartla.Identity, agencies: dict[str, kartla.Identity]) -> None:
    vectors = doc(name)["vectors"]
    assert vectors
    wrong = []
    for vector in vectors:
        data = hexed(vector, "input")
        for check in vector["checks"]:
            got = run_check(data, check, owner, agencies)
            if got != check["result"]:
                wrong.append(f"tc {vector['tc_id']} {vector['name']} {check['operation']}: {got}, "
                             f"expected {check['result']}")
    assert not wrong, "\n".join(wrong)


# -- bundle.json ---------------------------------------------------------------------------------


def test_bundle_agencies_show_cards_and_fingerprints(agencies: dict[str, kartla.Identity]) -> None:
    for a in doc("bundle.json")["agencies"]:
        identity = agencies[a["label"]]
        assert identity.card == hexed(a, "card_file")
        assert identity.fingerprint == a["fingerprint"]


def test_bundle_files_verify_with_their_reports() -> None:
    d = doc("bundle.json")
    for name in ("record", "bundle", "revoked", "expired"):
        with kartla.Verification.open(hexed(d[name], "file")) as v:
            check_report(v.report(), d[name]["verification_json"])
            assert v.sequence == d[name]["sequence"]


def test_bundle_agencies_see_purpose_and_bases(agencies: dict[str, kartla.Identity]) -> None:
    d = doc("bundle.json")
    file = hexed(d["record"], "file")
    for grant in d["record"]["grants"]:
        terms = grant["terms_fields"]
        with kartla.Share.open(file, agencies[grant["recipient"]]) as share:
            described = list(share.describe().grants)
        assert len(described) == len(terms["sections"])
        for shared, section in zip(described, terms["sections"]):
            assert shared.section == section["name"]
            assert shared.purpose == terms["purpose"]
            assert shared.gdpr_art6_basis == terms["gdpr_art6_basis"]
            assert shared.gdpr_art9_basis == terms["gdpr_art9_basis"]
            assert shared.granted_at == terms["granted_at"]
            assert shared.expires_at == terms["expires_at"]
            assert shared.present and shared.current


def test_bundle_is_pinned_to_the_owner(owner: kartla.Identity, agencies: dict[str, kartla.Identity]) -> None:
    with kartla.Share.open(hexed(doc("bundle.json")["bundle"], "file"), agencies["agency_a"]) as share:
        share.check_owner(owner.card)
        assert status_of(lambda: share.check_owner(agencies["agency_b"].card)) == "E_INVALID_ARGUMENT"


def test_bundle_reads(agencies: dict[str, kartla.Identity]) -> None:
    d = doc("bundle.json")
    assert d["reads"]
    for r in d["reads"]:
        with kartla.Share.open(hexed(d[r["input"]], "file"), agencies[r["agency"]]) as share:
            got: dict[str, bytes] = {}
            status = status_of(lambda: got.setdefault("content", share.section(r["section"], when(r["at"]))))
            assert status == r["result"], r["comment"]
            if status == "OK":
                assert got["content"] == hexed(r, "content"), r["comment"]


# -- attest.json, attest_negative.json -------------------------------------------------------------


def labelled(node: dict[str, Any], key: str, label: str) -> dict[str, Any]:
    for item in node[key]:
        if item["label"] == label:
            return item  # type: ignore[no-any-return]
    raise AssertionError(f"no {key} labelled {label}")


def trust_list_named(negative_doc: dict[str, Any], label: str) -> bytes:
    if not label:
        return b""
    if label == "input_list":
        return hexed(negative_doc, "foreign_trust_list")
    return hexed(labelled(doc("attest.json"), "trust_lists", label), "file")


def check_attestation(file: bytes, check: dict[str, Any], container: dict[str, Any]) -> None:
    attest = doc("attest.json")
    ref = experimental.EntryRef(owner_card=hexed(labelled(attest, "owners", check["owner"]), "card_file"),
                                record_id=check["record_id"], section=check["section"], entry_id=check["entry_id"],
                                entry=hexed(check, "entry"))
    trust_list = trust_list_named(container, check["trust_list"])
    now = when(check["now"])
    if not check["verdict"]:  # no report: the call fails typed
        assert status_of(lambda: experimental.attestation_verify(file, ref, trust_list, now=now)) == check["result"], \
            check["comment"]
        return
    judged = experimental.attestation_verify(file, ref, trust_list, now=now)
    assert judged.status.name == check["result"], check["comment"]
    assert judged.report.verdict == check["verdict"], check["comment"]
    assert judged.report.finding == check["finding"], check["comment"]
    if check["verdict"] != "invalid":
        assert judged.report.entry_id == check["entry_id"]


def verify_list(file: bytes, check: dict[str, Any]) -> str:
    root = hexed(labelled(doc("attest.json"), "roots", check["expected_root"]), "card_file") \
        if check["expected_root"] else b""
    return status_of(lambda: experimental.trust_list_verify(file, root, check["last_seen"], now=when(check["now"])))


def test_attestation_checks() -> None:
    d = doc("attest.json")
    file = hexed(d["attestation"], "file")
    for check in d["attestation_checks"]:
        check_attestation(file, check, d)


def test_trust_list_checks() -> None:
    d = doc("attest.json")
    for check in d["trust_list_checks"]:
        assert verify_list(hexed(labelled(d, "trust_lists", check["input"]), "file"), check) == check["result"], \
            check["comment"]
    current = labelled(d, "trust_lists", "current")
    described = experimental.trust_list_verify(hexed(current, "file"), now=when(d["trust_list_checks"][0]["now"]))
    assert described.agencies
    listed = described.agencies[0]
    fields = current["fields"]["agencies"][0]
    assert listed.fingerprint == d["agency"]["fingerprint"]
    assert listed.valid_from == fields["valid_from"]
    assert listed.valid_until == fields["valid_until"]
    assert described.root.fingerprint == labelled(d, "roots", "root")["fingerprint"]


def test_contribution_checks(owner: kartla.Identity) -> None:
    d = doc("attest.json")
    c = d["contribution"]
    file = hexed(c, "file")
    for check in d["contribution_checks"]:
        now = when(check["now"])
        if check["operation"] == "describe_contribution":
            described = experimental.contribution_describe(owner, file, check["record_id"] or None, now=now)
            assert check["result"] == "OK"
            assert described.entry_id == c["entry_id"]
            assert described.record_id == d["record"]["record_id"]
            assert described.sender.fingerprint == d["agency"]["fingerprint"]
            continue
        assert check["operation"] == "accept_contribution"
        with open_owned(hexed(d["record"], "file"), owner) as record:
            assert experimental.accept_contribution(record, owner, file, now=now) == bool(check["added"])
            entry = experimental.section_entry("competences", record.section("competences"), c["entry_id"])
            assert entry == hexed(c["fields"], "entry")
            assert experimental.accept_contribution(record, owner, file, now=now) is False  # twice: no change


def test_listed_entries_are_the_exact_bytes() -> None:
    record = doc("attest.json")["record"]
    content = hexed(record, "content")
    for e in record["entries"]:
        assert experimental.section_entry("competences", content, e["entry_id"]) == hexed(e, "entry")


def test_attest_negative(owner: kartla.Identity) -> None:
    d = doc("attest_negative.json")
    attest = doc("attest.json")
    for vector in d["vectors"]:
        data = hexed(vector, "input")
        for check in vector["checks"]:
            op = check["operation"]
            where = f"{vector['name']} / {check['comment']}"
            if op == "verify_attestation":
                check_attestation(data, check, d)
            elif op == "verify_trust_list":
                assert verify_list(data, check) == check["result"], where
            elif op == "describe_contribution":
                got = status_of(lambda: experimental.contribution_describe(owner, data, check["record_id"] or None,
                                                                           now=when(check["now"])))
                assert got == check["result"], where
            elif op == "accept_contribution":
                with kartla.Record.open(hexed(attest["record"], "file"), owner, accept_older=True) as record:
                    added: list[bool] = []
                    got = status_of(lambda: added.append(
                        experimental.accept_contribution(record, owner, data, now=when(check["now"]))))
                    assert got == check["result"], where
                    assert int(bool(added and added[0])) == check["added"], where
                    if got != "OK":  # a refused contribution leaves the section as it was
                        assert record.section("competences") == hexed(attest["record"], "content")
            elif op == "verify_record":
                assert status_of(lambda: kartla.Verification.open(data).close()) == check["result"], where
            else:
                raise AssertionError(f"unknown operation {op}")


# -- receipt.json ----------------------------------------------------------------------------------


def test_receipts_verify_pinned_and_describe_their_fields() -> None:
    d = doc("receipt.json")
    owner_card = hexed(d["owner"], "card_file")
    for r in d["receipts"]:
        agency_card = hexed(d["agency_cards"], r["agency"])
        described = experimental.receipt_describe(hexed(r, "file"), owner_card, agency_card)
        f = r["fields"]
        assert described.kind == ("grant" if f["kind"] == 1 else "termination")
        assert described.record_id == f["record_id"]
        assert described.grant_id == f["grant_id"]
        assert described.owner_fingerprint == r["owner_fingerprint"]
        assert described.agency_fingerprint == r["agency_fingerprint"]
        assert described.agency_name == f["agency_name"]
        assert list(described.sections) == f["sections"]
        assert described.purpose == f["purpose"]
        assert described.gdpr_art6_basis == f["gdpr_art6_basis"]
        assert described.gdpr_art9_basis == f["gdpr_art9_basis"]
        assert described.granted_at == f["granted_at"]
        assert described.expires_at == f["expires_at"]
        assert described.ended_at == f["ended_at"]
        assert described.end_reason == {1: "revoked", 2: "expired"}.get(f["end_reason"], "")
        assert described.sequence == f["sequence"]
        assert described.manifest_hash == f["manifest_hash"]


def test_receipt_negatives() -> None:
    for v in doc("receipt.json")["negative"]:
        got = status_of(lambda: experimental.receipt_describe(hexed(v, "input"), hexed(v, "owner_card"),
                                                              hexed(v, "agency_card")))
        assert got == v["result"], f"{v['name']}: {v['comment']}"


# -- content.json ----------------------------------------------------------------------------------

# Read when the module is collected, so each vector is a test of its own; a missing or unreadable
# file fails collection, never skips.
CONTENT_VECTORS: list[dict[str, Any]] = doc("content.json")["vectors"]


def test_content_vectors_are_there() -> None:
    # An empty list would parametrize the test below into a single skip: fail here instead.
    assert CONTENT_VECTORS, "content.json holds no vectors"
    ids = [v["tc_id"] for v in CONTENT_VECTORS]
    assert len(set(ids)) == len(ids), "content.json repeats a tc_id"


@pytest.mark.parametrize(
    "vector", CONTENT_VECTORS,
    ids=[f"{i}of{len(CONTENT_VECTORS)}-tc{v['tc_id']}-{v['name']}" for i, v in enumerate(CONTENT_VECTORS, 1)])
def test_content_vector(vector: dict[str, Any]) -> None:
    report = kartla.validate_section(vector["section"], hexed(vector, "content"))
    got = [{"field": v.field, "rule": v.rule} for v in report.violations]
    where = f"tc {vector['tc_id']} {vector['name']}: {vector['comment']}"
    assert report.section == vector["section"], where
    assert report.valid == vector["valid"], where
    assert report.valid == (not got), where  # valid exactly when nothing is broken
    assert got == vector["violations"], where  # field path and rule id, in field order
