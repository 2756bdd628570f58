// SPDX-License-Identifier: Apache-2.0
//! Identities of owners and agencies (kartla/identity.h), and public cards.

use std::path::Path;
use std::ptr;
use std::time::SystemTime;

use kartla_sys as sys;
use zeroize::Zeroizing;

use crate::error::{check, Result};
use crate::raw::{c_path, c_text, unix, Buffer};
use crate::v1;

/// The cost of Argon2id and the card's creation time, for a new identity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IdentityOptions {
    /// Argon2id passes; 0 = the library's default (3); allowed 3..16.
    pub kdf_opslimit: u32,
    /// Argon2id memory in MiB; 0 = the library's default (256); allowed 64..1024.
    pub kdf_memlimit_mib: u32,
    /// Written into the card; `None` = now.
    pub created_at: Option<SystemTime>,
}

impl IdentityOptions {
    pub(crate) fn raw(&self) -> sys::kartla_identity_options {
        let mut raw = sys::kartla_identity_options { version: 0, kdf_opslimit: 0, kdf_memlimit_mib: 0, created_at: 0 };
        // SAFETY: fills a caller-owned struct.
        unsafe { sys::kartla_identity_options_init(&mut raw) };
        raw.kdf_opslimit = self.kdf_opslimit;
        raw.kdf_memlimit_mib = self.kdf_memlimit_mib;
        raw.created_at = unix(self.created_at);
        raw
    }
}

/// What an agency's card says of it.
#[derive(Debug, Clone, Copy)]
pub struct AgencyInfo<'a> {
    /// Required, at most 256 bytes.
    pub name: &'a str,
    /// Swedish NNNNNN-NNNN (Luhn-checked) or Finnish Y-tunnus NNNNNNN-N.
    pub organisation_number: &'a str,
    /// One of [`agency_roles`].
    pub role: &'a str,
}

/// An unlocked identity: an owner's, an agency's or a trust root's keys. Dropping it wipes the
/// keys (`kartla_identity_free`).
pub struct Identity {
    pub(crate) raw: *mut sys::kartla_identity,
}

// SAFETY: identity.h: "a kartla_identity may be used from several threads at once by the
// functions that take it as `const kartla_identity *`" - every `&self` method here calls only
// those - and common.h: "every function may be called from any thread", so the handle may move
// between threads (Send) and be shared by reference (Sync). The two calls that need exclusive use
// (kartla_identity_set_passphrase, kartla_identity_use_state_folder) take `&mut self`.
unsafe impl Send for Identity {}
unsafe impl Sync for Identity {}

impl Drop for Identity {
    fn drop(&mut self) {
        // SAFETY: the handle is owned, freed once, here.
        unsafe { sys::kartla_identity_free(self.raw) }
    }
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity").field("fingerprint", &self.fingerprint().ok()).finish()
    }
}

/// A new identity and its recovery code: show the code to the person once; it is never stored.
pub type Created = (Identity, Zeroizing<String>);

impl Identity {
    fn adopt(op: &'static str, status: sys::kartla_status, raw: *mut sys::kartla_identity) -> Result<Identity> {
        check(op, status)?;
        Ok(Identity { raw })
    }

    /// A new owner identity, unlocked, locked on disk under `passphrase` (not empty).
    pub fn create(passphrase: &[u8], options: &IdentityOptions) -> Result<Created> {
        let (mut raw, mut code) = (ptr::null_mut(), Buffer::new());
        // SAFETY: valid inputs and outputs (house rules of common.h).
        let status = unsafe {
            sys::kartla_identity_new(&options.raw(), passphrase.as_ptr(), passphrase.len(), &mut raw, code.out())
        };
        let identity = Self::adopt("Identity::create", status, raw)?;
        Ok((identity, code.secret_text("Identity::create")?))
    }

    /// A new agency identity; its card names the agency.
    pub fn create_agency(info: &AgencyInfo<'_>, passphrase: &[u8], options: &IdentityOptions) -> Result<Created> {
        const OP: &str = "Identity::create_agency";
        let (name, org, role) = (c_text(OP, info.name)?, c_text(OP, info.organisation_number)?, c_text(OP, info.role)?);
        let mut raw_info = sys::kartla_agency_info {
            version: 0,
            name: ptr::null(),
            organisation_number: ptr::null(),
            role: ptr::null(),
        };
        // SAFETY: fills a caller-owned struct.
        unsafe { sys::kartla_agency_info_init(&mut raw_info) };
        raw_info.name = name.as_ptr();
        raw_info.organisation_number = org.as_ptr();
        raw_info.role = role.as_ptr();
        let (mut raw, mut code) = (ptr::null_mut(), Buffer::new());
        // SAFETY: the strings outlive the call; the library keeps no pointer to them.
        let status = unsafe {
            sys::kartla_identity_new_agency(
                &raw_info,
                &options.raw(),
                passphrase.as_ptr(),
                passphrase.len(),
                &mut raw,
                code.out(),
            )
        };
        let identity = Self::adopt(OP, status, raw)?;
        Ok((identity, code.secret_text(OP)?))
    }

