// SPDX-License-Identifier: Apache-2.0
//! The owner's record (kartla/record.h) and the owner's side of sharing (kartla/share.h).

use std::ffi::CString;
use std::path::Path;
use std::ptr;
use std::time::SystemTime;

use kartla_sys as sys;
use zeroize::Zeroizing;

use crate::error::{check, Error, Result};
use crate::identity::Identity;
use crate::raw::{c_path, c_text, decode, unix, Buffer};
use crate::v1;

/// How to open a record (record.h, "Opening as the owner remembers versions").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// Open an older copy or a fork anyway instead of failing with `E_ROLLBACK`.
    pub accept_older: bool,
    /// The highest sequence the caller itself has seen (0 = none).
    pub last_seen: u64,
}

impl OpenOptions {
    fn raw(&self) -> sys::kartla_record_open_options {
        let mut raw = sys::kartla_record_open_options { version: 0, accept_older: 0, last_seen: 0 };
        // SAFETY: fills a caller-owned struct.
        unsafe { sys::kartla_record_open_options_init(&mut raw) };
        raw.accept_older = u32::from(self.accept_older);
        raw.last_seen = self.last_seen;
        raw
    }
}

/// The terms of a grant ([`Record::share`]).
#[derive(Debug, Clone, Copy)]
pub struct ShareOptions<'a> {
    /// What the agency may use the sections for (required).
    pub purpose: &'a str,
    /// The grant ends then; `None` = until revoked.
    pub expires_at: Option<SystemTime>,
    /// Recorded as the grant time; `None` = the record's clock.
    pub granted_at: Option<SystemTime>,
    /// GDPR Art. 6(1) basis, "6.1.a" to "6.1.f"; `None` = "6.1.a" (consent).
    pub gdpr_art6_basis: Option<&'a str>,
    /// GDPR Art. 9(2) exception, required when health data is shared.
    pub gdpr_art9_basis: Option<&'a str>,
}

impl<'a> ShareOptions<'a> {
    /// A grant for `purpose`, until revoked, on the Art. 6(1)(a) basis.
    pub fn new(purpose: &'a str) -> Self {
        ShareOptions { purpose, expires_at: None, granted_at: None, gdpr_art6_basis: None, gdpr_art9_basis: None }
    }
}

/// Content validation's verdict ([`validate_section`]).
pub type Validation = v1::ValidationReport;

/// The owner's record, unlocked. Dropping it wipes its keys (`kartla_record_free`).
pub struct Record {
    pub(crate) raw: *mut sys::kartla_record,
}

// SAFETY: record.h: "a kartla_record must not be used by two threads at once (it caches an open
// file). Different records may be used on different threads." So a Record may move to another
// thread (Send) but is not Sync: no two threads can hold `&Record` at once, and every call goes
// through `&self`/`&mut self` of its one owner.
unsafe impl Send for Record {}

impl Drop for Record {
    fn drop(&mut self) {
        // SAFETY: the handle is owned, freed once, here.
        unsafe { sys::kartla_record_free(self.raw) }
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record").field("id", &self.id().ok()).field("sequence", &self.sequence().ok()).finish()
    }
}

fn adopt(op: &'static str, status: sys::kartla_status, raw: *mut sys::kartla_record) -> Result<Record> {
    check(op, status)?;
    Ok(Record { raw })
}

