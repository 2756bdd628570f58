// SPDX-License-Identifier: Apache-2.0
//! Bad input: truncated, empty and garbage files, the wrong kind of file or card, bad names and
//! buffers. Each is the typed error of the class the C ABI gives, never a panic or a crash, and
//! never plaintext.

mod support;

use kartla::{experimental, ErrorKind, Identity, OpenOptions, Record, Share, Verification};
use support::*;

fn want<T: std::fmt::Debug>(what: &str, kind: ErrorKind, result: kartla::Result<T>) {
    match result {
        Err(e) => {
            assert_eq!(e.kind(), kind, "{what}: {e}");
            assert!(!e.message().is_empty(), "{what}: no message");
        }
        Ok(v) => panic!("{what}: succeeded with {v:?}, want {kind:?}"),
    }
}

#[test]
fn broken_files_are_typed_errors() {
    let f = Fixture::new();
    let agency = f.agency();
    let bundle = std::fs::read(&f.bundle_path).unwrap();
    let truncated = &bundle[..bundle.len() / 2];
    want("a truncated bundle", ErrorKind::Format, Share::open(truncated, &agency));
    want("a truncated bundle verified", ErrorKind::Format, Verification::open(truncated));
    want("no bytes at all", ErrorKind::Format, Verification::open(&[]));
    want("a bundle as an identity file", ErrorKind::Format, Identity::open(&bundle, b"x"));
    want("a truncated card", ErrorKind::Format, kartla::card_fingerprint(&f.owner_card[..f.owner_card.len() - 1]));
    want("a missing file", ErrorKind::Io, Share::open_file(f.dir.file("missing"), &agency));
    let mut trailing = bundle.clone();
    trailing.extend_from_slice(b"trailing");
    want("trailing garbage", ErrorKind::Format, Verification::open(&trailing));
    want("another owner's bundle opened as a record", ErrorKind::Auth, {
        let s = load("tests/bindings/scenario.json");
        let (owner, _) = Identity::create(b"another owner", &test_kdf(&s, f.now)).unwrap();
        Record::open(&bundle, &owner, &OpenOptions::default())
    });
}

#[test]
fn every_truncation_of_a_bundle_fails() {
    let f = Fixture::new();
    let agency = f.agency();
    let bundle = std::fs::read(&f.bundle_path).unwrap();
    for cut in 0..bundle.len() {
        let head = &bundle[..cut];
        let verified = Verification::open(head);
        assert!(verified.is_err(), "{cut} bytes verified");
        let opened = Share::open(head, &agency);
        let e = opened.expect_err("a truncated bundle opened");
        assert!(matches!(e.kind(), ErrorKind::Format | ErrorKind::Limit), "{cut} bytes: {e}");
    }
}

/// xorshift64*: reproducible random bytes without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[test]
fn garbage_and_flipped_bytes_never_crash_and_never_read() {
    let f = Fixture::new();
    let agency = f.agency();
    let bundle = std::fs::read(&f.bundle_path).unwrap();
    let mut rng = Rng(0x4b61_7274_6c61_2121);
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for _ in 0..200 {
        let mut flipped = bundle.clone();
        let at = (rng.next() % flipped.len() as u64) as usize;
        flipped[at] ^= 1 << (rng.next() % 8);
        inputs.push(flipped);
    }
    for len in [1, 7, 16, 64, 1024, 4096] {
        inputs.push((0..len).map(|_| rng.next() as u8).collect());
    }
    for input in &inputs {
        // Every reader of untrusted bytes: a result or a typed error, and a flipped bundle is
        // never read (the owner's signature, hashes and AEAD cover every byte that matters).
        for result in [
            Verification::open(input).map(|_| ()),
            kartla::card_fingerprint(input).map(|_| ()),
            kartla::describe_card(input).map(|_| ()),
            experimental::describe_receipt(input, &[], &[]).map(|_| ()),
            experimental::verify_trust_list(input, &[], 0, None).map(|_| ()),
            experimental::section_entry("competences", input, "x").map(|_| ()),
            kartla::validate_section("profile", input).map(|_| ()),
        ] {
            if let Err(e) = result {
                assert_ne!(e.kind(), ErrorKind::Unknown, "{e}");
                assert_ne!(e.kind(), ErrorKind::Internal, "{e}");
            }
        }
        if let Ok(share) = Share::open(input, &agency) {
            // Only a flip the format ignores may open; then the content is still the owner's.
            for (name, content) in &f.shared {
                if let Ok(read) = share.section(name, f.read_at()) {
                    assert_eq!(*read, *content, "a flipped bundle read different content");
                }
            }
        }
    }
}

#[test]
fn wrong_kinds_names_and_buffers() {
    let f = Fixture::new();
    let agency = f.agency();
    let share = Share::open_file(&f.bundle_path, &agency).unwrap();

    // The wrong kind of identity or card.
    want("an agency's card as the owner's", ErrorKind::InvalidArgument, share.check_owner(&f.agency_card));
    want("an agency owning a record", ErrorKind::InvalidArgument, Record::new(&agency));
    want("an agency opening a record as owner", ErrorKind::InvalidArgument, {
        Record::open_file(&f.record_path, &agency, &OpenOptions::default())
    });
    assert!(experimental::describe_receipt(&[], &f.agency_card, &[]).is_err(), "an empty receipt described");

    // Names: unknown, empty, or with a NUL byte C would cut at.
    for name in ["no_such_section", "", "languages\0", "languages\0education"] {
        want(&format!("section {name:?}"), ErrorKind::InvalidArgument, share.section(name, f.read_at()));
    }
    let mut nul_path = f.bundle_path.clone().into_os_string();
    nul_path.push("\0.other");
    want("a path with a NUL byte", ErrorKind::InvalidArgument, Share::open_file(&nul_path, &agency));

    // Buffers: too small, none; content that is no message of the section.
    let size = share.section_size("languages", f.read_at()).unwrap();
    let mut small = vec![0u8; size - 1];
    want("a buffer too small", ErrorKind::InvalidArgument, share.section_into("languages", f.read_at(), &mut small));
    assert!(small.iter().all(|&b| b == 0), "a refused read left bytes in the buffer");
    want("no buffer", ErrorKind::InvalidArgument, share.section_into("languages", f.read_at(), &mut []));
    let garbage = kartla::validate_section("languages", &[0xff, 0xff, 0xff]).unwrap();
    assert!(!garbage.valid && garbage.violations.iter().any(|v| v.rule == "schema-parse"), "{garbage:?}");
    want("an unknown section validated", ErrorKind::InvalidArgument, kartla::validate_section("nope", &[]));
    // A typed message of the wrong type: prost decodes what it can, so the guard is the
    // section name the library checks, not the Rust type (README.md, "Typed messages").
    let profile: kartla::Result<kartla::v1::Profile> = share.section_message("profile", f.read_at());
    assert!(profile.is_ok());
}
