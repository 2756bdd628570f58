// SPDX-License-Identifier: Apache-2.0
//! examples/rust/agency_open_bundle.rs: its agency example runs against a bundle its demo makes
//! and returns the shared section; bindings/rust/README.md shows the example as it is in the file.

mod support;

#[allow(dead_code)] // main() is the example's, not the test's
#[path = "../../../../examples/rust/agency_open_bundle.rs"]
mod example;

use std::path::Path;

use kartla::{ErrorKind, Zeroizing};
use support::*;

#[test]
fn the_agency_example_reads_the_shared_languages() {
    let dir = TempDir::new();
    example::demo(&dir.0).unwrap();
    let passphrase = Zeroizing::new(example::DEMO_PASSPHRASE.to_vec());
    let (bundle, id) = (dir.file("agency.bundle"), dir.file("agency.id"));
    let languages = example::agency_reads(&bundle, &id, passphrase, 0).unwrap();
    let codes: Vec<String> = languages.entries.iter().map(|l| l.language.clone().unwrap_or_default().code).collect();
    assert_eq!(codes, ["sv"]);

    // Its failures are the binding's typed errors.
    let wrong = example::agency_reads(&bundle, &id, Zeroizing::new(b"not it".to_vec()), 0).unwrap_err();
    assert_eq!(wrong.kind(), ErrorKind::Auth);
    let passphrase = Zeroizing::new(example::DEMO_PASSPHRASE.to_vec());
    let newer_seen = example::agency_reads(&bundle, &id, passphrase, 2).unwrap_err();
    assert_eq!(newer_seen.kind(), ErrorKind::Rollback);
}

fn between_markers(text: &str) -> String {
    let start = text.find("// --- example:").expect("the example's start marker");
    let end = text.find("// --- end of example ---").expect("the example's end marker");
    text[start..end].to_string()
}

#[test]
fn the_readme_shows_the_example_as_it_is() {
    let source = std::fs::read_to_string(repo().join("examples/rust/agency_open_bundle.rs")).unwrap();
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    let shown = between_markers(&source);
    assert!(readme.contains(&shown), "bindings/rust/README.md does not show the example as it is:\n{shown}");
    let body = shown.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("// ---")).count();
    assert!(body <= 25, "the example is {body} lines");
}
