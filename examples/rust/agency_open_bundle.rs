// SPDX-License-Identifier: Apache-2.0
//! An agency system opening a share bundle through the Rust binding: unlock the agency's
//! identity, open the bundle (the owner's signature and the grant are checked here), refuse an
//! older copy than one already seen, list what the participant shared, and read one section as a
//! typed message (its hash, key commitment, binding and the grant's expiry are checked on that
//! call).
//!
//!     cargo run --example agency_open_bundle -- BUNDLE AGENCY_ID [LAST_SEEN]   # $KARTLA_PASSPHRASE
//!     cargo run --example agency_open_bundle -- --demo DIR   # plays the participant first, in DIR
//!
//! bindings/rust/README.md shows the function below; bindings/rust/kartla/tests/example.rs runs
//! it and checks that the README shows it as it is here.

use std::time::{Duration, SystemTime};

use kartla::{AgencyInfo, IdentityOptions, Record, ShareOptions};

// --- example: an agency reads one shared section ---
use kartla::{v1, ErrorKind, Identity, Share, Zeroizing};
use std::path::Path;

pub fn agency_reads(bundle: &Path, id: &Path, pass: Zeroizing<Vec<u8>>, seen: u64) -> kartla::Result<v1::Languages> {
    let agency = Identity::open_file(id, &pass)?; // ErrorKind::Auth: wrong passphrase
    drop(pass); // unlocked: the passphrase is wiped now
    let share = Share::open_file(bundle, &agency)?; // the owner's signature is checked here
    share.check_last_seen(seen)?; // ErrorKind::Rollback: an older copy than one already seen
    for g in share.describe()?.grants {
        println!("{} {} {} until {}", g.section, g.purpose, g.gdpr_art6_basis, g.expires_at);
    }
    share.section_message("languages", None).inspect_err(|e| {
        if e.kind() == ErrorKind::NotShared {
            eprintln!("not shared with us: {}", e.message()); // or Expired, Integrity, ...
        }
    })
}
// --- end of example ---

const LANGUAGES_JSON: &str = r#"{"entries": [{"id": "lang-sv", "language": {"system": "iso-639-1", "code": "sv"},
  "listening": {"system": "cefr", "code": "B1"}, "reading": {"system": "cefr", "code": "B1"},
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-05-02T09:00:00Z"}}]}"#;
const PROFILE_JSON: &str = r#"{"given_name": "Amina", "family_name": "Rahimi",
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-05-02T09:00:00Z"}}"#;
pub const DEMO_PASSPHRASE: &[u8] = b"agency passphrase";

/// The participant's side, so that the example runs on its own (the cheapest Argon2id: a demo).
/// Writes `agency.id` and `agency.bundle` into `folder`.
pub fn demo(folder: &Path) -> kartla::Result<()> {
    let cheap = IdentityOptions { kdf_opslimit: 3, kdf_memlimit_mib: 64, created_at: None };
    let (owner, _code) = Identity::create(b"participant's passphrase", &cheap)?;
    let info =
        AgencyInfo { name: "Landskrona stad", organisation_number: "212000-1140", role: "municipal_labour_unit" };
    let (agency, _code) = Identity::create_agency(&info, DEMO_PASSPHRASE, &cheap)?;
    agency.save(folder.join("agency.id"))?;
    let mut record = Record::new(&owner)?;
    record.set_section_json("languages", LANGUAGES_JSON)?;
    record.set_section_json("profile", PROFILE_JSON)?;
    let terms = ShareOptions {
        expires_at: Some(SystemTime::now() + Duration::from_secs(30 * 86400)),
        ..ShareOptions::new("Kartläggning")
    };
    let grant = record.share(&agency.card()?, &["languages"], &terms)?;
    record.save(folder.join("record.kartla"))?;
    record.export_bundle(&grant, folder.join("agency.bundle"))
}

#[allow(dead_code)] // the tests include this file for its functions
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, dir] if flag == "--demo" => demo(Path::new(dir)).and_then(|()| {
            let dir = Path::new(dir);
            agency_reads(
                &dir.join("agency.bundle"),
                &dir.join("agency.id"),
                Zeroizing::new(DEMO_PASSPHRASE.to_vec()),
                0,
            )
        }),
        [bundle, id, rest @ ..] if rest.len() <= 1 => {
            let last_seen = rest.first().map_or(0, |s| s.parse().expect("LAST_SEEN: a number"));
            let passphrase = Zeroizing::new(std::env::var("KARTLA_PASSPHRASE").unwrap_or_default().into_bytes());
            agency_reads(Path::new(bundle), Path::new(id), passphrase, last_seen)
        }
        _ => {
            eprintln!("usage: agency_open_bundle BUNDLE AGENCY_ID [LAST_SEEN] | --demo DIR");
            std::process::exit(2)
        }
    };
    match result {
        Ok(languages) => {
            for l in languages.entries {
                let language = l.language.unwrap_or_default();
                println!("{} ({})", language.code, language.system);
            }
        }
        Err(e) => {
            eprintln!("kartla: {e}");
            std::process::exit(1)
        }
    }
}
