// SPDX-License-Identifier: Apache-2.0
//! The agency's side of sharing (kartla/share.h): a share bundle or a record file opened with
//! the agency's identity.

use std::path::Path;
use std::ptr;
use std::time::SystemTime;

use kartla_sys as sys;
use zeroize::Zeroizing;

use crate::error::{check, Result};
use crate::identity::Identity;
use crate::raw::{c_path, c_text, decode, unix, Buffer};
use crate::v1;

/// A share bundle or record file opened by an agency. Every read is checked against the
/// owner's signature, the section's hash and key commitment, and the grant's expiry.
pub struct Share {
    pub(crate) raw: *mut sys::kartla_share,
}

// SAFETY: share.h: "a kartla_share is immutable once opened and may be used by several threads
// at once"; common.h: every function may be called from any thread. So it may move (Send) and
// be shared by reference (Sync); it has no `&mut self` method.
unsafe impl Send for Share {}
unsafe impl Sync for Share {}

impl Drop for Share {
    fn drop(&mut self) {
        // SAFETY: the handle is owned, freed once, here.
        unsafe { sys::kartla_share_free(self.raw) }
    }
}

impl std::fmt::Debug for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Share").field("sequence", &self.sequence().ok()).finish()
    }
}

fn adopt(op: &'static str, status: sys::kartla_status, raw: *mut sys::kartla_share) -> Result<Share> {
    check(op, status)?;
    Ok(Share { raw })
}

impl Share {
    /// Opens a bundle's (or record file's) bytes as `agency`. The owner's signature is checked
    /// here; the library keeps no pointer to `agency`, which may be dropped afterwards.
    pub fn open(bytes: &[u8], agency: &Identity) -> Result<Share> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status = unsafe { sys::kartla_share_open(bytes.as_ptr(), bytes.len(), agency.raw, &mut raw) };
        adopt("Share::open", status, raw)
    }

    /// Opens a bundle or record file as `agency`.
    pub fn open_file(path: impl AsRef<Path>, agency: &Identity) -> Result<Share> {
        let path = c_path("Share::open_file", path.as_ref())?;
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status = unsafe { sys::kartla_share_open_file(path.as_ptr(), agency.raw, &mut raw) };
        adopt("Share::open_file", status, raw)
    }

    /// A granted section's protobuf bytes, checked at `at` (`None` = now), decrypted straight
    /// into the returned buffer (`kartla_share_section_into`): one copy, wiped when dropped.
    /// `E_NOT_SHARED` if no grant of this agency covers it; `E_EXPIRED` if the grants have
    /// expired.
    pub fn section(&self, section: &str, at: Option<SystemTime>) -> Result<Zeroizing<Vec<u8>>> {
        let mut out = Zeroizing::new(vec![0u8; self.section_size(section, at)?]);
        let used = self.section_into(section, at, &mut out)?;
        out.truncate(used); // the tail stays in the allocation; Zeroizing wipes the whole capacity
        Ok(out)
    }

    /// The capacity [`Share::section_into`] needs (the padded length), with the same checks.
    pub fn section_size(&self, section: &str, at: Option<SystemTime>) -> Result<usize> {
        let name = c_text("Share::section_size", section)?;
        let mut out = 0;
        // SAFETY: valid handle, name and output.
        check("Share::section_size", unsafe {
            sys::kartla_share_section_size(self.raw, name.as_ptr(), unix(at), &mut out)
        })?;
        Ok(out)
    }

    /// Decrypts a granted section into `out` and returns the content's length; on failure
    /// nothing of the section is left in `out`. Wipe `out` yourself when done.
    pub fn section_into(&self, section: &str, at: Option<SystemTime>, out: &mut [u8]) -> Result<usize> {
        let name = c_text("Share::section_into", section)?;
        let mut used = 0;
        // SAFETY: `out` is valid for out.len() bytes; the library writes at most that many.
        check("Share::section_into", unsafe {
            sys::kartla_share_section_into(self.raw, name.as_ptr(), unix(at), out.as_mut_ptr(), out.len(), &mut used)
        })?;
        Ok(used)
    }

    /// A granted section as protobuf JSON.
    pub fn section_json(&self, section: &str, at: Option<SystemTime>) -> Result<Zeroizing<String>> {
        let name = c_text("Share::section_json", section)?;
        let mut out = Buffer::new();
        // SAFETY: valid handle, name and output.
        check("Share::section_json", unsafe {
            sys::kartla_share_section_json(self.raw, name.as_ptr(), unix(at), out.out())
        })?;
        out.secret_text("Share::section_json")
    }

    /// A granted section as its typed message; the protobuf bytes it was decoded from are
    /// wiped (the message's own strings cannot be: README.md, "Memory").
    pub fn section_message<M: prost::Message + Default>(&self, section: &str, at: Option<SystemTime>) -> Result<M> {
        decode("Share::section_message", &self.section(section, at)?)
    }

    /// What this file gives the agency: one entry per granted section.
    pub fn describe(&self) -> Result<v1::ShareDescription> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Share::describe", unsafe {
            sys::kartla_share_describe(self.raw, sys::KARTLA_ENCODING_PROTOBUF, out.out())
        })?;
        out.message("Share::describe")
    }

    /// The sequence of the version this file holds.
    pub fn sequence(&self) -> Result<u64> {
        let mut out = 0;
        // SAFETY: valid handle and output.
        check("Share::sequence", unsafe { sys::kartla_share_sequence(self.raw, &mut out) })?;
        Ok(out)
    }

    /// `E_ROLLBACK` if this copy is older than `last_seen`.
    pub fn check_last_seen(&self, last_seen: u64) -> Result<()> {
        // SAFETY: valid handle.
        check("Share::check_last_seen", unsafe { sys::kartla_share_check_last_seen(self.raw, last_seen) })
    }

    /// Pins the owner: Ok if the file is signed by the owner whose card is `card`.
    pub fn check_owner(&self, card: &[u8]) -> Result<()> {
        // SAFETY: valid handle and input.
        check("Share::check_owner", unsafe { sys::kartla_share_check_owner(self.raw, card.as_ptr(), card.len()) })
    }

    /// Frees the handle now (what dropping it does); later use does not compile.
    ///
    /// ```compile_fail,E0382
    /// # fn f(share: kartla::Share) {
    /// share.close();
    /// share.sequence(); // error[E0382]: borrow of moved value: `share`
    /// # }
    /// ```
    pub fn close(self) {}
}
