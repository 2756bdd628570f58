// SPDX-License-Identifier: Apache-2.0
//! Raw declarations of libkartla's C ABI, one for one with `include/kartla/*.h` (the stable tier
//! and the experimental one). Every function here is `unsafe` to call and follows the house
//! rules of `kartla/common.h`; the safe API is the `kartla` crate.
//!
//! Written by hand, not by bindgen: the ABI is small (about a hundred functions), uses only
//! FFI-friendly types (the header's own rule), and changes only by addition, so the declarations
//! stay readable and need no libclang at build time. `tests/declarations.rs` reads the headers
//! and fails when a function is missing here or takes a different number of parameters; a
//! wrong parameter type would also fail the `kartla` crate's tests, which call every function.
//!
//! Linking: `build.rs` finds the library with pkg-config (`kartla.pc`).
#![no_std]
#![allow(non_camel_case_types)]

use core::ffi::{c_char, c_int, c_void};

/// `kartla_status`: an `int` in C. Kept as an integer, not a Rust enum, so that a status a newer
/// library adds is a value, not undefined behaviour.
pub type kartla_status = c_int;
pub const KARTLA_OK: kartla_status = 0;
pub const KARTLA_E_INVALID_ARGUMENT: kartla_status = 1;
pub const KARTLA_E_FORMAT: kartla_status = 2;
pub const KARTLA_E_LIMIT: kartla_status = 3;
pub const KARTLA_E_VERSION: kartla_status = 4;
pub const KARTLA_E_SIGNATURE: kartla_status = 5;
pub const KARTLA_E_INTEGRITY: kartla_status = 6;
pub const KARTLA_E_AUTH: kartla_status = 7;
pub const KARTLA_E_NOT_SHARED: kartla_status = 8;
pub const KARTLA_E_EXPIRED: kartla_status = 9;
pub const KARTLA_E_ROLLBACK: kartla_status = 10;
pub const KARTLA_E_NOT_FOUND: kartla_status = 11;
pub const KARTLA_E_SCHEMA: kartla_status = 12;
pub const KARTLA_E_IO: kartla_status = 13;
pub const KARTLA_E_BUSY: kartla_status = 14;
pub const KARTLA_E_NO_MEMORY: kartla_status = 15;
pub const KARTLA_E_CRYPTO: kartla_status = 16;
pub const KARTLA_E_INTERNAL: kartla_status = 17;

/// `kartla_encoding`: an `int` in C (the header widens its range to every int).
pub type kartla_encoding = c_int;
pub const KARTLA_ENCODING_PROTOBUF: kartla_encoding = 0;
pub const KARTLA_ENCODING_JSON: kartla_encoding = 1;

/// `kartla_save` flags.
pub const KARTLA_SAVE_CREATE_ONLY: u32 = 1;

/// Library-allocated output in guarded memory; release with `kartla_buffer_free` (which wipes).
#[repr(C)]
#[derive(Debug)]
pub struct kartla_buffer {
    pub data: *mut u8,
    pub len: usize,
    pub internal: *mut c_void,
}

/// `KARTLA_BUFFER_INIT`.
pub const KARTLA_BUFFER_INIT: kartla_buffer =
    kartla_buffer { data: core::ptr::null_mut(), len: 0, internal: core::ptr::null_mut() };

macro_rules! opaque {
    ($($name:ident),*) => {$(
        /// An opaque handle of the C ABI.
        #[repr(C)]
        pub struct $name {
            _private: [u8; 0],
            // Not Send, not Sync, not Unpin: what a handle allows is the safe crate's decision.
            _marker: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
        }
    )*};
}
opaque!(kartla_identity, kartla_record, kartla_share, kartla_verification, kartla_trust_draft);

pub const KARTLA_IDENTITY_OPTIONS_VERSION: u32 = 1;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_identity_options {
    pub version: u32,
    pub kdf_opslimit: u32,
    pub kdf_memlimit_mib: u32,
    pub created_at: i64,
}

pub const KARTLA_AGENCY_INFO_VERSION: u32 = 1;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_agency_info {
    pub version: u32,
    pub name: *const c_char,
    pub organisation_number: *const c_char,
    pub role: *const c_char,
}

