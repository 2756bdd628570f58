// SPDX-License-Identifier: Apache-2.0
//! What every wrapper needs to cross the C ABI: library buffers that are always freed (and so
//! wiped), C strings that cannot carry a NUL byte in, times as Unix seconds, and results decoded
//! from protobuf.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use kartla_sys as sys;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// A `kartla_buffer` the library fills; dropping it calls `kartla_buffer_free`, which wipes the
/// guarded memory, on every path (a `?` included).
pub(crate) struct Buffer(sys::kartla_buffer);

impl Buffer {
    pub(crate) fn new() -> Buffer {
        Buffer(sys::KARTLA_BUFFER_INIT)
    }
    pub(crate) fn out(&mut self) -> *mut sys::kartla_buffer {
        &mut self.0
    }
    pub(crate) fn bytes(&self) -> &[u8] {
        if self.0.data.is_null() || self.0.len == 0 {
            return &[];
        }
        // SAFETY: the library wrote `len` bytes at `data`, valid until kartla_buffer_free (Drop).
        unsafe { std::slice::from_raw_parts(self.0.data, self.0.len) }
    }
    /// Public bytes (a card, a file, an id).
    pub(crate) fn to_vec(&self) -> Vec<u8> {
        self.bytes().to_vec()
    }
    /// Public text (an id, a fingerprint).
    pub(crate) fn text(&self, op: &'static str) -> Result<String> {
        String::from_utf8(self.to_vec()).map_err(|_| not_utf8(op))
    }
    /// Secret bytes: the one copy out of guarded memory, wiped when the caller drops it.
    pub(crate) fn secret(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.to_vec())
    }
    /// Secret text (a recovery code, section JSON), wiped when the caller drops it.
    pub(crate) fn secret_text(&self, op: &'static str) -> Result<Zeroizing<String>> {
        std::str::from_utf8(self.bytes()).map(|s| Zeroizing::new(s.to_owned())).map_err(|_| not_utf8(op))
    }
    /// A kartla.v1 result message (the call was made with KARTLA_ENCODING_PROTOBUF).
    pub(crate) fn message<M: prost::Message + Default>(&self, op: &'static str) -> Result<M> {
        decode(op, self.bytes())
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.0.len == 0
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        // SAFETY: a buffer the library filled or KARTLA_BUFFER_INIT; freeing NULL is a no-op.
        unsafe { sys::kartla_buffer_free(&mut self.0) }
    }
}

fn not_utf8(op: &'static str) -> Error {
    Error::binding(sys::KARTLA_E_INTERNAL, op, "the library returned text that is not UTF-8")
}

pub(crate) fn decode<M: prost::Message + Default>(op: &'static str, bytes: &[u8]) -> Result<M> {
    M::decode(bytes)
        .map_err(|e| Error::binding(sys::KARTLA_E_INTERNAL, op, format!("could not decode the result: {e}")))
}

/// A C string for a name, id or path; a NUL byte inside is misuse (it would cut the text short),
/// refused as C refuses its own misuse: E_INVALID_ARGUMENT.
pub(crate) fn c_text(op: &'static str, text: &str) -> Result<CString> {
    CString::new(text).map_err(|_| Error::binding(sys::KARTLA_E_INVALID_ARGUMENT, op, "text holds a NUL byte"))
}

pub(crate) fn c_path(op: &'static str, path: &Path) -> Result<CString> {
    CString::new(path.as_os_str().as_bytes())
        .map_err(|_| Error::binding(sys::KARTLA_E_INVALID_ARGUMENT, op, "the path holds a NUL byte"))
}

/// Unix seconds for the C ABI, where 0 means "now" (or "never" for an expiry): `None` is 0.
/// Times before 1970 are negative seconds; sub-second parts are dropped (the ABI counts
/// seconds).
pub(crate) fn unix(time: Option<SystemTime>) -> i64 {
    match time {
        None => 0,
        Some(t) => match t.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        },
    }
}
