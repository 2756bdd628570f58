// SPDX-License-Identifier: Apache-2.0
//! The reading vectors of tests/vectors through the Rust binding: what
//! tests/vectors/check_library.cpp checks through the C ABI, for identity.json, record.json,
//! negative.json, bundle.json, bundle_negative.json, attest.json, attest_negative.json,
//! receipt.json and content.json. A positive vector must give its expected output; a negative one
//! exactly its status, as a typed error (or, for content.json, exactly its violations). (primitives.json tests building blocks under the ABI, which no
//! binding can reach.)

mod support;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use kartla::{experimental, v1, Identity, OpenOptions, Record, Share, Verification};
use serde_json::Value;
use support::*;

fn doc(name: &str) -> Value {
    load(&format!("tests/vectors/{name}"))
}

/// identity.json's owner, opened once for every test of this file (Identity is Sync: the C
/// header lets const calls on it run on several threads at once).
fn owner() -> &'static Identity {
    static OWNER: OnceLock<Identity> = OnceLock::new();
    OWNER.get_or_init(|| {
        let v = doc("identity.json");
        Identity::open(&hex(&v, "identity_file"), text(&v, "passphrase").as_bytes()).unwrap()
    })
}

fn agencies() -> &'static BTreeMap<String, Identity> {
    static AGENCIES: OnceLock<BTreeMap<String, Identity>> = OnceLock::new();
    AGENCIES.get_or_init(|| {
        list(&doc("bundle.json"), "agencies")
            .iter()
            .map(|a| {
                let identity = Identity::open(&hex(a, "identity_file"), text(a, "passphrase").as_bytes()).unwrap();
                (text(a, "label").to_string(), identity)
            })
            .collect()
    })
}

/// Every vector file is judged on its own: an older copy or a fork is opened, not a rollback.
fn open_owned(data: &[u8]) -> kartla::Result<Record> {
    Record::open(data, owner(), &OpenOptions { accept_older: true, last_seen: 0 })
}

// -- identity.json --------------------------------------------------------------------------------

#[test]
fn identity_opens_and_shows_card_and_fingerprint() {
    let v = doc("identity.json");
    // Its own copy: the shared owner() remembers the records other tests open, which its file
    // bytes then carry (record.h, "Opening as the owner remembers versions").
    let owner = Identity::open(&hex(&v, "identity_file"), text(&v, "passphrase").as_bytes()).unwrap();
    assert_eq!(owner.card().unwrap(), hex(&v, "card_file"));
    assert_eq!(owner.fingerprint().unwrap(), text(&v, "fingerprint"));
    assert!(owner.file_bytes().unwrap() == hex(&v, "identity_file"), "re-encoding changes no byte");
    assert_eq!(kartla::card_fingerprint(&hex(&v, "card_file")).unwrap(), text(&v, "fingerprint"));
}

#[test]
fn identity_recovery_code_variants() {
    let v = doc("identity.json");
    let file = hex(&v, "identity_file");
    let variants = list(&v, "recovery_code_variants");
    assert!(!variants.is_empty());
    for variant in variants {
        assert_eq!(text(variant, "result"), "OK");
        let recovered = Identity::recover(&file, text(variant, "code").as_bytes()).unwrap();
        assert_eq!(recovered.card().unwrap(), hex(&v, "card_file"), "{}", text(variant, "comment"));
    }
}

// -- record.json ------------------------------------------------------------------------------------

fn check_report(report: &v1::VerificationReport, expected_json: &str) {
    let e: Value = serde_json::from_str(expected_json).unwrap();
    let n = |k: &str| -> u64 { e[k].as_str().map_or_else(|| e[k].as_u64().unwrap(), |s| s.parse().unwrap()) };
    assert_eq!(report.record_id, text(&e, "record_id"));
    assert_eq!(report.owner_fingerprint, text(&e, "owner_fingerprint"));
    assert_eq!(report.sequence, n("sequence"));
    assert_eq!(report.previous_manifest_hash, text(&e, "previous_manifest_hash"));
    assert_eq!(report.kind, text(&e, "kind"));
    assert_eq!(u64::from(report.sections_listed), n("sections_listed"));
    assert_eq!(u64::from(report.sections_present), n("sections_present"));
    assert_eq!(report.section_bytes, n("section_bytes"));
    assert_eq!(u64::from(report.grants_listed), n("grants_listed"));
    assert_eq!(u64::from(report.grants_present), n("grants_present"));
    assert_eq!(report.file_bytes, n("file_bytes"));
}

