// SPDX-License-Identifier: Apache-2.0
//! The experimental tier of the C ABI (kartla/experimental/*.h): attestations, trust lists,
//! contributions and receipts. It may change in any release (docs/API-STABILITY.md); using this
//! module is the Rust spelling of `#define KARTLA_EXPERIMENTAL`. The views are in `views.rs`,
//! re-exported here.

use std::ffi::CString;
use std::ptr;
use std::time::SystemTime;

use kartla_sys as sys;
use zeroize::Zeroizing;

use crate::error::{check, Result};
use crate::identity::{Created, Identity, IdentityOptions};
use crate::raw::{c_text, unix, Buffer};
use crate::record::Record;
use crate::share::Share;
use crate::v1;

pub use crate::views::*;

/// The bytes of entry `entry_id` inside section content (protobuf bytes of `section`): what an
/// attestation covers. Plaintext: wiped when dropped.
pub fn section_entry(section: &str, content: &[u8], entry_id: &str) -> Result<Zeroizing<Vec<u8>>> {
    const OP: &str = "section_entry";
    let (name, id) = (c_text(OP, section)?, c_text(OP, entry_id)?);
    let mut out = Buffer::new();
    // SAFETY: valid inputs and output.
    check(OP, unsafe {
        sys::kartla_section_entry(name.as_ptr(), content.as_ptr(), content.len(), id.as_ptr(), out.out())
    })?;
    Ok(out.secret())
}

/// The entry an attestation is about.
#[derive(Debug, Clone, Copy)]
pub struct EntryRef<'a> {
    /// The record owner's card file.
    pub owner_card: &'a [u8],
    /// 32 hex digits, as [`Record::id`] gives it.
    pub record_id: &'a str,
    pub section: &'a str,
    pub entry_id: &'a str,
    /// The entry's bytes ([`section_entry`]).
    pub entry: &'a [u8],
}

/// An EntryRef's C form, with the strings it points into.
struct RawRef {
    raw: sys::kartla_entry_ref,
    _strings: [CString; 3],
}

impl EntryRef<'_> {
    fn raw(&self, op: &'static str) -> Result<RawRef> {
        let strings = [c_text(op, self.record_id)?, c_text(op, self.section)?, c_text(op, self.entry_id)?];
        let mut raw = sys::kartla_entry_ref {
            version: 0,
            owner_card: ptr::null(),
            owner_card_len: 0,
            record_id: ptr::null(),
            section: ptr::null(),
            entry_id: ptr::null(),
            entry: ptr::null(),
            entry_len: 0,
        };
        // SAFETY: fills a caller-owned struct.
        unsafe { sys::kartla_entry_ref_init(&mut raw) };
        raw.owner_card = self.owner_card.as_ptr();
        raw.owner_card_len = self.owner_card.len();
        raw.record_id = strings[0].as_ptr();
        raw.section = strings[1].as_ptr();
        raw.entry_id = strings[2].as_ptr();
        raw.entry = self.entry.as_ptr();
        raw.entry_len = self.entry.len();
        // The CStrings' heap data does not move when they move into RawRef.
        Ok(RawRef { raw, _strings: strings })
    }
}

/// An attestation file signed by `agency` about the entry `entry` names; `claim_json` as in
/// docs/SPEC.md §13.2. `issued_at` `None` = now; `expires_at` `None` = never.
pub fn issue_attestation(
    agency: &Identity,
    entry: &EntryRef<'_>,
    claim_json: &str,
    issued_at: Option<SystemTime>,
    expires_at: Option<SystemTime>,
) -> Result<Vec<u8>> {
    const OP: &str = "issue_attestation";
    let entry = entry.raw(OP)?;
    let claim = c_text(OP, claim_json)?;
    let mut out = Buffer::new();
    // SAFETY: valid handle, inputs and output.
    check(OP, unsafe {
        sys::kartla_attestation_issue(
            agency.raw,
            &entry.raw,
            claim.as_ptr(),
            unix(issued_at),
            unix(expires_at),
            out.out(),
        )
    })?;
    Ok(out.to_vec())
}