pub const KARTLA_RECORD_OPEN_OPTIONS_VERSION: u32 = 1;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_record_open_options {
    pub version: u32,
    pub accept_older: u32,
    pub last_seen: u64,
}

pub const KARTLA_RECORD_SHARE_OPTIONS_VERSION: u32 = 3;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_record_share_options {
    pub version: u32,
    pub purpose: *const c_char,
    pub expires_at: i64,
    pub now: i64,
    pub gdpr_art6_basis: *const c_char,
    pub gdpr_art9_basis: *const c_char,
    pub tell_involved: u32,
}

pub const KARTLA_DOCUMENT_OPTIONS_VERSION: u32 = 1;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_document_options {
    pub version: u32,
    pub title: *const c_char,
    pub kind: *const c_char,
    pub media_type: *const c_char,
    pub health_data: u32,
}

/// kartla/experimental/documents.h: what a kartla_document_callback call carries.
pub type kartla_document_event = c_int;
pub const KARTLA_DOCUMENT_DATA: kartla_document_event = 1;
pub const KARTLA_DOCUMENT_DISCARD: kartla_document_event = 2;
/// Returns 0 to go on; anything else stops the read (KARTLA_E_IO).
pub type kartla_document_callback = Option<
    unsafe extern "C" fn(context: *mut c_void, event: kartla_document_event, data: *const u8, len: usize) -> i32,
>;

pub const KARTLA_ENTRY_REF_VERSION: u32 = 1;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_entry_ref {
    pub version: u32,
    pub owner_card: *const u8,
    pub owner_card_len: usize,
    pub record_id: *const c_char,
    pub section: *const c_char,
    pub entry_id: *const c_char,
    pub entry: *const u8,
    pub entry_len: usize,
}

pub const KARTLA_VIEW_OPTIONS_VERSION: u32 = 1;
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct kartla_view_options {
    pub version: u32,
    pub include_work_ability: u32,
    pub language: *const c_char,
}

