// SPDX-License-Identifier: Apache-2.0
//! Finds the installed libkartla through its kartla.pc (`cmake --install` writes it), as cgo's
//! `#cgo pkg-config: kartla` does for the Go binding. PKG_CONFIG_PATH names a prefix that is not
//! on pkg-config's default path.

fn main() {
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    // The ABI is SOVERSION 1; any 1.x library exports every function declared here.
    let library = pkg_config::Config::new().atleast_version("1.0.0").probe("kartla").unwrap_or_else(|e| {
        panic!(
            "libkartla not found through pkg-config ({e}); install it with \
                 `cmake --install BUILD --prefix PREFIX` and set PKG_CONFIG_PATH=PREFIX/lib/pkgconfig"
        )
    });
    // `links = "kartla"`: dependents' build scripts see DEP_KARTLA_LIBDIR (e.g. for an rpath).
    if let Some(dir) = library.link_paths.first() {
        println!("cargo:libdir={}", dir.display());
    }
}