/// An attestation judged: the report whenever it was judged (also for an attestation that does
/// not hold), and the status: Ok for a valid attestation, trusted or not (the verdict says
/// which), else the class of the first check that failed.
#[derive(Debug, Clone)]
pub struct Judgement {
    pub report: Option<v1::AttestationReport>,
    pub result: Result<()>,
}

/// Checks an attestation file against `entry` at `now` (`None` = now), with a trust list file
/// (empty: none).
pub fn verify_attestation(
    file: &[u8],
    entry: &EntryRef<'_>,
    trust_list: &[u8],
    now: Option<SystemTime>,
) -> Result<Judgement> {
    const OP: &str = "verify_attestation";
    let entry = entry.raw(OP)?;
    let mut out = Buffer::new();
    // SAFETY: valid inputs and output.
    let status = unsafe {
        sys::kartla_attestation_verify(
            file.as_ptr(),
            file.len(),
            &entry.raw,
            trust_list.as_ptr(),
            trust_list.len(),
            unix(now),
            sys::KARTLA_ENCODING_PROTOBUF,
            out.out(),
        )
    };
    let result = check(OP, status);
    let report = if out.is_empty() { None } else { Some(out.message(OP)?) };
    Ok(Judgement { report, result })
}

/// Stores an attestation with the entry of `record` it names (checked at `now` first). True if
/// the record changed, false if it already held it.
pub fn attach_attestation(record: &mut Record, owner: &Identity, file: &[u8], now: Option<SystemTime>) -> Result<bool> {
    let mut added = 0;
    // SAFETY: valid handles (the record exclusively), input and output.
    check("attach_attestation", unsafe {
        sys::kartla_record_attach_attestation(record.raw, owner.raw, file.as_ptr(), file.len(), unix(now), &mut added)
    })?;
    Ok(added != 0)
}

/// The provenance of every entry of a section of the owner's record, judged with a trust list
/// (empty: no issuer is trusted).
pub fn record_provenance(
    record: &Record,
    owner: &Identity,
    section: &str,
    trust_list: &[u8],
    now: Option<SystemTime>,
) -> Result<v1::ProvenanceReport> {
    const OP: &str = "record_provenance";
    let name = c_text(OP, section)?;
    let mut out = Buffer::new();
    // SAFETY: valid handles, inputs and output.
    check(OP, unsafe {
        sys::kartla_record_provenance(
            record.raw,
            owner.raw,
            name.as_ptr(),
            trust_list.as_ptr(),
            trust_list.len(),
            unix(now),
            sys::KARTLA_ENCODING_PROTOBUF,
            out.out(),
        )
    })?;
    out.message(OP)
}

/// As [`record_provenance`], for an agency's share.
pub fn share_provenance(
    share: &Share,
    section: &str,
    trust_list: &[u8],
    now: Option<SystemTime>,
) -> Result<v1::ProvenanceReport> {
    const OP: &str = "share_provenance";
    let name = c_text(OP, section)?;
    let mut out = Buffer::new();
    // SAFETY: valid handle, inputs and output.
    check(OP, unsafe {
        sys::kartla_share_provenance(
            share.raw,
            name.as_ptr(),
            trust_list.as_ptr(),
            trust_list.len(),
            unix(now),
            sys::KARTLA_ENCODING_PROTOBUF,
            out.out(),
        )
    })?;
    out.message(OP)
}

/// A new trust root (the identity that signs trust lists) and its recovery code.
pub fn create_trust_root(name: &str, passphrase: &[u8], options: &IdentityOptions) -> Result<Created> {
    const OP: &str = "create_trust_root";
    let name = c_text(OP, name)?;
    let raw_options = options.raw();
    let (mut raw, mut code) = (ptr::null_mut(), Buffer::new());
    // SAFETY: valid inputs and outputs.
    check(OP, unsafe {
        sys::kartla_identity_new_trust_root(
            name.as_ptr(),
            &raw_options,
            passphrase.as_ptr(),
            passphrase.len(),
            &mut raw,
            code.out(),
        )
    })?;
    let root = Identity { raw };
    Ok((root, code.secret_text(OP)?))
}