    /// Unlocks an identity file's bytes. `E_AUTH` for a wrong passphrase.
    pub fn open(file: &[u8], passphrase: &[u8]) -> Result<Identity> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status = unsafe {
            sys::kartla_identity_open(file.as_ptr(), file.len(), passphrase.as_ptr(), passphrase.len(), &mut raw)
        };
        Self::adopt("Identity::open", status, raw)
    }

    /// Unlocks an identity file.
    pub fn open_file(path: impl AsRef<Path>, passphrase: &[u8]) -> Result<Identity> {
        let path = c_path("Identity::open_file", path.as_ref())?;
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status =
            unsafe { sys::kartla_identity_open_file(path.as_ptr(), passphrase.as_ptr(), passphrase.len(), &mut raw) };
        Self::adopt("Identity::open_file", status, raw)
    }

    /// Unlocks an identity file's bytes with the recovery code (any case, '-' and ' ' ignored).
    pub fn recover(file: &[u8], recovery_code: &[u8]) -> Result<Identity> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status = unsafe {
            sys::kartla_identity_recover(
                file.as_ptr(),
                file.len(),
                recovery_code.as_ptr(),
                recovery_code.len(),
                &mut raw,
            )
        };
        Self::adopt("Identity::recover", status, raw)
    }

    /// Unlocks an identity file with the recovery code.
    pub fn recover_file(path: impl AsRef<Path>, recovery_code: &[u8]) -> Result<Identity> {
        let path = c_path("Identity::recover_file", path.as_ref())?;
        let mut raw = ptr::null_mut();
        // SAFETY: valid inputs and output.
        let status = unsafe {
            sys::kartla_identity_recover_file(path.as_ptr(), recovery_code.as_ptr(), recovery_code.len(), &mut raw)
        };
        Self::adopt("Identity::recover_file", status, raw)
    }

    /// Locks the identity under a new passphrase (reaches the disk with [`Identity::save`]).
    pub fn set_passphrase(&mut self, passphrase: &[u8]) -> Result<()> {
        // SAFETY: exclusive use through &mut self, as identity.h requires.
        check("Identity::set_passphrase", unsafe {
            sys::kartla_identity_set_passphrase(self.raw, passphrase.as_ptr(), passphrase.len())
        })
    }

    /// Writes the locked identity file atomically, replacing any file at `path`.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        self.save_flags(path.as_ref(), 0)
    }

    /// As [`Identity::save`], but `E_INVALID_ARGUMENT` if `path` exists.
    pub fn save_new(&self, path: impl AsRef<Path>) -> Result<()> {
        self.save_flags(path.as_ref(), sys::KARTLA_SAVE_CREATE_ONLY)
    }

    fn save_flags(&self, path: &Path, flags: u32) -> Result<()> {
        let path = c_path("Identity::save", path)?;
        // SAFETY: valid handle and path.
        check("Identity::save", unsafe { sys::kartla_identity_save(self.raw, path.as_ptr(), flags) })
    }

    /// The locked identity file's bytes (encrypted: safe to store).
    pub fn file_bytes(&self) -> Result<Vec<u8>> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Identity::file_bytes", unsafe { sys::kartla_identity_file_bytes(self.raw, out.out()) })?;
        Ok(out.to_vec())
    }

    /// The public card file's bytes (safe to give to anyone).
    pub fn card(&self) -> Result<Vec<u8>> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Identity::card", unsafe { sys::kartla_identity_card(self.raw, out.out()) })?;
        Ok(out.to_vec())
    }

    /// The fingerprint: eight groups of four hex digits, to compare aloud.
    pub fn fingerprint(&self) -> Result<String> {
        let mut out = Buffer::new();
        // SAFETY: valid handle and output.
        check("Identity::fingerprint", unsafe { sys::kartla_identity_fingerprint(self.raw, out.out()) })?;
        out.text("Identity::fingerprint")
    }

    /// Also keeps the versions of records seen in `folder`, on this computer (identity.h).
    pub fn use_state_folder(&mut self, folder: impl AsRef<Path>) -> Result<()> {
        let folder = c_path("Identity::use_state_folder", folder.as_ref())?;
        // SAFETY: exclusive use through &mut self, as identity.h requires.
        check("Identity::use_state_folder", unsafe { sys::kartla_identity_use_state_folder(self.raw, folder.as_ptr()) })
    }

    /// Frees the handle now, wiping the keys (what dropping it does). After this the identity
    /// cannot be used: the compiler refuses it, so a closed handle can never reach C.
    ///
    /// ```compile_fail,E0382
    /// # fn f(identity: kartla::Identity) {
    /// identity.close();
    /// identity.card(); // error[E0382]: borrow of moved value: `identity`
    /// # }
    /// ```
    pub fn close(self) {}
}

/// The fingerprint of a card file, after checking its self-signature (`E_SIGNATURE`).
pub fn card_fingerprint(card: &[u8]) -> Result<String> {
    let mut out = Buffer::new();
    // SAFETY: valid input and output.
    check("card_fingerprint", unsafe { sys::kartla_card_fingerprint(card.as_ptr(), card.len(), out.out()) })?;
    out.text("card_fingerprint")
}

/// A card file described (kind, name, role, fingerprint).
pub fn describe_card(card: &[u8]) -> Result<v1::CardDescription> {
    let mut out = Buffer::new();
    // SAFETY: valid input and output.
    check("describe_card", unsafe {
        sys::kartla_card_describe(card.as_ptr(), card.len(), sys::KARTLA_ENCODING_PROTOBUF, out.out())
    })?;
    out.message("describe_card")
}

/// The agency roles a card may name.
pub fn agency_roles() -> Vec<&'static str> {
    // SAFETY: static data (identity.h).
    let count = unsafe { sys::kartla_agency_role_count() };
    (0..count).filter_map(|i| crate::static_text(unsafe { sys::kartla_agency_role_name(i) })).collect()
}
