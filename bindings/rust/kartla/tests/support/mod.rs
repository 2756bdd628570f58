// SPDX-License-Identifier: Apache-2.0
//! Helpers of the binding's tests: where the repository is, its JSON files, hex, times, a
//! temporary folder. KARTLA_REPO names the repository if the tests run from elsewhere.
#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

pub fn repo() -> PathBuf {
    match std::env::var_os("KARTLA_REPO") {
        Some(r) => PathBuf::from(r),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.."),
    }
}

/// A JSON file of the repository, e.g. "tests/vectors/record.json".
pub fn load(relative: &str) -> Value {
    let path = repo().join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn text<'a>(node: &'a Value, key: &str) -> &'a str {
    node[key].as_str().unwrap_or_else(|| panic!("{key} is not text in {node}"))
}

pub fn num(node: &Value, key: &str) -> i64 {
    node[key].as_i64().unwrap_or_else(|| panic!("{key} is not a number in {node}"))
}

pub fn list<'a>(node: &'a Value, key: &str) -> &'a Vec<Value> {
    node[key].as_array().unwrap_or_else(|| panic!("{key} is not a list"))
}

pub fn strings(node: &Value, key: &str) -> Vec<String> {
    list(node, key).iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

/// A vector's byte string (lowercase hex).
pub fn hex(node: &Value, key: &str) -> Vec<u8> {
    let h = text(node, key).as_bytes();
    assert!(h.len() % 2 == 0, "{key}: odd hex");
    let digit = |c: u8| (c as char).to_digit(16).unwrap_or_else(|| panic!("{key}: not hex")) as u8;
    h.chunks(2).map(|p| digit(p[0]) << 4 | digit(p[1])).collect()
}

/// Unix seconds as a time; 0 is the C ABI's "now", `None` in the binding.
pub fn when(seconds: i64) -> Option<SystemTime> {
    match seconds {
        0 => None,
        s if s > 0 => Some(UNIX_EPOCH + Duration::from_secs(s as u64)),
        s => Some(UNIX_EPOCH - Duration::from_secs(s.unsigned_abs())),
    }
}

/// The status name a result gives: "OK", or its error's (which must carry a message and a
/// known kind).
pub fn status_of<T>(result: &kartla::Result<T>) -> String {
    match result {
        Ok(_) => "OK".to_string(),
        Err(e) => {
            assert!(!e.message().is_empty(), "a failure carries a message: {e:?}");
            assert_ne!(e.kind(), kartla::ErrorKind::Unknown, "{e} arrived untyped");
            e.status_name().to_string()
        }
    }
}

/// A fresh folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "kartla-rust-{}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos()
        ));
        std::fs::create_dir(&dir).unwrap();
        TempDir(dir)
    }
    pub fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// scenario.json's KDF cost (the cheapest the library accepts), created at `created_at`.
pub fn test_kdf(s: &Value, created_at: i64) -> kartla::IdentityOptions {
    kartla::IdentityOptions {
        kdf_opslimit: num(&s["kdf"], "opslimit") as u32,
        kdf_memlimit_mib: num(&s["kdf"], "memlimit_mib") as u32,
        created_at: when(created_at),
    }
}

/// A record with three example sections, two shared with an agency until `now` + 30 days:
/// the files the thread and bad-input tests read.
pub struct Fixture {
    pub dir: TempDir,
    pub now: i64,
    pub agency_passphrase: Vec<u8>,
    pub agency_path: PathBuf,
    pub bundle_path: PathBuf,
    pub record_path: PathBuf,
    pub owner_card: Vec<u8>,
    pub agency_card: Vec<u8>,
    /// section name -> protobuf bytes, for the shared ones
    pub shared: std::collections::BTreeMap<String, Vec<u8>>,
    pub not_shared: String,
}

impl Fixture {
    pub fn new() -> Fixture {
        let s = load("tests/bindings/scenario.json");
        let now = num(&s["clock"], "now");
        let kdf = test_kdf(&s, now - 86400);
        let dir = TempDir::new();
        let (owner, _) = kartla::Identity::create(b"owner passphrase", &kdf).unwrap();
        let agency_passphrase = b"agency passphrase".to_vec();
        let info = kartla::AgencyInfo {
            name: "Valideringscentrum Skåne",
            organisation_number: "212000-1140",
            role: "validation_provider",
        };
        let (agency, _) = kartla::Identity::create_agency(&info, &agency_passphrase, &kdf).unwrap();
        let agency_path = dir.file("agency.id");
        agency.save(&agency_path).unwrap();
        let mut record = kartla::Record::new(&owner).unwrap();
        record.set_clock(when(now)).unwrap();
        let examples = repo().join("examples/sections");
        for name in ["profile", "languages", "education"] {
            let json = std::fs::read_to_string(examples.join(format!("{name}.json"))).unwrap();
            record.set_section_json(name, &json).unwrap();
        }
        let terms = kartla::ShareOptions {
            expires_at: when(now + 30 * 86400),
            granted_at: when(now),
            ..kartla::ShareOptions::new("tests")
        };
        let grant = record.share(&agency.card().unwrap(), &["profile", "languages"], &terms).unwrap();
        let record_path = dir.file("record.kartla");
        record.save(&record_path).unwrap();
        let bundle_path = dir.file("agency.bundle");
        record.export_bundle(&grant, &bundle_path).unwrap();
        let shared =
            ["profile", "languages"].iter().map(|n| (n.to_string(), record.section(n).unwrap().to_vec())).collect();
        Fixture {
            now,
            agency_passphrase,
            agency_path,
            bundle_path,
            record_path,
            owner_card: owner.card().unwrap(),
            agency_card: agency.card().unwrap(),
            shared,
            not_shared: "education".to_string(),
            dir,
        }
    }

    /// A time within the grant.
    pub fn read_at(&self) -> Option<SystemTime> {
        when(self.now + 86400)
    }

    /// A time after the grant's expiry.
    pub fn late(&self) -> Option<SystemTime> {
        when(self.now + 31 * 86400)
    }

    pub fn agency(&self) -> kartla::Identity {
        kartla::Identity::open_file(&self.agency_path, &self.agency_passphrase).unwrap()
    }
}