/// What a trust root is about to sign.
pub struct TrustDraft {
    raw: *mut sys::kartla_trust_draft,
}

// SAFETY: trust.h: "a kartla_trust_draft must not be used by two threads at once" and every
// function may be called from any thread: it may move (Send), not be shared (no Sync); changes
// take `&mut self`.
unsafe impl Send for TrustDraft {}

impl Drop for TrustDraft {
    fn drop(&mut self) {
        // SAFETY: the handle is owned, freed once, here.
        unsafe { sys::kartla_trust_draft_free(self.raw) }
    }
}

impl std::fmt::Debug for TrustDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TrustDraft").field("sequence", &self.sequence().ok()).finish()
    }
}

impl TrustDraft {
    /// An empty draft with this sequence number (>= 1).
    pub fn new(sequence: u64) -> Result<TrustDraft> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid output.
        check("TrustDraft::new", unsafe { sys::kartla_trust_draft_new(sequence, &mut raw) })?;
        Ok(TrustDraft { raw })
    }

    /// The next version of a trust-list file: its agencies, sequence + 1.
    pub fn next(trust_list: &[u8]) -> Result<TrustDraft> {
        let mut raw = ptr::null_mut();
        // SAFETY: valid input and output.
        check("TrustDraft::next", unsafe {
            sys::kartla_trust_draft_next(trust_list.as_ptr(), trust_list.len(), &mut raw)
        })?;
        Ok(TrustDraft { raw })
    }

    /// Adds an agency card with the role the root vouches for, valid from `valid_from` until
    /// `valid_until` (`None`: until the list expires).
    pub fn add(
        &mut self,
        card: &[u8],
        role: &str,
        valid_from: SystemTime,
        valid_until: Option<SystemTime>,
    ) -> Result<()> {
        let role = c_text("TrustDraft::add", role)?;
        // SAFETY: valid handle (exclusive), inputs.
        check("TrustDraft::add", unsafe {
            sys::kartla_trust_draft_add(
                self.raw,
                card.as_ptr(),
                card.len(),
                role.as_ptr(),
                unix(Some(valid_from)),
                unix(valid_until),
            )
        })
    }

    /// Removes the agency with this card's keys; true if it was on the draft.
    pub fn remove(&mut self, card: &[u8]) -> Result<bool> {
        let mut removed = 0;
        // SAFETY: valid handle (exclusive), input and output.
        check("TrustDraft::remove", unsafe {
            sys::kartla_trust_draft_remove(self.raw, card.as_ptr(), card.len(), &mut removed)
        })?;
        Ok(removed != 0)
    }

    /// The draft's sequence number.
    pub fn sequence(&self) -> Result<u64> {
        let mut out = 0;
        // SAFETY: valid handle and output.
        check("TrustDraft::sequence", unsafe { sys::kartla_trust_draft_sequence(self.raw, &mut out) })?;
        Ok(out)
    }

    /// The trust-list file signed by `root`, issued at `issued_at` (`None` = now), expiring at
    /// `expires_at`.
    pub fn sign(&self, root: &Identity, issued_at: Option<SystemTime>, expires_at: SystemTime) -> Result<Vec<u8>> {
        let mut out = Buffer::new();
        // SAFETY: valid handles and output.
        check("TrustDraft::sign", unsafe {
            sys::kartla_trust_list_sign(root.raw, self.raw, unix(issued_at), unix(Some(expires_at)), out.out())
        })?;
        Ok(out.to_vec())
    }
}

/// Verifies a trust-list file at `now` (`None` = now): the root's signature, that the root is
/// the one whose card is `expected_root_card` (empty: any), its sequence against `last_seen`
/// (0: none seen), its expiry.
pub fn verify_trust_list(
    trust_list: &[u8],
    expected_root_card: &[u8],
    last_seen: u64,
    now: Option<SystemTime>,
) -> Result<v1::TrustListDescription> {
    let mut out = Buffer::new();
    // SAFETY: valid inputs and output.
    check("verify_trust_list", unsafe {
        sys::kartla_trust_list_verify(
            trust_list.as_ptr(),
            trust_list.len(),
            expected_root_card.as_ptr(),
            expected_root_card.len(),
            last_seen,
            unix(now),
            sys::KARTLA_ENCODING_PROTOBUF,
            out.out(),
        )
    })?;
    out.message("verify_trust_list")
}

