// SPDX-License-Identifier: Apache-2.0
//! Verification of a record or bundle by anyone, without keys (kartla/verify.h).

use std::path::Path;
use std::ptr;

use kartla_sys as sys;

use crate::error::{check, Result};
use crate::raw::{c_path, Buffer};
use crate::v1;

/// A verified record or bundle: the owner's signature over the manifest, every entry and grant
/// covered by it, every section body's hash.
pub struct Verification {
    raw: *mut sys::kartla_verification,
}

// SAFETY: verify.h: "a kartla_verification is immutable and may be shared between threads".
unsafe impl Send for Verification {}
unsafe impl Sync for Verification {}

impl Drop for Verification {
    fn drop(&mut self) {
        // SAFETY: the handle is owned, freed once, here.
        unsafe { sys::kartla_verification_free(self.raw) }
    }
}

impl std::fmt::Debug for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verification").field("sequence", &self.sequence().ok()).finish()
    }
}

impl Verification {
    /// Verifies a file's bytes.
    pub fn open(bytes: &[u8]) -> Result<Verification> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid input and output.
        check("Verification::open", unsafe { sys::kartla_verification_open(bytes.as_ptr(), bytes.len(), &mut raw) })?;
        Ok(Verification { raw })
    }

    /// Verifies a file.
    pub fn open_file(path: impl AsRef<Path>) -> Result<Verification> {
        let path = c_path("Verification::open_file", path.as_ref())?;
        let mut raw = ptr::null_mut();
        // SAFETY: valid input and output.
        check("Verification::open_file", unsafe { sys::kartla_verification_open_file(path.as_ptr(), &mut raw) })?;
        Ok(Verification { raw })
    }

    /// The verified copy's sequence.
    pub fn sequence(&self) -> Result<u64> {
        let mut out = 0;
        // SAFETY: valid handle and output.
        check("Verification::sequence", unsafe { sys::kartla_verification_sequence(self.raw, &mut out) })?;
        Ok(out)
    }

    fn text(
        &self,
        op: &'static str,
        f: unsafe extern "C" fn(*const sys::kartla_verification, *mut sys::kartla_buffer) -> sys::kartla_status,
    ) -> Result<String> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check(op, unsafe { f(self.raw, out.out()) })?;
        out.text(op)
    }

    /// The record id (32 hex digits).
    pub fn record_id(&self) -> Result<String> {
        self.text("Verification::record_id", sys::kartla_verification_record_id)
    }

    /// The owner's fingerprint.
    pub fn owner_fingerprint(&self) -> Result<String> {
        self.text("Verification::owner_fingerprint", sys::kartla_verification_owner_fingerprint)
    }

    /// The previous manifest's hash (64 hex digits; empty for the first version).
    pub fn previous_hash(&self) -> Result<String> {
        self.text("Verification::previous_hash", sys::kartla_verification_previous_hash)
    }

    /// The whole report (docs/SPEC.md §8).
    pub fn report(&self) -> Result<v1::VerificationReport> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Verification::report", unsafe {
            sys::kartla_verification_report(self.raw, sys::KARTLA_ENCODING_PROTOBUF, out.out())
        })?;
        out.message("Verification::report")
    }

    /// The report as the library's protobuf JSON.
    pub fn report_json(&self) -> Result<String> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Verification::report_json", unsafe {
            sys::kartla_verification_report(self.raw, sys::KARTLA_ENCODING_JSON, out.out())
        })?;
        out.text("Verification::report_json")
    }

    /// `E_ROLLBACK` if the verified copy is older than `last_seen`.
    pub fn check_last_seen(&self, last_seen: u64) -> Result<()> {
        // SAFETY: valid handle.
        check("Verification::check_last_seen", unsafe { sys::kartla_verification_check_last_seen(self.raw, last_seen) })
    }

    /// Frees the handle now (what dropping it does).
    pub fn close(self) {}
}
