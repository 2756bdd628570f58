// SPDX-License-Identifier: Apache-2.0
//! Generates the Rust types of `proto/kartla/v1` (protobuf package `kartla.v1`: the sections and
//! the results the C ABI returns) with prost-build, which runs Debian's `protoc` (or $PROTOC).
//! The container schemas (package `kartla.v1.container`) are the library's own and are left out.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../../proto");
    let dir = root.join("kartla/v1");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("proto/kartla/v1")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "proto"))
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            text.lines().any(|l| l.trim() == "package kartla.v1;")
        })
        .collect();
    files.sort();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    prost_build::Config::new()
        .compile_protos(&files, &[root])
        .expect("protoc could not compile proto/kartla/v1 (is protobuf-compiler installed?)");
}
