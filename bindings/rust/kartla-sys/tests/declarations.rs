// SPDX-License-Identifier: Apache-2.0
//! The declarations of src/lib.rs against the C headers: every function the headers declare is
//! declared here with the same number of parameters, and nothing here is absent from them. So
//! a function added to the ABI, or a parameter added to one, cannot be forgotten silently.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn include_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../include/kartla")
}

/// name -> parameter count, from C text with comments and preprocessor lines removed.
fn c_functions(text: &str) -> BTreeMap<String, usize> {
    let mut code = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        rest = &rest[start + 2..];
        rest = &rest[rest.find("*/").expect("unterminated comment") + 2..];
    }
    code.push_str(rest);
    let code: String = code.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join(" ");
    let mut found = BTreeMap::new();
    for declaration in code.split(';').filter_map(|d| d.split_once("KARTLA_API").map(|(_, d)| d)) {
        let (head, params) = declaration.split_once('(').expect("a function declaration");
        let name = head.split(|c: char| !(c.is_alphanumeric() || c == '_')).rfind(|w| !w.is_empty()).unwrap();
        let params = params.trim().trim_end_matches(')').trim();
        let count = if params == "void" { 0 } else { params.split(',').count() };
        found.insert(name.to_string(), count);
    }
    found
}

fn rust_functions(text: &str) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for declaration in text.split("pub fn ").skip(1).filter(|d| d.starts_with("kartla_")) {
        let declaration = &declaration[..declaration.find(';').expect("a declaration ends with ';'")];
        let (name, params) = declaration.split_once('(').unwrap();
        let params = &params[..params.rfind(')').unwrap()];
        let count = params.split(',').filter(|p| !p.trim().is_empty()).count();
        found.insert(name.to_string(), count);
    }
    found
}

#[test]
fn every_header_function_is_declared_with_its_parameters() {
    let mut headers = BTreeMap::new();
    for dir in [include_dir(), include_dir().join("experimental")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "h") {
                headers.extend(c_functions(&std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let declared = rust_functions(include_str!("../src/lib.rs"));
    assert!(headers.len() > 100, "found only {} functions in the headers", headers.len());
    assert_eq!(headers, declared, "the headers (left) and src/lib.rs (right) differ");
}
