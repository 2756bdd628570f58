// SPDX-License-Identifier: Apache-2.0
//! The shared binding scenario (tests/bindings/README.md) through the Rust binding, reading its
//! data from tests/bindings/scenario.json. One test, the steps in order, each marked with its id;
//! every expectation is an assertion.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use kartla::{
    experimental, v1, AgencyInfo, ErrorKind, Identity, OpenOptions, Record, Share, ShareOptions, Verification,
};
use prost::Message;
use serde_json::Value;
use support::*;

/// The failures the scenario provoked, by status name, for step `errors`.
#[derive(Default)]
struct Provoked(BTreeMap<String, kartla::Error>);

impl Provoked {
    fn expect<T: std::fmt::Debug>(&mut self, kind: ErrorKind, name: &str, result: kartla::Result<T>) {
        let e = result.expect_err(&format!("expected {name}"));
        assert_eq!(e.kind(), kind, "{e}");
        assert_eq!(e.status_name(), name, "{e}");
        assert!(!e.message().is_empty());
        self.0.insert(name.to_string(), e);
    }
}

fn example_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    names
}

#[test]
fn shared_scenario() {
    let s = load("tests/bindings/scenario.json");
    let now = num(&s["clock"], "now");
    let (share_spec, agency_spec) = (&s["share"], &s["agency"]);
    let kdf = test_kdf(&s, now - 86400);
    let dir = TempDir::new();
    let mut provoked = Provoked::default();

    // scenario:identity.create
    let passphrase = text(&s["owner"], "passphrase").as_bytes();
    let (owner, recovery_code) = Identity::create(passphrase, &kdf).unwrap();
    assert!(!recovery_code.is_empty());
    let owner_card = owner.card().unwrap();
    let fingerprint = owner.fingerprint().unwrap();
    assert_eq!(kartla::card_fingerprint(&owner_card).unwrap(), fingerprint);

    // scenario:identity.reopen
    let identity_path = dir.file("owner.kartla-id");
    owner.save(&identity_path).unwrap();
    let identity_file = std::fs::read(&identity_path).unwrap();
    assert_eq!(Identity::open_file(&identity_path, passphrase).unwrap().fingerprint().unwrap(), fingerprint);
    assert_eq!(Identity::open(&identity_file, passphrase).unwrap().fingerprint().unwrap(), fingerprint);
    assert_eq!(
        Identity::recover_file(&identity_path, recovery_code.as_bytes()).unwrap().fingerprint().unwrap(),
        fingerprint
    );
    assert_eq!(
        Identity::recover(&identity_file, recovery_code.as_bytes()).unwrap().fingerprint().unwrap(),
        fingerprint
    );
    let wrong = text(&s["owner"], "wrong_passphrase").as_bytes();
    provoked.expect(ErrorKind::Auth, "E_AUTH", Identity::open_file(&identity_path, wrong));

    // scenario:record.sections
    let examples = repo().join(text(&s["sections"], "examples_dir"));
    let owner_only = strings(&s["sections"], "owner_only");
    let mut record = Record::new(&owner).unwrap();
    record.set_clock(when(now)).unwrap();
    let mut content: BTreeMap<String, Vec<u8>> = BTreeMap::new(); // test data, not secret
    for name in example_names(&examples) {
        let json = std::fs::read_to_string(examples.join(format!("{name}.json"))).unwrap();
        if owner_only.contains(&name) {
            provoked.expect(ErrorKind::InvalidArgument, "E_INVALID_ARGUMENT", record.set_section_json(&name, &json));
            continue;
        }
        record.set_section_json(&name, &json).unwrap();
        let bytes = record.section(&name).unwrap().to_vec();
        record.set_section(&name, &bytes).unwrap();
        assert_eq!(*record.section(&name).unwrap(), bytes, "section {name}");
        let read_back: Value = serde_json::from_str(&record.section_json(&name).unwrap()).unwrap();
        let example: Value = serde_json::from_str(&json).unwrap();
        for member in example.as_object().unwrap().keys() {
            assert!(read_back.get(member).is_some(), "section {name} lost {member}");
        }
        content.insert(name, bytes);
    }
    assert!(content.len() >= 10);
    let listed: BTreeSet<String> = record.sections().unwrap().sections.into_iter().map(|l| l.name).collect();
    assert_eq!(listed, content.keys().cloned().collect::<BTreeSet<_>>());
    record.remove_section("education").unwrap();
    provoked.expect(ErrorKind::NotFound, "E_NOT_FOUND", record.section("education"));
    record.set_section("education", &content["education"]).unwrap();
    provoked.expect(ErrorKind::Schema, "E_SCHEMA", record.set_section_json("profile", r#"{"no_such_field": 1}"#));
    assert_eq!(*record.section("profile").unwrap(), content["profile"], "a refused set keeps the content");
    let record_id = record.id().unwrap();

    // scenario:record.save
    let record_path = dir.file("record.kartla");
    record.save(&record_path).unwrap();
    {
        let reopened = Record::open_file(&record_path, &owner, &OpenOptions::default()).unwrap();
        assert_eq!(reopened.sequence().unwrap(), 1);
        for (name, bytes) in &content {
            assert_eq!(*reopened.section(name).unwrap(), *bytes, "section {name} after save");
        }
    }

    // scenario:record.verify
    {
        let v = Verification::open_file(&record_path).unwrap();
        assert_eq!(v.sequence().unwrap(), 1);
        assert_eq!(v.record_id().unwrap(), record_id);
        assert_eq!(v.owner_fingerprint().unwrap(), fingerprint);
        let report = v.report().unwrap();
        assert_eq!(report.kind, "record");
        assert_eq!(report.sections_listed as usize, content.len());
        let file = std::fs::read(&record_path).unwrap();
        let half = &file[..file.len() / 2];
        provoked.expect(ErrorKind::Format, "E_FORMAT", Verification::open(half));
        provoked.expect(ErrorKind::Format, "E_FORMAT", Record::open(half, &owner, &OpenOptions::default()));
    }

    // scenario:agency.create
    let agency_passphrase = text(agency_spec, "passphrase").as_bytes();
    let info = AgencyInfo {
        name: text(agency_spec, "name"),
        organisation_number: text(agency_spec, "organisation_number"),
        role: text(agency_spec, "role"),
    };
    let (agency, _) = Identity::create_agency(&info, agency_passphrase, &kdf).unwrap();
    let agency_card = agency.card().unwrap();
    let card = kartla::describe_card(&agency_card).unwrap();
    assert_eq!(card.kind, "agency");
    assert_eq!(card.name, info.name);
    let agency_path = dir.file("agency.kartla-id");
    agency.save(&agency_path).unwrap();

    // scenario:share.grant
    let shared = strings(share_spec, "sections");
    let shared_refs: Vec<&str> = shared.iter().map(String::as_str).collect();
    let purpose = text(share_spec, "purpose");
    let terms = ShareOptions {
        expires_at: when(now + num(share_spec, "expires_after")),
        granted_at: when(now),
        gdpr_art6_basis: Some(text(share_spec, "gdpr_art6_basis")),
        ..ShareOptions::new(purpose)
    };
    let grant_id = record.share(&agency_card, &shared_refs, &terms).unwrap();
    assert_eq!(grant_id.len(), 32);
    assert!(grant_id.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)), "{grant_id}");
    provoked.expect(ErrorKind::InvalidArgument, "E_INVALID_ARGUMENT", record.share(&owner_card, &shared_refs, &terms));
    record.save(&record_path).unwrap();
    let bundle_path = dir.file("bundle.kartla");
    record.export_bundle(&grant_id, &bundle_path).unwrap();

    // scenario:share.read
    let read_at = when(now + num(share_spec, "read_after"));
    let not_shared = text(share_spec, "not_shared_section");
    let opened = [
        Share::open_file(&bundle_path, &agency).unwrap(),
        Share::open(&std::fs::read(&bundle_path).unwrap(), &agency).unwrap(),
        Share::open_file(&record_path, &agency).unwrap(),
        Share::open(&std::fs::read(&record_path).unwrap(), &agency).unwrap(),
    ];
    for share in &opened {
        for name in &shared {
            assert_eq!(*share.section(name, read_at).unwrap(), content[name], "shared section {name}");
            let json: Value = serde_json::from_str(&share.section_json(name, read_at).unwrap()).unwrap();
            assert!(!json.as_object().unwrap().is_empty());
            let mut mine = vec![0u8; share.section_size(name, read_at).unwrap()];
            let used = share.section_into(name, read_at, &mut mine).unwrap();
            assert_eq!(mine[..used], content[name]);
        }
        let described = share.describe().unwrap();
        let sections: Vec<String> = described.grants.iter().map(|g| g.section.clone()).collect();
        assert_eq!(sections, shared);
        assert!(described.grants.iter().all(|g| g.purpose == purpose));
        share.check_owner(&owner_card).unwrap();
        provoked.expect(ErrorKind::InvalidArgument, "E_INVALID_ARGUMENT", share.check_owner(&agency_card));

        // scenario:share.not_shared
        provoked.expect(ErrorKind::NotShared, "E_NOT_SHARED", share.section(not_shared, read_at));

        // scenario:share.expired
        let late = when(now + num(share_spec, "expired_read_after"));
        provoked.expect(ErrorKind::Expired, "E_EXPIRED", share.section(&shared[0], late));
    }
    drop(opened);

    // scenario:share.revoke
    let revoke_spec = &s["revoke"];
    let rewritten_section = text(revoke_spec, "rewrite_section");
    let mut rewritten: Value =
        serde_json::from_str(&std::fs::read_to_string(examples.join(format!("{rewritten_section}.json"))).unwrap())
            .unwrap();
    for (key, value) in revoke_spec["rewrite_merge"].as_object().unwrap() {
        rewritten[key] = value.clone();
    }
    record.revoke(&agency_card, when(now + num(revoke_spec, "after"))).unwrap();
    record.set_section_json(rewritten_section, &rewritten.to_string()).unwrap();
    record.save(&record_path).unwrap();
    {
        let after = Share::open_file(&record_path, &agency).unwrap();
        provoked.expect(ErrorKind::NotShared, "E_NOT_SHARED", after.section(rewritten_section, read_at));
        let before = Share::open_file(&bundle_path, &agency).unwrap();
        assert_eq!(*before.section(rewritten_section, read_at).unwrap(), content[rewritten_section]);
        after.check_last_seen(before.sequence().unwrap() + 1).unwrap();
        provoked.expect(ErrorKind::Rollback, "E_ROLLBACK", before.check_last_seen(after.sequence().unwrap()));
    }

    // scenario:attest
    let attest_spec = &s["attest"];
    let attested_section = text(attest_spec, "section");
    let entry = experimental::section_entry(
        attested_section,
        &record.section(attested_section).unwrap(),
        text(attest_spec, "entry_id"),
    )
    .unwrap();
    let entry_ref = experimental::EntryRef {
        owner_card: &owner_card,
        record_id: &record_id,
        section: attested_section,
        entry_id: text(attest_spec, "entry_id"),
        entry: &entry,
    };
    let attestation =
        experimental::issue_attestation(&agency, &entry_ref, text(attest_spec, "claim_json"), when(now), None).unwrap();
    let (root, _) = experimental::create_trust_root(text(attest_spec, "trust_root_name"), passphrase, &kdf).unwrap();
    let mut draft = experimental::TrustDraft::new(1).unwrap();
    draft
        .add(&agency_card, info.role, when(now - num(attest_spec, "agency_valid_from_before")).unwrap(), None)
        .unwrap();
    let trust_list =
        draft.sign(&root, when(now), when(now + num(attest_spec, "trust_list_expires_after")).unwrap()).unwrap();
    let without = experimental::verify_attestation(&attestation, &entry_ref, &[], when(now)).unwrap();
    without.result.unwrap();
    assert_eq!(without.report.unwrap().verdict, text(attest_spec, "expected_verdict_without_list"));
    let with = experimental::verify_attestation(&attestation, &entry_ref, &trust_list, when(now)).unwrap();
    with.result.unwrap();
    assert_eq!(with.report.unwrap().verdict, text(attest_spec, "expected_verdict"));
    assert!(experimental::attach_attestation(&mut record, &owner, &attestation, when(now)).unwrap());
    assert!(!experimental::attach_attestation(&mut record, &owner, &attestation, when(now)).unwrap());
    let provenance =
        experimental::record_provenance(&record, &owner, attested_section, &trust_list, when(now)).unwrap();
    let attested: Vec<_> = provenance.entries.iter().filter(|e| e.entry_id == entry_ref.entry_id).collect();
    assert_eq!(attested.len(), 1, "the attested entry in {provenance:?}");
    assert_eq!(attested[0].provenance, text(attest_spec, "expected_verdict"));

    // scenario:contribution
    let contribution_spec = &s["contribution"];
    let contributed_section = text(contribution_spec, "section");
    let entry_json = text(contribution_spec, "entry_json");
    let entry_id = serde_json::from_str::<Value>(entry_json).unwrap()["id"].as_str().unwrap().to_string();
    let contribution = experimental::create_contribution(
        &agency,
        &owner_card,
        &record_id,
        contributed_section,
        entry_json,
        None,
        when(now),
    )
    .unwrap();
    let description = experimental::describe_contribution(&owner, &contribution, Some(&record_id), when(now)).unwrap();
    assert_eq!(description.sender.as_ref().unwrap().name, info.name);
    assert_eq!(description.section, contributed_section);
    assert_eq!(description.entry_id, entry_id);
    assert!(experimental::accept_contribution(&mut record, &owner, &contribution, when(now)).unwrap());
    assert!(!experimental::accept_contribution(&mut record, &owner, &contribution, when(now)).unwrap());
    let held = record.section_message::<v1::Interventions>(contributed_section).unwrap();
    assert!(held.entries.iter().any(|e| e.id == entry_id), "the contributed entry is held");
    assert!(!experimental::section_entry(
        contributed_section,
        &record.section(contributed_section).unwrap(),
        &entry_id
    )
    .unwrap()
    .is_empty());
    provoked.expect(
        ErrorKind::Auth,
        "E_AUTH",
        experimental::describe_contribution(&agency, &contribution, Some(&record_id), when(now)),
    );

    // scenario:errors
    for name in [
        "E_AUTH",
        "E_SCHEMA",
        "E_NOT_FOUND",
        "E_INVALID_ARGUMENT",
        "E_FORMAT",
        "E_NOT_SHARED",
        "E_EXPIRED",
        "E_ROLLBACK",
    ] {
        let e = provoked.0.get(name).unwrap_or_else(|| panic!("{name} was never provoked"));
        assert_eq!(e.status_name(), name);
        assert!(!e.message().is_empty());
        assert!(e.to_string().contains(name), "Display names the status: {e}");
        let _: &dyn std::error::Error = e;
    }
    // A closed handle: `close(self)` consumes it, so a later call does not compile (the
    // compile_fail doc-tests of Identity::close, Record::close and Share::close prove it). What
    // remains reachable at run time is the C ABI's own refusal of a handle the library rejects:
    // an owner's identity where an agency's is needed is a typed error, not a crash.
    provoked.expect(ErrorKind::InvalidArgument, "E_INVALID_ARGUMENT", Record::new(&agency));

    // scenario:threads
    let threads_spec = &s["threads"];
    let (count, reads) = (num(threads_spec, "count") as usize, num(threads_spec, "reads_each") as usize);
    let good = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..count {
            scope.spawn(|| {
                let mine = Identity::open_file(&agency_path, agency_passphrase).unwrap();
                let share = Share::open_file(&bundle_path, &mine).unwrap();
                for i in 0..reads {
                    let name = &shared[i % shared.len()];
                    let mut ok = *share.section(name, read_at).unwrap() == content[name];
                    // The message is read on this thread, straight after the failing call.
                    let refused = share.section(not_shared, read_at).unwrap_err();
                    ok &= refused.kind() == ErrorKind::NotShared && refused.message().contains(not_shared);
                    if ok {
                        good.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    assert_eq!(good.load(Ordering::Relaxed), count * reads);

    // The library's protobuf bytes decode as the generated type.
    let languages = v1::Languages::decode(content["languages"].as_slice()).unwrap();
    assert!(!languages.entries.is_empty());
}
