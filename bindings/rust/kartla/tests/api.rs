// SPDX-License-Identifier: Apache-2.0
//! The calls the scenario does not make: passphrase change, create-only saves, removal,
//! special-category sections, validation, receipts, an agency's provenance, trust-list drafts,
//! the static lists.

mod support;

use kartla::{experimental, ErrorKind, Identity, OpenOptions, Record, Share, Verification};
use support::*;

#[test]
fn static_lists_and_versions() {
    assert_eq!(kartla::version(), "1.0.0");
    assert_eq!(kartla::abi_version(), 1);
    let sections = kartla::sections();
    assert!(sections.contains(&"languages") && sections.contains(&"work_ability"), "{sections:?}");
    assert!(kartla::agency_roles().contains(&"validation_provider"));
    assert!(kartla::section_is_special_category("work_ability").unwrap());
    assert!(!kartla::section_is_special_category("languages").unwrap());
    assert_eq!(kartla::section_is_special_category("nope").unwrap_err().kind(), ErrorKind::InvalidArgument);
}

#[test]
fn passphrase_change_and_create_only_save() {
    let s = load("tests/bindings/scenario.json");
    let (mut owner, _) = Identity::create(b"first passphrase", &test_kdf(&s, 0)).unwrap();
    let dir = TempDir::new();
    let path = dir.file("owner.id");
    owner.save_new(&path).unwrap();
    assert_eq!(owner.save_new(&path).unwrap_err().kind(), ErrorKind::InvalidArgument, "the file exists");
    owner.set_passphrase(b"second passphrase").unwrap();
    owner.save(&path).unwrap();
    assert_eq!(Identity::open_file(&path, b"first passphrase").unwrap_err().kind(), ErrorKind::Auth);
    let reopened = Identity::open_file(&path, b"second passphrase").unwrap();
    assert_eq!(reopened.fingerprint().unwrap(), owner.fingerprint().unwrap());
}

#[test]
fn sections_removed_validated_and_special() {
    let s = load("tests/bindings/scenario.json");
    let (owner, _) = Identity::create(b"owner passphrase", &test_kdf(&s, 0)).unwrap();
    let mut record = Record::new(&owner).unwrap();
    let examples = repo().join("examples/sections");
    let work_ability = std::fs::read_to_string(examples.join("work_ability.json")).unwrap();
    let report = kartla::validate_section_json("work_ability", &work_ability).unwrap();
    assert!(report.valid && report.violations.is_empty(), "{report:?}");
    record.set_section_json("work_ability", &work_ability).unwrap();
    assert!(record.section_is_special("work_ability").unwrap());
    let bytes = record.section("work_ability").unwrap();
    assert!(kartla::validate_section("work_ability", &bytes).unwrap().valid);
    let broken = kartla::validate_section_json("profile", r#"{"no_such_field": 1}"#).unwrap();
    assert!(!broken.valid && !broken.violations.is_empty());
    assert!(record.has_section("work_ability").unwrap());
    record.remove_section("work_ability").unwrap();
    assert!(!record.has_section("work_ability").unwrap());
    assert_eq!(record.remove_section("work_ability").unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn receipts_provenance_and_trust_drafts() {
    let f = Fixture::new();
    let s = load("tests/bindings/scenario.json");
    let (owner, _) = Identity::create(b"owner passphrase", &test_kdf(&s, f.now)).unwrap();
    let mut record = Record::new(&owner).unwrap();
    record.set_clock(when(f.now)).unwrap();
    let examples = repo().join("examples/sections");
    record.set_section_json("languages", &std::fs::read_to_string(examples.join("languages.json")).unwrap()).unwrap();
    let grant = record.share(&f.agency_card, &["languages"], &kartla::ShareOptions::new("receipts")).unwrap();
    let path = f.dir.file("receipts.kartla");
    record.save(&path).unwrap();
    let receipt = experimental::record_receipt(&record, &grant).unwrap();
    let described = experimental::describe_receipt(&receipt, &owner.card().unwrap(), &f.agency_card).unwrap();
    assert_eq!((described.kind.as_str(), described.grant_id.as_str()), ("grant", grant.as_str()));
    assert_eq!(described.sections, ["languages"]);

    // The agency's provenance of what it may read: no attestation, so none trusted.
    let agency = f.agency();
    let share = Share::open_file(&path, &agency).unwrap();
    let provenance = experimental::share_provenance(&share, "languages", &[], None).unwrap();
    assert_eq!(provenance.section, "languages");
    assert!(!provenance.entries.is_empty());
    let refused = experimental::share_provenance(&share, "profile", &[], None).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::NotShared);

    // A trust list's next version: sequence + 1, its agencies kept, one removed.
    let (root, _) = experimental::create_trust_root("A root", b"root passphrase", &test_kdf(&s, f.now)).unwrap();
    let mut draft = experimental::TrustDraft::new(1).unwrap();
    draft.add(&f.agency_card, "validation_provider", when(f.now).unwrap(), None).unwrap();
    let list = draft.sign(&root, when(f.now), when(f.now + 86400 * 365).unwrap()).unwrap();
    let mut next = experimental::TrustDraft::next(&list).unwrap();
    assert_eq!(next.sequence().unwrap(), 2);
    assert!(next.remove(&f.agency_card).unwrap());
    assert!(!next.remove(&f.agency_card).unwrap());
    let described = experimental::verify_trust_list(&list, &root.card().unwrap(), 1, when(f.now + 60)).unwrap();
    assert_eq!(described.sequence, 1);
    let rollback = experimental::verify_trust_list(&list, &[], 2, when(f.now + 60)).unwrap_err();
    assert_eq!(rollback.kind(), ErrorKind::Rollback);

    // Verification from a file, and the owner's own record opened from bytes.
    assert_eq!(Verification::open_file(&path).unwrap().sequence().unwrap(), 1);
    let bytes = std::fs::read(&path).unwrap();
    let mine = Record::open(&bytes, &owner, &OpenOptions::default()).unwrap();
    assert_eq!(mine.sequence().unwrap(), 1);
}