impl Record {
    /// A new, empty record owned by `owner` (an owner's identity), not yet saved.
    pub fn new(owner: &Identity) -> Result<Record> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid handle and output.
        let status = unsafe { sys::kartla_record_new(owner.raw, &mut raw) };
        adopt("Record::new", status, raw)
    }

    /// Opens a record file's bytes (copied) as its owner.
    pub fn open(bytes: &[u8], owner: &Identity, options: &OpenOptions) -> Result<Record> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status = unsafe {
            sys::kartla_record_open_with_options(bytes.as_ptr(), bytes.len(), owner.raw, &options.raw(), &mut raw)
        };
        adopt("Record::open", status, raw)
    }

    /// Opens the owner's record file (held open: sections are read when asked for).
    pub fn open_file(path: impl AsRef<Path>, owner: &Identity, options: &OpenOptions) -> Result<Record> {
        let path = c_path("Record::open_file", path.as_ref())?;
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status =
            unsafe { sys::kartla_record_open_file_with_options(path.as_ptr(), owner.raw, &options.raw(), &mut raw) };
        adopt("Record::open_file", status, raw)
    }

    /// Saves the next version atomically (sequence + 1); ends every grant expired at the
    /// record's clock first.
    pub fn save(&mut self, path: impl AsRef<Path>) -> Result<()> {
        let path = c_path("Record::save", path.as_ref())?;
        // SAFETY: valid handle, exclusive through &mut self.
        check("Record::save", unsafe { sys::kartla_record_save(self.raw, path.as_ptr()) })
    }

    /// The time the owner's operations use where they take none; `None` = the system clock.
    pub fn set_clock(&mut self, now: Option<SystemTime>) -> Result<()> {
        // SAFETY: valid handle.
        check("Record::set_clock", unsafe { sys::kartla_record_set_clock(self.raw, unix(now)) })
    }

    /// The record id: 32 lowercase hex digits.
    pub fn id(&self) -> Result<String> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Record::id", unsafe { sys::kartla_record_id(self.raw, out.out()) })?;
        out.text("Record::id")
    }

    /// The sequence of the version last opened or saved (0 if never saved).
    pub fn sequence(&self) -> Result<u64> {
        let mut out = 0;
        // SAFETY: valid handle and output.
        check("Record::sequence", unsafe { sys::kartla_record_sequence(self.raw, &mut out) })?;
        Ok(out)
    }

    /// The sections the record holds.
    pub fn sections(&self) -> Result<v1::SectionList> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Record::sections", unsafe {
            sys::kartla_record_sections(self.raw, sys::KARTLA_ENCODING_PROTOBUF, out.out())
        })?;
        out.message("Record::sections")
    }

    /// Whether the record holds `section`.
    pub fn has_section(&self, section: &str) -> Result<bool> {
        let name = c_text("Record::has_section", section)?;
        let mut out = 0;
        // SAFETY: valid handle, name and output.
        check("Record::has_section", unsafe { sys::kartla_record_has_section(self.raw, name.as_ptr(), &mut out) })?;
        Ok(out != 0)
    }

    /// Replaces a section's content with protobuf bytes of its message, stored as given.
    pub fn set_section(&mut self, section: &str, protobuf: &[u8]) -> Result<()> {
        let name = c_text("Record::set_section", section)?;
        // SAFETY: valid handle, name and input.
        check("Record::set_section", unsafe {
            sys::kartla_record_set_section(self.raw, name.as_ptr(), protobuf.as_ptr(), protobuf.len())
        })
    }

    /// Replaces a section's content from protobuf JSON.
    pub fn set_section_json(&mut self, section: &str, json: &str) -> Result<()> {
        let name = c_text("Record::set_section_json", section)?;
        // SAFETY: valid handle, name and input.
        check("Record::set_section_json", unsafe {
            sys::kartla_record_set_section_json(self.raw, name.as_ptr(), json.as_ptr(), json.len())
        })
    }

    /// A section's content as protobuf bytes, decrypted straight into the returned buffer
    /// (`kartla_record_section_into`): one copy of the plaintext, wiped when it is dropped.
    pub fn section(&self, section: &str) -> Result<Zeroizing<Vec<u8>>> {
        let mut out = Zeroizing::new(vec![0u8; self.section_size(section)?]);
        let used = self.section_into(section, &mut out)?;
        out.truncate(used); // the tail stays in the allocation; Zeroizing wipes the whole capacity
        Ok(out)
    }

    /// The capacity [`Record::section_into`] needs: the section's padded length.
    pub fn section_size(&self, section: &str) -> Result<usize> {
        let name = c_text("Record::section_size", section)?;
        let mut out = 0;
        // SAFETY: valid handle, name and output.
        check("Record::section_size", unsafe { sys::kartla_record_section_size(self.raw, name.as_ptr(), &mut out) })?;
        Ok(out)
    }

    /// Decrypts a section into `out` (at least [`Record::section_size`] bytes) and returns the
    /// content's length. On failure nothing of the section is left in `out`.
    pub fn section_into(&self, section: &str, out: &mut [u8]) -> Result<usize> {
        let name = c_text("Record::section_into", section)?;
        let mut used = 0;
        // SAFETY: `out` is valid for out.len() bytes; the library writes at most that many.
        check("Record::section_into", unsafe {
            sys::kartla_record_section_into(self.raw, name.as_ptr(), out.as_mut_ptr(), out.len(), &mut used)
        })?;
        Ok(used)
    }

    /// A section's content as protobuf JSON (snake_case field names).
    pub fn section_json(&self, section: &str) -> Result<Zeroizing<String>> {
        let name = c_text("Record::section_json", section)?;
        let mut out = Buffer::new();
        // SAFETY: valid handle, name and output.
        check("Record::section_json", unsafe { sys::kartla_record_section_json(self.raw, name.as_ptr(), out.out()) })?;
        out.secret_text("Record::section_json")
    }

    /// A section's content as its typed message (`v1::Languages` for "languages"); the protobuf
    /// bytes it was decoded from are wiped.
    pub fn section_message<M: prost::Message + Default>(&self, section: &str) -> Result<M> {
        decode("Record::section_message", &self.section(section)?)
    }

    /// Removes a section. `E_NOT_FOUND` if absent.
    pub fn remove_section(&mut self, section: &str) -> Result<()> {
        let name = c_text("Record::remove_section", section)?;
        // SAFETY: valid handle and name.
        check("Record::remove_section", unsafe { sys::kartla_record_remove_section(self.raw, name.as_ptr()) })
    }

    /// Grants `sections` to the agency whose card is `card`; returns the grant id (32 hex
    /// digits). Reaches the disk with [`Record::save`].
    pub fn share(&mut self, card: &[u8], sections: &[&str], options: &ShareOptions<'_>) -> Result<String> {
        const OP: &str = "Record::share";
        let names = sections.iter().map(|s| c_text(OP, s)).collect::<Result<Vec<CString>>>()?;
        let name_ptrs: Vec<_> = names.iter().map(|n| n.as_ptr()).collect();
        let purpose = c_text(OP, options.purpose)?;
        let art6 = options.gdpr_art6_basis.map(|b| c_text(OP, b)).transpose()?;
        let art9 = options.gdpr_art9_basis.map(|b| c_text(OP, b)).transpose()?;
        let mut raw = sys::kartla_record_share_options {
            version: 0,
            purpose: ptr::null(),
            expires_at: 0,
            now: 0,
            gdpr_art6_basis: ptr::null(),
            gdpr_art9_basis: ptr::null(),
            tell_involved: 0,
        };
        // SAFETY: fills a caller-owned struct.
        unsafe { sys::kartla_record_share_options_init(&mut raw) };
        raw.purpose = purpose.as_ptr();
        raw.expires_at = unix(options.expires_at);
        raw.now = unix(options.granted_at);
        raw.gdpr_art6_basis = art6.as_ref().map_or(ptr::null(), |b| b.as_ptr());
        raw.gdpr_art9_basis = art9.as_ref().map_or(ptr::null(), |b| b.as_ptr());
        let mut out = Buffer::new();
        // SAFETY: every string outlives the call; the library keeps no pointer to them.
        check(OP, unsafe {
            sys::kartla_record_share(
                self.raw,
                card.as_ptr(),
                card.len(),
                name_ptrs.as_ptr(),
                name_ptrs.len(),
                &raw,
                out.out(),
            )
        })?;
        out.text(OP)
    }

    /// Whether sharing `section` would share health data (GDPR Art. 9).
    pub fn section_is_special(&self, section: &str) -> Result<bool> {
        let name = c_text("Record::section_is_special", section)?;
        let mut out = 0;
        // SAFETY: valid handle, name and output.
        check("Record::section_is_special", unsafe {
            sys::kartla_record_section_is_special(self.raw, name.as_ptr(), &mut out)
        })?;
        Ok(out != 0)
    }

    /// Writes the share bundle of one grant, atomically (the record must be saved).
    pub fn export_bundle(&self, grant_id: &str, path: impl AsRef<Path>) -> Result<()> {
        let id = c_text("Record::export_bundle", grant_id)?;
        let path = c_path("Record::export_bundle", path.as_ref())?;
        // SAFETY: valid handle and strings.
        check("Record::export_bundle", unsafe {
            sys::kartla_record_export_bundle(self.raw, id.as_ptr(), path.as_ptr())
        })
    }

    /// Revokes every grant to the agency whose card is `card`, at `at` (`None` = the record's
    /// clock). What was shared cannot be unshared: this protects what is written afterwards.
    pub fn revoke(&mut self, card: &[u8], at: Option<SystemTime>) -> Result<v1::RevocationSummary> {
        let mut out = Buffer::new();
        // SAFETY: valid handle, input and output.
        check("Record::revoke", unsafe {
            sys::kartla_record_revoke(
                self.raw,
                card.as_ptr(),
                card.len(),
                unix(at),
                sys::KARTLA_ENCODING_PROTOBUF,
                out.out(),
            )
        })?;
        out.message("Record::revoke")
    }

    /// Frees the handle now, wiping its keys (what dropping it does); later use does not
    /// compile.
    ///
    /// ```compile_fail,E0382
    /// # fn f(record: kartla::Record) {
    /// record.close();
    /// record.sequence(); // error[E0382]: borrow of moved value: `record`
    /// # }
    /// ```
    pub fn close(self) {}
}

