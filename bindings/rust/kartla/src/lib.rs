// SPDX-License-Identifier: Apache-2.0
//! Kartla, the participant-owned competence-mapping record: the safe Rust API over the C ABI of
//! `libkartla` (`include/kartla/kartla.h`; raw declarations in the `kartla-sys` crate).
//!
//! - Handles ([`Identity`], [`Record`], [`Share`], [`Verification`],
//!   [`experimental::TrustDraft`]) free their C handle on `Drop`, wiping the keys it held.
//!   Ownership makes use after close impossible: `close(self)` consumes the handle, and a call
//!   on it afterwards does not compile, so no freed handle ever reaches C.
//! - Every failure is an [`Error`] with an [`ErrorKind`] per `kartla_status` and the library's
//!   message.
//! - Inputs are `&[u8]` / `&str`; plaintext comes back in [`Zeroizing`] buffers, wiped on drop;
//!   results and sections as the [`v1`] types generated from `proto/kartla/v1`.
//! - Times are [`std::time::SystemTime`]; `None` where the C ABI takes 0 for "now" (or "never").
//! - `Send`/`Sync` only where the header promises thread safety (each impl names the promise).
//!   A [`Record`] "must not be used by two threads at once" (record.h), so it is `Send` but not
//!   `Sync`, and sharing one between threads does not compile:
//!
//! ```compile_fail,E0277
//! fn shared_between_threads<T: Sync>(_: &T) {}
//! fn f(record: &kartla::Record) {
//!     shared_between_threads(record); // error[E0277]: `*mut kartla_record` cannot be shared
//! }
//! ```
//!
//! ```no_run
//! # fn main() -> kartla::Result<()> {
//! let agency = kartla::Identity::open_file("agency.id", b"passphrase")?;
//! let bundle = kartla::Share::open_file("agency.bundle", &agency)?;
//! let languages: kartla::v1::Languages = bundle.section_message("languages", None)?;
//! println!("{} languages", languages.entries.len());
//! # Ok(()) }
//! ```

mod error;
pub mod experimental;
mod identity;
mod raw;
mod record;
mod share;
mod verify;
mod views;

use std::ffi::{c_char, CStr};

pub use error::{Error, ErrorKind, Result};
pub use identity::{agency_roles, card_fingerprint, describe_card, AgencyInfo, Created, Identity, IdentityOptions};
pub use record::{validate_section, validate_section_json, OpenOptions, Record, ShareOptions, Validation};
pub use share::Share;
pub use verify::Verification;
pub use zeroize::Zeroizing;

/// The Rust types of `proto/kartla/v1` (protobuf package `kartla.v1`): one message per section
/// (`Languages` for "languages", ...) and the results the library returns.
#[allow(clippy::all, missing_docs)]
pub mod v1 {
    include!(concat!(env!("OUT_DIR"), "/kartla.v1.rs"));
}

pub(crate) fn static_text(text: *const c_char) -> Option<&'static str> {
    if text.is_null() {
        return None;
    }
    // SAFETY: the library's static, NUL-terminated text.
    unsafe { CStr::from_ptr(text) }.to_str().ok()
}

/// The library's version ("1.0.0").
pub fn version() -> &'static str {
    // SAFETY: static text.
    static_text(unsafe { kartla_sys::kartla_version() }).unwrap_or("")
}

/// The ABI version: the shared library's SOVERSION.
pub fn abi_version() -> u32 {
    // SAFETY: a constant.
    unsafe { kartla_sys::kartla_abi_version() }
}

/// The record sections, by name, in the library's order.
pub fn sections() -> Vec<&'static str> {
    // SAFETY: static data (common.h).
    let count = unsafe { kartla_sys::kartla_section_count() };
    (0..count).filter_map(|i| static_text(unsafe { kartla_sys::kartla_section_name(i) })).collect()
}

/// Whether a section holds special-category (health) data, never shared by a wildcard.
pub fn section_is_special_category(section: &str) -> Result<bool> {
    let name = raw::c_text("section_is_special_category", section)?;
    let mut out = 0;
    // SAFETY: valid name and output.
    error::check("section_is_special_category", unsafe {
        kartla_sys::kartla_section_is_special_category(name.as_ptr(), &mut out)
    })?;
    Ok(out != 0)
}
