# SPDX-License-Identifier: Apache-2.0
"""The rest of the binding's surface: versions, sections and their typed messages, the
caller-buffer reads, identities' passphrase and state folder, rollback options, validation,
receipts and views."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import kartla
from kartla import experimental, v1

from support import REPO

UTC = datetime.timezone.utc
NOW = datetime.datetime(2026, 1, 1, tzinfo=UTC)
KDF = dict(kdf_memlimit_mib=64, kdf_opslimit=3)
PW = b"a passphrase for the api tests"


def example(name: str) -> str:
    return (REPO / "examples" / "sections" / f"{name}.json").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> Any:
    owner = kartla.Identity.create(PW, **KDF)
    agency = kartla.Identity.create_agency("Landskrona stad", "212000-1140", "municipal_labour_unit", PW, **KDF)
    kartla.wipe(owner.recovery_code)
    kartla.wipe(agency.recovery_code)
    yield owner.identity, agency.identity, tmp_path_factory.mktemp("api")
    owner.identity.close()
    agency.identity.close()


def test_versions_and_sections() -> None:
    assert kartla.version() == "1.0.0" == kartla.__version__
    assert kartla.version_number() == 10000
    assert kartla.abi_version() == 1 and kartla.format_version() == 1
    assert kartla.library_path.endswith("libkartla.so.1")
    assert "languages" in kartla.sections() and "sharing_ledger" in kartla.sections()
    for name in kartla.sections():
        cls = kartla.message_type(name)
        assert cls.DESCRIPTOR.full_name.startswith("kartla.v1.")
        assert kartla.section_of(cls) == name
    assert kartla.is_special_category("work_ability") and not kartla.is_special_category("languages")
    assert "validation_provider" in kartla.agency_roles()
    assert [s.value for s in kartla.Status] == list(range(18))
    for status in kartla.Status:  # the enum's names are the library's
        assert kartla._lib.kartla_status_name(status.value).decode() == status.name
    unknown = kartla._errors.error_for(99, "from a newer library")
    assert type(unknown) is kartla.Error and unknown.status == 99 and unknown.status_name == "UNKNOWN"


def test_typed_messages_and_json(people: Any) -> None:
    owner, agency, folder = people
    with kartla.Record.create(owner) as record:
        record.set_clock(NOW)
        languages = v1.Languages()
        from google.protobuf import json_format
        json_format.Parse(example("languages"), languages)
        record.set_message(languages)
        assert record.read(v1.Languages) == languages
        assert json.loads(record.section_json("languages"))["entries"]
        assert json.loads(record.sections_json())["sections"][0]["name"] == "languages"
        assert record.has_section("languages") and not record.has_section("profile")
        record.set_section_json("profile", example("profile").encode())  # JSON as UTF-8 bytes too
        grant = record.share(agency.card, ["languages", "profile"], purpose="Kartläggning",
                             expires_at=NOW + datetime.timedelta(days=30), now=NOW)
        path = folder / "typed.kartla"
        record.save(path)
        record.export_bundle(grant, folder / "typed.bundle")
    with kartla.Share.open_file(folder / "typed.bundle", agency) as share:
        read_at = NOW + datetime.timedelta(days=1)
        assert share.read(v1.Languages, read_at) == languages
        assert json.loads(share.describe_json())["grants"][0]["purpose"] == "Kartläggning"
        with pytest.raises(kartla.NotShared):
            share.read(v1.Education, read_at)


def test_caller_buffer_reads_and_wipe(people: Any) -> None:
    owner, _, _ = people
    with kartla.Record.create(owner) as record:
        record.set_section_json("languages", example("languages"))
        content = record.section("languages")
        size = record.section_size("languages")
        assert len(content) <= size
        buffer = bytearray(size + 10)
        n = record.section_into("languages", buffer)
        assert bytes(buffer[:n]) == content
        kartla.wipe(buffer)
        assert buffer == bytearray(len(buffer))
        view = memoryview(bytearray(size))
        assert record.section_into("languages", view) == n
        with pytest.raises(kartla.InvalidArgument):
            kartla.wipe(memoryview(b"read-only"))


def test_passphrase_change_save_and_create_only(people: Any, tmp_path: Any) -> None:
    created = kartla.Identity.create(bytearray(PW), created_at=NOW, **KDF)
    code = created.recovery_code
    with created.identity as identity:
        path = tmp_path / "id"
        identity.save(path, create_only=True)
        with pytest.raises(kartla.InvalidArgument):
            identity.save(path, create_only=True)
        identity.set_passphrase(b"another passphrase")
        identity.save(path)
        with pytest.raises(kartla.Auth):
            kartla.Identity.open_file(path, PW)
        with kartla.Identity.open_file(path, b"another passphrase") as again:
            assert again.fingerprint == identity.fingerprint
        with kartla.Identity.open(path.read_bytes(), memoryview(b"another passphrase")) as again:  # copied, wiped
            assert again.fingerprint == identity.fingerprint
        with kartla.Identity.recover_file(path, code) as recovered:  # the code stays valid
            assert recovered.fingerprint == identity.fingerprint
        assert kartla.card_describe(identity.card).created_at == int(NOW.timestamp())
        assert json.loads(kartla.card_describe_json(identity.card))["kind"] == "owner"
    kartla.wipe(code)


def test_rollback_and_state_folder(people: Any, tmp_path: Any) -> None:
    owner, _, _ = people
    (tmp_path / "state").mkdir()
    owner.use_state_folder(tmp_path / "state")
    path = tmp_path / "r.kartla"
    with kartla.Record.create(owner) as record:
        record.set_section_json("languages", example("languages"))
        record.save(path)
        old = path.read_bytes()
        record.set_section_json("profile", example("profile"))
        record.save(path)
    with pytest.raises(kartla.Rollback):
        kartla.Record.open(old, owner)
    with kartla.Record.open(old, owner, accept_older=True) as older:
        assert older.sequence == 1
    with pytest.raises(kartla.Rollback):
        kartla.Record.open_file(path, owner, last_seen=3)
    with kartla.Verification.open_file(path) as v:
        assert v.previous_hash and len(v.previous_hash) == 64


def test_receipts_and_views(people: Any) -> None:
    owner, agency, folder = people
    path = folder / "views.kartla"
    with kartla.Record.create(owner) as record:
        record.set_clock(NOW)
        for name in ("action_plan", "progress", "profile"):
            record.set_section_json(name, example(name))
        grant = record.share(agency.card, ["action_plan", "progress"], purpose="Uppföljning", now=NOW)
        assert not record.is_special("profile")
        record.save(path)
        receipt = experimental.record_receipt(record, grant)
        described = experimental.receipt_describe(receipt, owner.card, agency.card)
        assert described.kind == "grant" and described.grant_id == grant
        assert experimental.record_plan(record).ListFields()
        assert experimental.record_progress(record).ListFields()
        assert "Uppföljning" not in experimental.record_show_text(record, "profile")
        assert experimental.record_show_text(record)
    with kartla.Share.open_file(path, agency) as share:
        assert experimental.share_plan(share, NOW).ListFields()
        assert experimental.share_progress(share, NOW).ListFields()
        assert experimental.share_show_text(share, None, NOW)
        with pytest.raises(kartla.NotShared):
            experimental.share_show_text(share, "profile", NOW)
