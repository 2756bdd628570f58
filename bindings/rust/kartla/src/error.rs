// SPDX-License-Identifier: Apache-2.0
//! Errors: every failure of the library arrives as one `Error`, carrying the status the C call
//! returned and the message `kartla_last_error()` gave for it on the same thread.

use std::ffi::CStr;
use std::fmt;

use kartla_sys as sys;

/// What went wrong, one variant per `kartla_status` of `kartla/common.h`. Decide on the kind,
/// never on the message: its wording is not part of the ABI's promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `E_INVALID_ARGUMENT`: misuse (an unknown section name, a string with a NUL byte, ...).
    InvalidArgument,
    /// `E_FORMAT`: malformed, truncated, trailing data, non-canonical encoding.
    Format,
    /// `E_LIMIT`: input larger than a documented limit.
    Limit,
    /// `E_VERSION`: a format version this library does not read.
    Version,
    /// `E_SIGNATURE`: a signature does not verify, or something is not covered by one.
    Signature,
    /// `E_INTEGRITY`: a section failed authentication.
    Integrity,
    /// `E_AUTH`: wrong passphrase or recovery code, or not this identity's record.
    Auth,
    /// `E_NOT_SHARED`: this reader holds no grant for the section.
    NotShared,
    /// `E_EXPIRED`: a grant or other signed statement is past its validity.
    Expired,
    /// `E_ROLLBACK`: an older copy than one already seen.
    Rollback,
    /// `E_NOT_FOUND`: the section (entry, grant) is not there.
    NotFound,
    /// `E_SCHEMA`: content does not match the section's schema or its rules.
    Schema,
    /// `E_IO`: the operating system refused a read or write.
    Io,
    /// `E_BUSY`: another program is saving the record, or saved it since it was opened.
    Busy,
    /// `E_NO_MEMORY`.
    NoMemory,
    /// `E_CRYPTO`: libsodium could not be initialised.
    Crypto,
    /// `E_INTERNAL`: a bug in Kartla (or the binding).
    Internal,
    /// A status this version of the binding does not know (a newer library's): see
    /// [`Error::status`] and [`Error::status_name`].
    Unknown,
}

impl ErrorKind {
    /// The kind of a `kartla_status` value; `None` for `KARTLA_OK`.
    pub fn from_status(status: i32) -> Option<ErrorKind> {
        use ErrorKind::*;
        Some(match status {
            sys::KARTLA_OK => return None,
            sys::KARTLA_E_INVALID_ARGUMENT => InvalidArgument,
            sys::KARTLA_E_FORMAT => Format,
            sys::KARTLA_E_LIMIT => Limit,
            sys::KARTLA_E_VERSION => Version,
            sys::KARTLA_E_SIGNATURE => Signature,
            sys::KARTLA_E_INTEGRITY => Integrity,
            sys::KARTLA_E_AUTH => Auth,
            sys::KARTLA_E_NOT_SHARED => NotShared,
            sys::KARTLA_E_EXPIRED => Expired,
            sys::KARTLA_E_ROLLBACK => Rollback,
            sys::KARTLA_E_NOT_FOUND => NotFound,
            sys::KARTLA_E_SCHEMA => Schema,
            sys::KARTLA_E_IO => Io,
            sys::KARTLA_E_BUSY => Busy,
            sys::KARTLA_E_NO_MEMORY => NoMemory,
            sys::KARTLA_E_CRYPTO => Crypto,
            sys::KARTLA_E_INTERNAL => Internal,
            _ => Unknown,
        })
    }
}

/// A failed call: the status, its kind, the library's message and the operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    status: i32,
    kind: ErrorKind,
    op: &'static str,
    message: String,
}

/// `Result<T, kartla::Error>`.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The kind of failure, one per status.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// The `kartla_status` value the C call returned.
    pub fn status(&self) -> i32 {
        self.status
    }
    /// `kartla_status_name(status)`: "E_NOT_SHARED", ...; "UNKNOWN" for a status the library
    /// does not name.
    pub fn status_name(&self) -> &'static str {
        status_name(self.status)
    }
    /// The library's message (`kartla_last_error()` of the failing call), or the binding's own
    /// for misuse it catches before calling C. Never empty.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The binding's name of the failed operation, e.g. "Share::section".
    pub fn operation(&self) -> &'static str {
        self.op
    }

    /// An error the binding finds itself, before or after calling C (a NUL byte in a name, a
    /// result it cannot decode), with the status C gives for the same class.
    pub(crate) fn binding(status: i32, op: &'static str, message: impl Into<String>) -> Error {
        Error {
            status,
            kind: ErrorKind::from_status(status).unwrap_or(ErrorKind::Internal),
            op,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.op, self.status_name(), self.message)
    }
}

impl std::error::Error for Error {}

pub(crate) fn status_name(status: i32) -> &'static str {
    // SAFETY: kartla_status_name returns static text for every int (common.h).
    let name = unsafe { CStr::from_ptr(sys::kartla_status_name(status)) };
    name.to_str().unwrap_or("UNKNOWN")
}

/// Turns a status into a Result. The message is read here, straight after the call on the same
/// OS thread, as common.h requires ("Errors and threads"): a Rust thread is an OS thread and
/// nothing runs between the call and this read.
pub(crate) fn check(op: &'static str, status: sys::kartla_status) -> Result<()> {
    let Some(kind) = ErrorKind::from_status(status) else {
        return Ok(());
    };
    // SAFETY: never NULL, valid until the next Kartla call on this thread; copied at once.
    let message = unsafe { CStr::from_ptr(sys::kartla_last_error()) }.to_string_lossy().into_owned();
    let message = if message.is_empty() { status_name(status).to_string() } else { message };
    Err(Error { status, kind, op, message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_kind_and_the_library_name() {
        let mut kinds = std::collections::HashSet::new();
        for status in sys::KARTLA_E_INVALID_ARGUMENT..=sys::KARTLA_E_INTERNAL {
            let kind = ErrorKind::from_status(status).unwrap();
            assert_ne!(kind, ErrorKind::Unknown, "status {status}");
            assert!(kinds.insert(kind), "two statuses map to {kind:?}");
            let name = status_name(status);
            assert!(name.starts_with("E_"), "{status}: {name}");
            // The variant is the status name in CamelCase: E_NOT_SHARED is NotShared.
            let camel: String = name[2..].split('_').map(|w| w[..1].to_string() + &w[1..].to_lowercase()).collect();
            assert_eq!(format!("{kind:?}"), camel);
        }
        assert_eq!(ErrorKind::from_status(sys::KARTLA_OK), None);
        assert_eq!(ErrorKind::from_status(99), Some(ErrorKind::Unknown));
        assert_eq!(status_name(99), "UNKNOWN");
    }

    #[test]
    fn a_failure_carries_status_message_and_operation() {
        assert_eq!(check("op", sys::KARTLA_OK), Ok(()));
        let e = check("Share::section", sys::KARTLA_E_NOT_SHARED).unwrap_err();
        assert_eq!((e.kind(), e.status(), e.status_name()), (ErrorKind::NotShared, 8, "E_NOT_SHARED"));
        assert!(!e.message().is_empty(), "never empty, even with no library message");
        assert!(e.to_string().starts_with("Share::section: E_NOT_SHARED: "), "{e}");
    }
}