#[test]
fn record_versions_verify_without_a_key() {
    let d = doc("record.json");
    for version in list(&d, "versions") {
        let v = Verification::open(&hex(version, "file")).unwrap();
        assert_eq!(v.sequence().unwrap() as i64, num(version, "sequence"));
        assert_eq!(v.record_id().unwrap(), text(version, "record_id"));
        assert_eq!(v.owner_fingerprint().unwrap(), text(&d["owner"], "fingerprint"));
        assert_eq!(v.previous_hash().unwrap(), text(version, "previous_manifest_hash"));
        check_report(&v.report().unwrap(), text(version, "verification_json"));
        let json: Value = serde_json::from_str(&v.report_json().unwrap()).unwrap();
        assert_eq!(json["record_id"], version["record_id"]);
        for check in list(version, "last_seen_checks") {
            let got = v.check_last_seen(num(check, "last_seen") as u64);
            assert_eq!(status_of(&got), text(check, "result"));
        }
    }
}

#[test]
fn record_owner_reads_every_section() {
    for version in list(&doc("record.json"), "versions") {
        let record = open_owned(&hex(version, "file")).unwrap();
        assert_eq!(record.id().unwrap(), text(version, "record_id"));
        assert_eq!(record.sequence().unwrap() as i64, num(version, "sequence"));
        let held = kartla::sections().iter().filter(|n| record.has_section(n).unwrap()).count();
        assert_eq!(held, list(version, "sections").len());
        for section in list(version, "sections") {
            let name = text(section, "name");
            assert_eq!(*record.section(name).unwrap(), hex(section, "content"), "{name}");
            let size = record.section_size(name).unwrap();
            assert_eq!(size as i64, num(section, "ciphertext_length") - 40, "the padded length");
            let mut buffer = vec![0u8; size];
            let used = record.section_into(name, &mut buffer).unwrap();
            assert_eq!(buffer[..used], hex(section, "content"));
        }
    }
}

// -- negative.json, bundle_negative.json --------------------------------------------------------------

fn run_check(data: &[u8], check: &Value) -> String {
    match text(check, "operation") {
        "verify" => status_of(&Verification::open(data)),
        "open_record" => status_of(&open_owned(data)),
        "read_section" => status_of(&open_owned(data).expect("must open").section(text(check, "section"))),
        "open_identity" => status_of(&Identity::open(data, text(check, "passphrase").as_bytes())),
        "recover_identity" => status_of(&Identity::recover(data, text(check, "recovery_code").as_bytes())),
        "open_share" => status_of(&Share::open(data, &agencies()[text(check, "agency")])),
        "read_share_section" => {
            let share = Share::open(data, &agencies()[text(check, "agency")]).expect("must open");
            status_of(&share.section(text(check, "section"), when(num(check, "at"))))
        }
        "card_fingerprint" => status_of(&kartla::card_fingerprint(data)),
        op => panic!("unknown operation {op}"),
    }
}