extern "C" {

    // kartla/common.h
    pub fn kartla_version() -> *const c_char;
    pub fn kartla_version_number() -> u32;
    pub fn kartla_abi_version() -> u32;
    pub fn kartla_format_version() -> u32;
    pub fn kartla_status_name(status: kartla_status) -> *const c_char;
    pub fn kartla_last_error() -> *const c_char;
    pub fn kartla_buffer_init(buffer: *mut kartla_buffer);
    pub fn kartla_buffer_free(buffer: *mut kartla_buffer);
    pub fn kartla_section_count() -> usize;
    pub fn kartla_section_name(index: usize) -> *const c_char;
    pub fn kartla_section_is_special_category(section: *const c_char, out: *mut c_int) -> kartla_status;

    // kartla/identity.h
    pub fn kartla_identity_options_init(options: *mut kartla_identity_options);
    pub fn kartla_identity_new(
        options: *const kartla_identity_options,
        passphrase: *const u8,
        passphrase_len: usize,
        out: *mut *mut kartla_identity,
        recovery_code: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_identity_open(
        file: *const u8,
        file_len: usize,
        passphrase: *const u8,
        passphrase_len: usize,
        out: *mut *mut kartla_identity,
    ) -> kartla_status;
    pub fn kartla_identity_open_file(
        path: *const c_char,
        passphrase: *const u8,
        passphrase_len: usize,
        out: *mut *mut kartla_identity,
    ) -> kartla_status;
    pub fn kartla_identity_recover(
        file: *const u8,
        file_len: usize,
        recovery_code: *const u8,
        code_len: usize,
        out: *mut *mut kartla_identity,
    ) -> kartla_status;
    pub fn kartla_identity_recover_file(
        path: *const c_char,
        recovery_code: *const u8,
        code_len: usize,
        out: *mut *mut kartla_identity,
    ) -> kartla_status;
    pub fn kartla_identity_set_passphrase(
        identity: *mut kartla_identity,
        passphrase: *const u8,
        passphrase_len: usize,
    ) -> kartla_status;
    pub fn kartla_identity_save(identity: *const kartla_identity, path: *const c_char, flags: u32) -> kartla_status;
    pub fn kartla_identity_file_bytes(identity: *const kartla_identity, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_identity_card(identity: *const kartla_identity, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_identity_fingerprint(identity: *const kartla_identity, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_identity_free(identity: *mut kartla_identity);
    pub fn kartla_identity_use_state_folder(identity: *mut kartla_identity, folder: *const c_char) -> kartla_status;
    pub fn kartla_card_fingerprint(card: *const u8, card_len: usize, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_agency_info_init(info: *mut kartla_agency_info);
    pub fn kartla_agency_role_count() -> usize;
    pub fn kartla_agency_role_name(index: usize) -> *const c_char;
    pub fn kartla_identity_new_agency(
        info: *const kartla_agency_info,
        options: *const kartla_identity_options,
        passphrase: *const u8,
        passphrase_len: usize,
        out: *mut *mut kartla_identity,
        recovery_code: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_card_describe(
        card: *const u8,
        card_len: usize,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;

    // kartla/record.h
    pub fn kartla_record_new(owner: *const kartla_identity, out: *mut *mut kartla_record) -> kartla_status;
    pub fn kartla_record_open_file(
        path: *const c_char,
        owner: *const kartla_identity,
        out: *mut *mut kartla_record,
    ) -> kartla_status;
    pub fn kartla_record_open(
        bytes: *const u8,
        len: usize,
        owner: *const kartla_identity,
        out: *mut *mut kartla_record,
    ) -> kartla_status;
    pub fn kartla_record_open_options_init(options: *mut kartla_record_open_options);
    pub fn kartla_record_open_file_with_options(
        path: *const c_char,
        owner: *const kartla_identity,
        options: *const kartla_record_open_options,
        out: *mut *mut kartla_record,
    ) -> kartla_status;
    pub fn kartla_record_open_with_options(
        bytes: *const u8,
        len: usize,
        owner: *const kartla_identity,
        options: *const kartla_record_open_options,
        out: *mut *mut kartla_record,
    ) -> kartla_status;
    pub fn kartla_record_save(record: *mut kartla_record, path: *const c_char) -> kartla_status;
    pub fn kartla_record_set_clock(record: *mut kartla_record, now: i64) -> kartla_status;
    pub fn kartla_record_id(record: *const kartla_record, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_record_sequence(record: *const kartla_record, out: *mut u64) -> kartla_status;
    pub fn kartla_record_sections(
        record: *const kartla_record,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_has_section(
        record: *const kartla_record,
        section: *const c_char,
        out: *mut c_int,
    ) -> kartla_status;
    pub fn kartla_record_set_section(
        record: *mut kartla_record,
        section: *const c_char,
        protobuf: *const u8,
        len: usize,
    ) -> kartla_status;
    pub fn kartla_record_set_section_json(
        record: *mut kartla_record,
        section: *const c_char,
        json: *const u8,
        len: usize,
    ) -> kartla_status;
    pub fn kartla_record_section(
        record: *const kartla_record,
        section: *const c_char,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_section_size(
        record: *const kartla_record,
        section: *const c_char,
        out: *mut usize,
    ) -> kartla_status;
    pub fn kartla_record_section_into(
        record: *const kartla_record,
        section: *const c_char,
        out: *mut u8,
        capacity: usize,
        out_len: *mut usize,
    ) -> kartla_status;
    pub fn kartla_record_section_json(
        record: *const kartla_record,
        section: *const c_char,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_remove_section(record: *mut kartla_record, section: *const c_char) -> kartla_status;
    pub fn kartla_record_free(record: *mut kartla_record);
    pub fn kartla_validate_section(
        section: *const c_char,
        protobuf: *const u8,
        len: usize,
        encoding: kartla_encoding,
        report: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_validate_section_json(
        section: *const c_char,
        json: *const u8,
        len: usize,
        encoding: kartla_encoding,
        report: *mut kartla_buffer,
    ) -> kartla_status;

    // kartla/share.h
    pub fn kartla_record_share_options_init(options: *mut kartla_record_share_options);
    pub fn kartla_record_share(
        record: *mut kartla_record,
        card: *const u8,
        card_len: usize,
        sections: *const *const c_char,
        section_count: usize,
        options: *const kartla_record_share_options,
        grant_id: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_section_is_special(
        record: *const kartla_record,
        section: *const c_char,
        out: *mut c_int,
    ) -> kartla_status;
    pub fn kartla_record_export_bundle(
        record: *const kartla_record,
        grant_id: *const c_char,
        out_path: *const c_char,
    ) -> kartla_status;
    // experimental/coordination.h: one bundle for several agencies' grants.
    pub fn kartla_record_export_case_bundle(
        record: *const kartla_record,
        grant_ids: *const *const c_char,
        grant_count: usize,
        out_path: *const c_char,
    ) -> kartla_status;
    // experimental/followup.h: a programme's follow-up figures from shared bundles.
    pub fn kartla_followup_minimum_group() -> u32;
    pub fn kartla_followup_max_bundles() -> usize;
    pub fn kartla_followup_report(
        agency: *const kartla_identity,
        bundle_paths: *const *const c_char,
        bundle_count: usize,
        now: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_revoke(
        record: *mut kartla_record,
        card: *const u8,
        card_len: usize,
        now: i64,
        encoding: kartla_encoding,
        summary: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_open_file(
        path: *const c_char,
        agency: *const kartla_identity,
        out: *mut *mut kartla_share,
    ) -> kartla_status;
    pub fn kartla_share_open(
        bytes: *const u8,
        len: usize,
        agency: *const kartla_identity,
        out: *mut *mut kartla_share,
    ) -> kartla_status;
    pub fn kartla_share_section(
        share: *const kartla_share,
        section: *const c_char,
        at: i64,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_section_json(
        share: *const kartla_share,
        section: *const c_char,
        at: i64,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_section_size(
        share: *const kartla_share,
        section: *const c_char,
        at: i64,
        out: *mut usize,
    ) -> kartla_status;
    pub fn kartla_share_section_into(
        share: *const kartla_share,
        section: *const c_char,
        at: i64,
        out: *mut u8,
        capacity: usize,
        out_len: *mut usize,
    ) -> kartla_status;
    pub fn kartla_share_describe(
        share: *const kartla_share,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_sequence(share: *const kartla_share, out: *mut u64) -> kartla_status;
    pub fn kartla_share_check_last_seen(share: *const kartla_share, last_seen: u64) -> kartla_status;
    pub fn kartla_share_check_owner(share: *const kartla_share, card: *const u8, card_len: usize) -> kartla_status;
    pub fn kartla_share_free(share: *mut kartla_share);

    // kartla/verify.h
    pub fn kartla_verification_open_file(path: *const c_char, out: *mut *mut kartla_verification) -> kartla_status;
    pub fn kartla_verification_open(bytes: *const u8, len: usize, out: *mut *mut kartla_verification) -> kartla_status;
    pub fn kartla_verification_sequence(v: *const kartla_verification, out: *mut u64) -> kartla_status;
    pub fn kartla_verification_record_id(v: *const kartla_verification, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_verification_owner_fingerprint(
        v: *const kartla_verification,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_verification_previous_hash(v: *const kartla_verification, out: *mut kartla_buffer) -> kartla_status;
    pub fn kartla_verification_report(
        v: *const kartla_verification,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_verification_check_last_seen(v: *const kartla_verification, last_seen: u64) -> kartla_status;
    pub fn kartla_verification_free(v: *mut kartla_verification);

    // kartla/experimental/attest.h
    pub fn kartla_section_entry(
        section: *const c_char,
        content: *const u8,
        content_len: usize,
        entry_id: *const c_char,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_entry_ref_init(entry_ref: *mut kartla_entry_ref);
    pub fn kartla_attestation_issue(
        agency: *const kartla_identity,
        entry_ref: *const kartla_entry_ref,
        claim_json: *const c_char,
        issued_at: i64,
        expires_at: i64,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_attestation_verify(
        attestation: *const u8,
        attestation_len: usize,
        entry_ref: *const kartla_entry_ref,
        trust_list: *const u8,
        trust_list_len: usize,
        now: i64,
        encoding: kartla_encoding,
        report: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_attestation_describe(
        attestation: *const u8,
        attestation_len: usize,
        trust_list: *const u8,
        trust_list_len: usize,
        now: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_attach_attestation(
        record: *mut kartla_record,
        owner: *const kartla_identity,
        attestation: *const u8,
        attestation_len: usize,
        now: i64,
        added: *mut c_int,
    ) -> kartla_status;
    pub fn kartla_record_provenance(
        record: *const kartla_record,
        owner: *const kartla_identity,
        section: *const c_char,
        trust_list: *const u8,
        trust_list_len: usize,
        now: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_provenance(
        share: *const kartla_share,
        section: *const c_char,
        trust_list: *const u8,
        trust_list_len: usize,
        now: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;

    // kartla/experimental/contribution.h
    pub fn kartla_contribution_create(
        agency: *const kartla_identity,
        owner_card: *const u8,
        owner_card_len: usize,
        record_id: *const c_char,
        section: *const c_char,
        entry_json: *const u8,
        entry_json_len: usize,
        claim_json: *const c_char,
        now: i64,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_contribution_describe(
        owner: *const kartla_identity,
        contribution: *const u8,
        contribution_len: usize,
        record_id: *const c_char,
        now: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_accept_contribution(
        record: *mut kartla_record,
        owner: *const kartla_identity,
        contribution: *const u8,
        contribution_len: usize,
        now: i64,
        added: *mut c_int,
    ) -> kartla_status;
    pub fn kartla_record_contribution_accepted(
        record: *const kartla_record,
        owner: *const kartla_identity,
        contribution: *const u8,
        contribution_len: usize,
        now: i64,
        accepted: *mut c_int,
    ) -> kartla_status;

    // kartla/experimental/documents.h
    pub fn kartla_document_options_init(options: *mut kartla_document_options);
    pub fn kartla_record_add_document(
        record: *mut kartla_record,
        content: *const u8,
        len: usize,
        options: *const kartla_document_options,
        id: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_add_document_file(
        record: *mut kartla_record,
        path: *const c_char,
        options: *const kartla_document_options,
        id: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_document(
        record: *const kartla_record,
        id: *const c_char,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_document_to_file(
        record: *const kartla_record,
        id: *const c_char,
        path: *const c_char,
        replace: c_int,
    ) -> kartla_status;
    pub fn kartla_record_document_to_callback(
        record: *const kartla_record,
        id: *const c_char,
        callback: kartla_document_callback,
        context: *mut c_void,
    ) -> kartla_status;
    pub fn kartla_record_documents(
        record: *const kartla_record,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_remove_document(record: *mut kartla_record, id: *const c_char) -> kartla_status;
    pub fn kartla_share_document(
        share: *const kartla_share,
        id: *const c_char,
        at: i64,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_document_to_file(
        share: *const kartla_share,
        id: *const c_char,
        at: i64,
        path: *const c_char,
        replace: c_int,
    ) -> kartla_status;
    pub fn kartla_share_document_to_callback(
        share: *const kartla_share,
        id: *const c_char,
        at: i64,
        callback: kartla_document_callback,
        context: *mut c_void,
    ) -> kartla_status;
    pub fn kartla_share_documents(
        share: *const kartla_share,
        at: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    // kartla/experimental/agent.h: the passphrase key an agent keeps (docs/AGENT.md).
    pub fn kartla_identity_passphrase_key_tag(
        file: *const u8,
        file_len: usize,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_identity_open_insecure_export_key(
        file: *const u8,
        file_len: usize,
        passphrase: *const u8,
        passphrase_len: usize,
        out: *mut *mut kartla_identity,
        passphrase_key: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_identity_open_with_passphrase_key(
        file: *const u8,
        file_len: usize,
        key: *const u8,
        key_len: usize,
        out: *mut *mut kartla_identity,
    ) -> kartla_status;
    pub fn kartla_buffer_copy(data: *const u8, len: usize, out: *mut kartla_buffer) -> kartla_status;
    // kartla/experimental/identity.h
    pub fn kartla_identity_set_passphrase_with_options(
        identity: *mut kartla_identity,
        options: *const kartla_identity_options,
        passphrase: *const u8,
        passphrase_len: usize,
    ) -> kartla_status;

    // kartla/experimental/receipt.h
    pub fn kartla_record_receipt(
        record: *const kartla_record,
        grant_id: *const c_char,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_receipt_describe(
        receipt: *const u8,
        receipt_len: usize,
        owner_card: *const u8,
        owner_card_len: usize,
        agency_card: *const u8,
        agency_card_len: usize,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;

    // kartla/experimental/trust.h
    pub fn kartla_identity_new_trust_root(
        name: *const c_char,
        options: *const kartla_identity_options,
        passphrase: *const u8,
        passphrase_len: usize,
        out: *mut *mut kartla_identity,
        recovery_code: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_trust_draft_new(sequence: u64, out: *mut *mut kartla_trust_draft) -> kartla_status;
    pub fn kartla_trust_draft_next(
        trust_list: *const u8,
        trust_list_len: usize,
        out: *mut *mut kartla_trust_draft,
    ) -> kartla_status;
    pub fn kartla_trust_draft_add(
        draft: *mut kartla_trust_draft,
        card: *const u8,
        card_len: usize,
        role: *const c_char,
        valid_from: i64,
        valid_until: i64,
    ) -> kartla_status;
    pub fn kartla_trust_draft_remove(
        draft: *mut kartla_trust_draft,
        card: *const u8,
        card_len: usize,
        removed: *mut c_int,
    ) -> kartla_status;
    pub fn kartla_trust_draft_sequence(draft: *const kartla_trust_draft, out: *mut u64) -> kartla_status;
    pub fn kartla_trust_draft_free(draft: *mut kartla_trust_draft);
    pub fn kartla_trust_list_sign(
        root: *const kartla_identity,
        draft: *const kartla_trust_draft,
        issued_at: i64,
        expires_at: i64,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_trust_list_verify(
        trust_list: *const u8,
        trust_list_len: usize,
        expected_root_card: *const u8,
        expected_root_card_len: usize,
        last_seen: u64,
        now: i64,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;

    // kartla/experimental/views.h
    pub fn kartla_view_options_init(options: *mut kartla_view_options);
    pub fn kartla_record_progress(
        record: *const kartla_record,
        options: *const kartla_view_options,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_progress_text(
        record: *const kartla_record,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_progress_svg(
        record: *const kartla_record,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_plan(
        record: *const kartla_record,
        options: *const kartla_view_options,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_plan_text(
        record: *const kartla_record,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_record_show_text(
        record: *const kartla_record,
        section: *const c_char,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_progress(
        share: *const kartla_share,
        at: i64,
        options: *const kartla_view_options,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_progress_text(
        share: *const kartla_share,
        at: i64,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_progress_svg(
        share: *const kartla_share,
        at: i64,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_plan(
        share: *const kartla_share,
        at: i64,
        options: *const kartla_view_options,
        encoding: kartla_encoding,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_plan_text(
        share: *const kartla_share,
        at: i64,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;
    pub fn kartla_share_show_text(
        share: *const kartla_share,
        section: *const c_char,
        at: i64,
        options: *const kartla_view_options,
        out: *mut kartla_buffer,
    ) -> kartla_status;

    // The message catalogue the views speak from. Each result is never NULL (except
    // kartla_code_label's, for a code outside a closed list) and points into the library's
    // read-only catalogue, valid for the life of the process.
    pub fn kartla_message(language: *const c_char, context: *const c_char, msgid: *const c_char) -> *const c_char;
    pub fn kartla_message_plural(
        language: *const c_char,
        context: *const c_char,
        msgid: *const c_char,
        msgid_plural: *const c_char,
        n: u64,
    ) -> *const c_char;
    pub fn kartla_code_label(language: *const c_char, system: *const c_char, code: *const c_char) -> *const c_char;

    // kartla/experimental/errors.h: the thread's last error in `language`, with the lifetime of
    // kartla_last_error()'s (until the next Kartla call on this thread).
    pub fn kartla_last_error_localized(language: *const c_char) -> *const c_char;
}