/// Validates section content (protobuf bytes) against the rules of docs/MODEL.md: the report
/// lists every violation (none when valid). Other failures (an unknown section, content over
/// the limit) are errors.
pub fn validate_section(section: &str, protobuf: &[u8]) -> Result<Validation> {
    validate("validate_section", section, protobuf, sys::kartla_validate_section)
}

/// As [`validate_section`], for protobuf JSON.
pub fn validate_section_json(section: &str, json: &str) -> Result<Validation> {
    validate("validate_section_json", section, json.as_bytes(), sys::kartla_validate_section_json)
}

type Validator = unsafe extern "C" fn(
    *const std::ffi::c_char,
    *const u8,
    usize,
    sys::kartla_encoding,
    *mut sys::kartla_buffer,
) -> sys::kartla_status;

fn validate(op: &'static str, section: &str, content: &[u8], validator: Validator) -> Result<Validation> {
    let name = c_text(op, section)?;
    let mut out = Buffer::new();
    // SAFETY: valid name, input and output.
    let status =
        unsafe { validator(name.as_ptr(), content.as_ptr(), content.len(), sys::KARTLA_ENCODING_PROTOBUF, out.out()) };
    // E_SCHEMA comes with a report (record.h: the exception to the house rule on outputs).
    match check(op, status) {
        Err(e) if status == sys::KARTLA_E_SCHEMA && !out.is_empty() => {
            let report: Validation = out.message(op)?;
            if report.valid {
                return Err(Error::binding(sys::KARTLA_E_INTERNAL, op, format!("E_SCHEMA with a valid report: {e}")));
            }
            Ok(report)
        }
        Err(e) => Err(e),
        Ok(()) => out.message(op),
    }
}