fn negative(name: &str) {
    let vectors = list(&doc(name), "vectors").clone();
    assert!(!vectors.is_empty());
    let mut wrong = Vec::new();
    let mut checks = 0;
    for vector in &vectors {
        let data = hex(vector, "input");
        for check in list(vector, "checks") {
            checks += 1;
            let got = run_check(&data, check);
            if got != text(check, "result") {
                wrong.push(format!(
                    "tc {} {} {}: {got}, expected {}",
                    vector["tc_id"],
                    text(vector, "name"),
                    text(check, "operation"),
                    text(check, "result")
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} of {checks} checks wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn negative_vectors() {
    negative("negative.json");
}

#[test]
fn bundle_negative_vectors() {
    negative("bundle_negative.json");
}

// -- bundle.json --------------------------------------------------------------------------------------

#[test]
fn bundle_agencies_show_cards_and_fingerprints() {
    for a in list(&doc("bundle.json"), "agencies") {
        let identity = &agencies()[text(a, "label")];
        assert_eq!(identity.card().unwrap(), hex(a, "card_file"));
        assert_eq!(identity.fingerprint().unwrap(), text(a, "fingerprint"));
    }
}

#[test]
fn bundle_files_verify_with_their_reports() {
    let d = doc("bundle.json");
    for name in ["record", "bundle", "revoked", "expired"] {
        let v = Verification::open(&hex(&d[name], "file")).unwrap();
        check_report(&v.report().unwrap(), text(&d[name], "verification_json"));
        assert_eq!(v.sequence().unwrap() as i64, num(&d[name], "sequence"));
    }
}

#[test]
fn bundle_agencies_see_purpose_and_bases() {
    let d = doc("bundle.json");
    let file = hex(&d["record"], "file");
    for grant in list(&d["record"], "grants") {
        let terms = &grant["terms_fields"];
        let share = Share::open(&file, &agencies()[text(grant, "recipient")]).unwrap();
        let described = share.describe().unwrap().grants;
        assert_eq!(described.len(), list(terms, "sections").len());
        for (shared, section) in described.iter().zip(list(terms, "sections")) {
            assert_eq!(shared.section, text(section, "name"));
            assert_eq!(shared.purpose, text(terms, "purpose"));
            assert_eq!(shared.gdpr_art6_basis, text(terms, "gdpr_art6_basis"));
            assert_eq!(shared.gdpr_art9_basis, text(terms, "gdpr_art9_basis"));
            assert_eq!(shared.granted_at, num(terms, "granted_at"));
            assert_eq!(shared.expires_at, num(terms, "expires_at"));
            assert!(shared.present && shared.current);
        }
    }
}

#[test]
fn bundle_is_pinned_to_the_owner() {
    let share = Share::open(&hex(&doc("bundle.json")["bundle"], "file"), &agencies()["agency_a"]).unwrap();
    share.check_owner(&owner().card().unwrap()).unwrap();
    let other = share.check_owner(&agencies()["agency_b"].card().unwrap());
    assert_eq!(status_of(&other), "E_INVALID_ARGUMENT");
}

#[test]
fn bundle_reads() {
    let d = doc("bundle.json");
    let reads = list(&d, "reads");
    assert!(!reads.is_empty());
    for r in reads {
        let share = Share::open(&hex(&d[text(r, "input")], "file"), &agencies()[text(r, "agency")]).unwrap();
        let got = share.section(text(r, "section"), when(num(r, "at")));
        assert_eq!(status_of(&got), text(r, "result"), "{}", text(r, "comment"));
        if let Ok(content) = got {
            assert_eq!(*content, hex(r, "content"), "{}", text(r, "comment"));
        }
    }
}

// -- attest.json, attest_negative.json ------------------------------------------------------------------

fn labelled<'a>(node: &'a Value, key: &str, label: &str) -> &'a Value {
    list(node, key).iter().find(|i| text(i, "label") == label).unwrap_or_else(|| panic!("no {key} labelled {label}"))
}

fn trust_list_named(container: &Value, label: &str) -> Vec<u8> {
    match label {
        "" => Vec::new(),
        "input_list" => hex(container, "foreign_trust_list"),
        _ => hex(labelled(&doc("attest.json"), "trust_lists", label), "file"),
    }
}

fn check_attestation(file: &[u8], check: &Value, container: &Value) {
    let attest = doc("attest.json");
    let owner_card = hex(labelled(&attest, "owners", text(check, "owner")), "card_file");
    let entry = hex(check, "entry");
    let entry_ref = experimental::EntryRef {
        owner_card: &owner_card,
        record_id: text(check, "record_id"),
        section: text(check, "section"),
        entry_id: text(check, "entry_id"),
        entry: &entry,
    };
    let trust_list = trust_list_named(container, text(check, "trust_list"));
    let judged = experimental::verify_attestation(file, &entry_ref, &trust_list, when(num(check, "now"))).unwrap();
    let what = text(check, "comment");
    assert_eq!(status_of(&judged.result), text(check, "result"), "{what}");
    if text(check, "verdict").is_empty() {
        assert!(judged.report.is_none(), "{what}: a report where none is made");
        return;
    }
    let report = judged.report.unwrap_or_else(|| panic!("{what}: no report"));
    assert_eq!(report.verdict, text(check, "verdict"), "{what}");
    assert_eq!(report.finding, text(check, "finding"), "{what}");
    if text(check, "verdict") != "invalid" {
        assert_eq!(report.entry_id, text(check, "entry_id"), "{what}");
    }
}

fn verify_list(file: &[u8], check: &Value) -> String {
    let root = match text(check, "expected_root") {
        "" => Vec::new(),
        label => hex(labelled(&doc("attest.json"), "roots", label), "card_file"),
    };
    let described =
        experimental::verify_trust_list(file, &root, num(check, "last_seen") as u64, when(num(check, "now")));
    status_of(&described)
}

#[test]
fn attestation_checks() {
    let d = doc("attest.json");
    let file = hex(&d["attestation"], "file");
    let checks = list(&d, "attestation_checks");
    assert!(!checks.is_empty());
    for check in checks {
        check_attestation(&file, check, &d);
    }
}

#[test]
fn trust_list_checks() {
    let d = doc("attest.json");
    let checks = list(&d, "trust_list_checks");
    for check in checks {
        let file = hex(labelled(&d, "trust_lists", text(check, "input")), "file");
        assert_eq!(verify_list(&file, check), text(check, "result"), "{}", text(check, "comment"));
    }
    let current = labelled(&d, "trust_lists", "current");
    let described =
        experimental::verify_trust_list(&hex(current, "file"), &[], 0, when(num(&checks[0], "now"))).unwrap();
    let listed = described.agencies.first().expect("agencies listed");
    let fields = &list(&current["fields"], "agencies")[0];
    assert_eq!(listed.fingerprint, text(&d["agency"], "fingerprint"));
    assert_eq!(listed.valid_from, num(fields, "valid_from"));
    assert_eq!(listed.valid_until, num(fields, "valid_until"));
    assert_eq!(described.root.unwrap().fingerprint, text(labelled(&d, "roots", "root"), "fingerprint"));
}

#[test]
fn contribution_checks() {
    let d = doc("attest.json");
    let c = &d["contribution"];
    let file = hex(c, "file");
    for check in list(&d, "contribution_checks") {
        let now = when(num(check, "now"));
        match text(check, "operation") {
            "describe_contribution" => {
                assert_eq!(text(check, "result"), "OK");
                let record_id = Some(text(check, "record_id")).filter(|r| !r.is_empty());
                let described = experimental::describe_contribution(owner(), &file, record_id, now).unwrap();
                assert_eq!(described.entry_id, text(c, "entry_id"));
                assert_eq!(described.record_id, text(&d["record"], "record_id"));
                assert_eq!(described.sender.unwrap().fingerprint, text(&d["agency"], "fingerprint"));
            }
            "accept_contribution" => {
                let mut record = open_owned(&hex(&d["record"], "file")).unwrap();
                let added = experimental::accept_contribution(&mut record, owner(), &file, now).unwrap();
                assert_eq!(i64::from(added), num(check, "added"));
                let entry = experimental::section_entry(
                    "competences",
                    &record.section("competences").unwrap(),
                    text(c, "entry_id"),
                )
                .unwrap();
                assert_eq!(*entry, hex(&c["fields"], "entry"));
                assert!(
                    !experimental::accept_contribution(&mut record, owner(), &file, now).unwrap(),
                    "twice: no change"
                );
            }
            op => panic!("unknown operation {op}"),
        }
    }
}

#[test]
fn listed_entries_are_the_exact_bytes() {
    let record = &doc("attest.json")["record"];
    let content = hex(record, "content");
    for e in list(record, "entries") {
        let entry = experimental::section_entry("competences", &content, text(e, "entry_id")).unwrap();
        assert_eq!(*entry, hex(e, "entry"));
    }
}

#[test]
fn attest_negative() {
    let d = doc("attest_negative.json");
    let attest = doc("attest.json");
    let mut checks = 0;
    for vector in list(&d, "vectors") {
        let data = hex(vector, "input");
        for check in list(vector, "checks") {
            checks += 1;
            let what = format!("{} / {}", text(vector, "name"), text(check, "comment"));
            let now = when(check.get("now").and_then(Value::as_i64).unwrap_or(0));
            match text(check, "operation") {
                "verify_attestation" => check_attestation(&data, check, &d),
                "verify_trust_list" => assert_eq!(verify_list(&data, check), text(check, "result"), "{what}"),
                "describe_contribution" => {
                    let record_id = Some(text(check, "record_id")).filter(|r| !r.is_empty());
                    let got = experimental::describe_contribution(owner(), &data, record_id, now);
                    assert_eq!(status_of(&got), text(check, "result"), "{what}");
                }
                "accept_contribution" => {
                    let mut record = open_owned(&hex(&attest["record"], "file")).unwrap();
                    let got = experimental::accept_contribution(&mut record, owner(), &data, now);
                    assert_eq!(status_of(&got), text(check, "result"), "{what}");
                    assert_eq!(i64::from(*got.as_ref().unwrap_or(&false)), num(check, "added"), "{what}");
                    if got.is_err() {
                        // A refused contribution leaves the section as it was (SPEC §13.5).
                        assert_eq!(
                            *record.section("competences").unwrap(),
                            hex(&attest["record"], "content"),
                            "{what}"
                        );
                    }
                }
                "verify_record" => assert_eq!(status_of(&Verification::open(&data)), text(check, "result"), "{what}"),
                op => panic!("unknown operation {op}"),
            }
        }
    }
    assert!(checks > 0);
}

// -- receipt.json -----------------------------------------------------------------------------------------

#[test]
fn receipts_verify_pinned_and_describe_their_fields() {
    let d = doc("receipt.json");
    let owner_card = hex(&d["owner"], "card_file");
    let receipts = list(&d, "receipts");
    assert!(!receipts.is_empty());
    for r in receipts {
        let agency_card = hex(&d["agency_cards"], text(r, "agency"));
        let described = experimental::describe_receipt(&hex(r, "file"), &owner_card, &agency_card).unwrap();
        let f = &r["fields"];
        assert_eq!(described.kind, if num(f, "kind") == 1 { "grant" } else { "termination" });
        assert_eq!(described.record_id, text(f, "record_id"));
        assert_eq!(described.grant_id, text(f, "grant_id"));
        assert_eq!(described.owner_fingerprint, text(r, "owner_fingerprint"));
        assert_eq!(described.agency_fingerprint, text(r, "agency_fingerprint"));
        assert_eq!(described.agency_name, text(f, "agency_name"));
        assert_eq!(described.sections, strings(f, "sections"));
        assert_eq!(described.purpose, text(f, "purpose"));
        assert_eq!(described.gdpr_art6_basis, text(f, "gdpr_art6_basis"));
        assert_eq!(described.gdpr_art9_basis, text(f, "gdpr_art9_basis"));
        assert_eq!(described.granted_at, num(f, "granted_at"));
        assert_eq!(described.expires_at, num(f, "expires_at"));
        assert_eq!(described.ended_at, num(f, "ended_at"));
        let reason = match num(f, "end_reason") {
            1 => "revoked",
            2 => "expired",
            _ => "",
        };
        assert_eq!(described.end_reason, reason);
        assert_eq!(described.sequence as i64, num(f, "sequence"));
        assert_eq!(described.manifest_hash, text(f, "manifest_hash"));
    }
}

#[test]
fn receipt_negatives() {
    for v in list(&doc("receipt.json"), "negative") {
        let got = experimental::describe_receipt(&hex(v, "input"), &hex(v, "owner_card"), &hex(v, "agency_card"));
        assert_eq!(status_of(&got), text(v, "result"), "{}: {}", text(v, "name"), text(v, "comment"));
    }
}

// -- content.json -----------------------------------------------------------------------------------------

/// A violation as content.json names it: (field path, rule id).
type Found = Vec<(String, String)>;

/// What one content.json vector gives through `kartla::validate_section`, or why it disagrees
/// with the vector; `None` when it agrees.
fn content_mismatch(v: &Value) -> Option<String> {
    let section = text(v, "section");
    let valid = v["valid"].as_bool().unwrap_or_else(|| panic!("valid is not a bool in {v}"));
    let expected: Found =
        list(v, "violations").iter().map(|e| (text(e, "field").to_string(), text(e, "rule").to_string())).collect();
    // The file's own promise, checked so a vector cannot contradict itself unnoticed.
    assert_eq!(valid, expected.is_empty(), "{}: valid must mean no violations", text(v, "name"));
    let report = match kartla::validate_section(section, &hex(v, "content")) {
        Ok(report) => report,
        Err(e) => return Some(format!("validate_section failed: {e}")),
    };
    let found: Found = report.violations.iter().map(|x| (x.field.clone(), x.rule.clone())).collect();
    if report.section != section || report.valid != valid || report.valid != found.is_empty() || found != expected {
        return Some(format!(
            "section {:?}, valid {}, violations {found:?}; expected section {section:?}, valid {valid}, violations {expected:?}",
            report.section, report.valid
        ));
    }
    None
}

#[test]
fn content_vectors_give_exactly_their_violations() {
    let d = doc("content.json");
    let vectors = list(&d, "vectors");
    assert!(!vectors.is_empty(), "content.json holds no vectors");
    let wrong: Vec<String> = vectors
        .iter()
        .filter_map(|v| {
            content_mismatch(v)
                .map(|why| format!("tc_id {} {} ({}): {why}", num(v, "tc_id"), text(v, "name"), text(v, "comment")))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "content.json: {} of {} vectors disagree:\n{}",
        wrong.len(),
        vectors.len(),
        wrong.join("\n")
    );
    println!("content.json: {} vectors, each with exactly its violations", vectors.len());
}