/// An agency's contribution file: one entry (the JSON of one element of the section's
/// `entries`) for the owner whose card this is, signed by `agency` and sealed to the owner.
/// `claim_json` `None`: the default claim (CONTRIBUTED).
pub fn create_contribution(
    agency: &Identity,
    owner_card: &[u8],
    record_id: &str,
    section: &str,
    entry_json: &str,
    claim_json: Option<&str>,
    now: Option<SystemTime>,
) -> Result<Vec<u8>> {
    const OP: &str = "create_contribution";
    let (id, name) = (c_text(OP, record_id)?, c_text(OP, section)?);
    let claim = claim_json.map(|c| c_text(OP, c)).transpose()?;
    let mut out = Buffer::new();
    // SAFETY: valid handle, inputs and output; NULL claim is documented.
    check(OP, unsafe {
        sys::kartla_contribution_create(
            agency.raw,
            owner_card.as_ptr(),
            owner_card.len(),
            id.as_ptr(),
            name.as_ptr(),
            entry_json.as_ptr(),
            entry_json.len(),
            claim.as_ref().map_or(ptr::null(), |c| c.as_ptr()),
            unix(now),
            out.out(),
        )
    })?;
    Ok(out.to_vec())
}

/// Opens and verifies a contribution for `owner`, then describes it. `record_id` `Some`:
/// require that record.
pub fn describe_contribution(
    owner: &Identity,
    file: &[u8],
    record_id: Option<&str>,
    now: Option<SystemTime>,
) -> Result<v1::ContributionDescription> {
    const OP: &str = "describe_contribution";
    let id = record_id.map(|r| c_text(OP, r)).transpose()?;
    let mut out = Buffer::new();
    // SAFETY: valid handle, inputs and output; NULL record id is documented.
    check(OP, unsafe {
        sys::kartla_contribution_describe(
            owner.raw,
            file.as_ptr(),
            file.len(),
            id.as_ref().map_or(ptr::null(), |r| r.as_ptr()),
            unix(now),
            sys::KARTLA_ENCODING_PROTOBUF,
            out.out(),
        )
    })?;
    out.message(OP)
}

/// Accepts a contribution into the owner's record. True if the record changed, false if it
/// already held it (accepting twice changes nothing).
pub fn accept_contribution(
    record: &mut Record,
    owner: &Identity,
    file: &[u8],
    now: Option<SystemTime>,
) -> Result<bool> {
    let mut added = 0;
    // SAFETY: valid handles (the record exclusively), input and output.
    check("accept_contribution", unsafe {
        sys::kartla_record_accept_contribution(record.raw, owner.raw, file.as_ptr(), file.len(), unix(now), &mut added)
    })?;
    Ok(added != 0)
}

/// The owner's signed receipt of a grant, or of its end (docs/SPEC.md §7.6).
pub fn record_receipt(record: &Record, grant_id: &str) -> Result<Vec<u8>> {
    let id = c_text("record_receipt", grant_id)?;
    let mut out = Buffer::new();
    // SAFETY: valid handle, input and output.
    check("record_receipt", unsafe { sys::kartla_record_receipt(record.raw, id.as_ptr(), out.out()) })?;
    Ok(out.to_vec())
}

/// Verifies a receipt (pinned to `owner_card` and `agency_card` when not empty) and describes it.
pub fn describe_receipt(receipt: &[u8], owner_card: &[u8], agency_card: &[u8]) -> Result<v1::ReceiptDescription> {
    let mut out = Buffer::new();
    // SAFETY: valid inputs and output.
    check("describe_receipt", unsafe {
        sys::kartla_receipt_describe(
            receipt.as_ptr(),
            receipt.len(),
            owner_card.as_ptr(),
            owner_card.len(),
            agency_card.as_ptr(),
            agency_card.len(),
            sys::KARTLA_ENCODING_PROTOBUF,
            out.out(),
        )
    })?;
    out.message("describe_receipt")
}
