// SPDX-License-Identifier: Apache-2.0
// Loading libkartla.so.1 and declaring its C functions for koffi (kartla/*.h, ABI 1).
//
// Private: the public API is in the other modules. Every function is declared with its C
// prototype as the headers give it (plus koffi's _Out_/_Inout_ marks on output parameters), so
// koffi converts and checks each argument. Koffi 3 passes pointers as BigInt; the wrappers keep
// every pointer in a private field and check every argument a caller gives before it reaches a
// declaration here (a BigInt or number where the C side wants a buffer would be taken as an
// address).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import koffi from "koffi";

export const ABI_VERSION = 1;
export const LIBRARY_NAME = "libkartla.so.1";

const here = path.dirname(fileURLToPath(import.meta.url));

// The library this package carries (native/linux-x64/libkartla.so.1, the packaged build that
// needs only the C library), unless KARTLA_LIBRARY names another; then the system's search path.
function candidates() {
  const named = process.env.KARTLA_LIBRARY;
  if (named) return [named]; // explicit: nothing else is tried
  const found = [];
  const bundled = path.join(here, "..", "native", `${process.platform}-${process.arch}`, LIBRARY_NAME);
  if (fs.existsSync(bundled)) found.push(bundled);
  found.push(LIBRARY_NAME);
  return found;
}

function load() {
  const errors = [];
  for (const candidate of candidates()) {
    let lib;
    try {
      lib = koffi.load(candidate);
    } catch (e) {
      errors.push(`${candidate}: ${e.message}`);
      continue;
    }
    const abi = lib.func("uint32_t kartla_abi_version(void)")();
    if (abi !== ABI_VERSION) {
      errors.push(`${candidate}: ABI version ${abi}, this binding needs ${ABI_VERSION}`);
      continue;
    }
    return { lib, libraryPath: candidate };
  }
  throw new Error(`kartla: cannot load ${LIBRARY_NAME} (set KARTLA_LIBRARY to its path):\n  ${errors.join("\n  ")}`);
}

const loaded = load();
export const libraryPath = loaded.libraryPath;
const lib = loaded.lib;

koffi.opaque("kartla_identity");
koffi.opaque("kartla_record");
koffi.opaque("kartla_share");
koffi.opaque("kartla_verification");
koffi.opaque("kartla_trust_draft");
koffi.alias("kartla_status", "int");
koffi.alias("kartla_encoding", "int");
koffi.alias("kartla_document_event", "int");
// experimental/documents.h: the callback a document is read into (declared, not wrapped yet).
export const DocumentCallback = koffi.proto(
  "int32_t kartla_document_callback(void *context, kartla_document_event event, const uint8_t *data, size_t len)",
);
// Output buffers are passed as 24 bytes of memory the binding owns (core.js), read in place: no
// struct conversion into and out of every call. The struct is declared for the layout test.
export const Buffer = koffi.struct("kartla_buffer", { data: "uint8_t *", len: "size_t", internal: "void *" });
export const IdentityOptions = koffi.struct("kartla_identity_options", {
  version: "uint32_t", kdf_opslimit: "uint32_t", kdf_memlimit_mib: "uint32_t", created_at: "int64_t",
});
export const AgencyInfo = koffi.struct("kartla_agency_info", {
  version: "uint32_t", name: "const char *", organisation_number: "const char *", role: "const char *",
});
export const RecordOpenOptions = koffi.struct("kartla_record_open_options", {
  version: "uint32_t", accept_older: "uint32_t", last_seen: "uint64_t",
});
export const RecordShareOptions = koffi.struct("kartla_record_share_options", {
  version: "uint32_t", purpose: "const char *", expires_at: "int64_t", now: "int64_t",
  gdpr_art6_basis: "const char *", gdpr_art9_basis: "const char *", tell_involved: "uint32_t",
});
export const DocumentOptions = koffi.struct("kartla_document_options", {
  version: "uint32_t", title: "const char *", kind: "const char *", media_type: "const char *", health_data: "uint32_t",
});
export const EntryRef = koffi.struct("kartla_entry_ref", {
  version: "uint32_t", owner_card: "const uint8_t *", owner_card_len: "size_t", record_id: "const char *",
  section: "const char *", entry_id: "const char *", entry: "const uint8_t *", entry_len: "size_t",
});

// The versions of the option structs this binding fills (the headers' *_VERSION macros).
export const IDENTITY_OPTIONS_VERSION = 1;
export const AGENCY_INFO_VERSION = 1;
export const RECORD_OPEN_OPTIONS_VERSION = 1;
export const RECORD_SHARE_OPTIONS_VERSION = 3;
export const ENTRY_REF_VERSION = 1;
export const DOCUMENT_OPTIONS_VERSION = 1;

const PROTOTYPES = [
  // common.h
  "const char *kartla_version(void)",
  "uint32_t kartla_version_number(void)",
  "uint32_t kartla_abi_version(void)",
  "uint32_t kartla_format_version(void)",
  "const char *kartla_status_name(kartla_status status)",
  "const char *kartla_last_error(void)",
  "void kartla_buffer_free(kartla_buffer *buffer)",
  "size_t kartla_section_count(void)",
  "const char *kartla_section_name(size_t index)",
  "kartla_status kartla_section_is_special_category(const char *section, _Out_ int *out)",
  // identity.h
  "kartla_status kartla_identity_new(const kartla_identity_options *options, const uint8_t *passphrase, size_t passphrase_len, _Out_ kartla_identity **out, kartla_buffer *recovery_code)",
  "kartla_status kartla_identity_open(const uint8_t *file, size_t file_len, const uint8_t *passphrase, size_t passphrase_len, _Out_ kartla_identity **out)",
  "kartla_status kartla_identity_open_file(const char *path, const uint8_t *passphrase, size_t passphrase_len, _Out_ kartla_identity **out)",
  "kartla_status kartla_identity_recover(const uint8_t *file, size_t file_len, const uint8_t *recovery_code, size_t code_len, _Out_ kartla_identity **out)",
  "kartla_status kartla_identity_recover_file(const char *path, const uint8_t *recovery_code, size_t code_len, _Out_ kartla_identity **out)",
  "kartla_status kartla_identity_set_passphrase(kartla_identity *identity, const uint8_t *passphrase, size_t passphrase_len)",
  "kartla_status kartla_identity_save(const kartla_identity *identity, const char *path, uint32_t flags)",
  "kartla_status kartla_identity_file_bytes(const kartla_identity *identity, kartla_buffer *out)",
  "kartla_status kartla_identity_card(const kartla_identity *identity, kartla_buffer *out)",
  "kartla_status kartla_identity_fingerprint(const kartla_identity *identity, kartla_buffer *out)",
  "void kartla_identity_free(kartla_identity *identity)",
  "kartla_status kartla_identity_use_state_folder(kartla_identity *identity, const char *folder)",
  "kartla_status kartla_card_fingerprint(const uint8_t *card, size_t card_len, kartla_buffer *out)",
  "size_t kartla_agency_role_count(void)",
  "const char *kartla_agency_role_name(size_t index)",
  "kartla_status kartla_identity_new_agency(const kartla_agency_info *info, const kartla_identity_options *options, const uint8_t *passphrase, size_t passphrase_len, _Out_ kartla_identity **out, kartla_buffer *recovery_code)",
  "kartla_status kartla_card_describe(const uint8_t *card, size_t card_len, kartla_encoding encoding, kartla_buffer *out)",
  // record.h
  "kartla_status kartla_record_new(const kartla_identity *owner, _Out_ kartla_record **out)",
  "kartla_status kartla_record_open(const uint8_t *bytes, size_t len, const kartla_identity *owner, _Out_ kartla_record **out)",
  "kartla_status kartla_record_open_file(const char *path, const kartla_identity *owner, _Out_ kartla_record **out)",
  "kartla_status kartla_record_open_with_options(const uint8_t *bytes, size_t len, const kartla_identity *owner, const kartla_record_open_options *options, _Out_ kartla_record **out)",
  "kartla_status kartla_record_open_file_with_options(const char *path, const kartla_identity *owner, const kartla_record_open_options *options, _Out_ kartla_record **out)",
  "kartla_status kartla_record_save(kartla_record *record, const char *path)",
  "kartla_status kartla_record_set_clock(kartla_record *record, int64_t now)",
  "kartla_status kartla_record_id(const kartla_record *record, kartla_buffer *out)",
  "kartla_status kartla_record_sequence(const kartla_record *record, _Out_ uint64_t *out)",
  "kartla_status kartla_record_sections(const kartla_record *record, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_record_has_section(const kartla_record *record, const char *section, _Out_ int *out)",
  "kartla_status kartla_record_set_section(kartla_record *record, const char *section, const uint8_t *protobuf, size_t len)",
  "kartla_status kartla_record_set_section_json(kartla_record *record, const char *section, const uint8_t *json, size_t len)",
  "kartla_status kartla_record_section(const kartla_record *record, const char *section, kartla_buffer *out)",
  "kartla_status kartla_record_section_size(const kartla_record *record, const char *section, _Out_ size_t *out)",
  "kartla_status kartla_record_section_into(const kartla_record *record, const char *section, uint8_t *out, size_t capacity, _Out_ size_t *out_len)",
  "kartla_status kartla_record_section_json(const kartla_record *record, const char *section, kartla_buffer *out)",
  "kartla_status kartla_record_remove_section(kartla_record *record, const char *section)",
  "void kartla_record_free(kartla_record *record)",
  "kartla_status kartla_validate_section(const char *section, const uint8_t *protobuf, size_t len, kartla_encoding encoding, kartla_buffer *report)",
  "kartla_status kartla_validate_section_json(const char *section, const uint8_t *json, size_t len, kartla_encoding encoding, kartla_buffer *report)",
  // share.h
  "kartla_status kartla_record_share(kartla_record *record, const uint8_t *card, size_t card_len, const char **sections, size_t section_count, const kartla_record_share_options *options, kartla_buffer *grant_id)",
  "kartla_status kartla_record_section_is_special(const kartla_record *record, const char *section, _Out_ int *out)",
  "kartla_status kartla_record_export_bundle(const kartla_record *record, const char *grant_id, const char *out_path)",
  // experimental/coordination.h (declared so the header check holds; not wrapped yet)
  "kartla_status kartla_record_export_case_bundle(const kartla_record *record, const char **grant_ids, size_t grant_count, const char *out_path)",
  // experimental/followup.h (declared so the header check holds; not wrapped yet)
  "uint32_t kartla_followup_minimum_group(void)",
  "size_t kartla_followup_max_bundles(void)",
  "kartla_status kartla_followup_report(const kartla_identity *agency, const char **bundle_paths, size_t bundle_count, int64_t now, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_record_revoke(kartla_record *record, const uint8_t *card, size_t card_len, int64_t now, kartla_encoding encoding, kartla_buffer *summary)",
  "kartla_status kartla_share_open_file(const char *path, const kartla_identity *agency, _Out_ kartla_share **out)",
  "kartla_status kartla_share_open(const uint8_t *bytes, size_t len, const kartla_identity *agency, _Out_ kartla_share **out)",
  "kartla_status kartla_share_section(const kartla_share *share, const char *section, int64_t at, kartla_buffer *out)",
  "kartla_status kartla_share_section_json(const kartla_share *share, const char *section, int64_t at, kartla_buffer *out)",
  "kartla_status kartla_share_section_size(const kartla_share *share, const char *section, int64_t at, _Out_ size_t *out)",
  "kartla_status kartla_share_section_into(const kartla_share *share, const char *section, int64_t at, uint8_t *out, size_t capacity, _Out_ size_t *out_len)",
  "kartla_status kartla_share_describe(const kartla_share *share, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_share_sequence(const kartla_share *share, _Out_ uint64_t *out)",
  "kartla_status kartla_share_check_last_seen(const kartla_share *share, uint64_t last_seen)",
  "kartla_status kartla_share_check_owner(const kartla_share *share, const uint8_t *card, size_t card_len)",
  "void kartla_share_free(kartla_share *share)",
  // verify.h
  "kartla_status kartla_verification_open_file(const char *path, _Out_ kartla_verification **out)",
  "kartla_status kartla_verification_open(const uint8_t *bytes, size_t len, _Out_ kartla_verification **out)",
  "kartla_status kartla_verification_sequence(const kartla_verification *v, _Out_ uint64_t *out)",
  "kartla_status kartla_verification_record_id(const kartla_verification *v, kartla_buffer *out)",
  "kartla_status kartla_verification_owner_fingerprint(const kartla_verification *v, kartla_buffer *out)",
  "kartla_status kartla_verification_previous_hash(const kartla_verification *v, kartla_buffer *out)",
  "kartla_status kartla_verification_report(const kartla_verification *v, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_verification_check_last_seen(const kartla_verification *v, uint64_t last_seen)",
  "void kartla_verification_free(kartla_verification *v)",
  // experimental/attest.h
  "kartla_status kartla_section_entry(const char *section, const uint8_t *content, size_t content_len, const char *entry_id, kartla_buffer *out)",
  "kartla_status kartla_attestation_issue(const kartla_identity *agency, const kartla_entry_ref *ref, const char *claim_json, int64_t issued_at, int64_t expires_at, kartla_buffer *out)",
  "kartla_status kartla_attestation_verify(const uint8_t *attestation, size_t attestation_len, const kartla_entry_ref *ref, const uint8_t *trust_list, size_t trust_list_len, int64_t now, kartla_encoding encoding, kartla_buffer *report)",
  "kartla_status kartla_attestation_describe(const uint8_t *attestation, size_t attestation_len, const uint8_t *trust_list, size_t trust_list_len, int64_t now, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_record_attach_attestation(kartla_record *record, const kartla_identity *owner, const uint8_t *attestation, size_t attestation_len, int64_t now, _Out_ int *added)",
  "kartla_status kartla_record_provenance(const kartla_record *record, const kartla_identity *owner, const char *section, const uint8_t *trust_list, size_t trust_list_len, int64_t now, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_share_provenance(const kartla_share *share, const char *section, const uint8_t *trust_list, size_t trust_list_len, int64_t now, kartla_encoding encoding, kartla_buffer *out)",
  // experimental/contribution.h
  "kartla_status kartla_contribution_create(const kartla_identity *agency, const uint8_t *owner_card, size_t owner_card_len, const char *record_id, const char *section, const uint8_t *entry_json, size_t entry_json_len, const char *claim_json, int64_t now, kartla_buffer *out)",
  "kartla_status kartla_contribution_describe(const kartla_identity *owner, const uint8_t *contribution, size_t contribution_len, const char *record_id, int64_t now, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_record_accept_contribution(kartla_record *record, const kartla_identity *owner, const uint8_t *contribution, size_t contribution_len, int64_t now, _Out_ int *added)",
  // experimental/errors.h (declared so the header check holds; not wrapped yet)
  "const char *kartla_last_error_localized(const char *language)",
  // experimental/documents.h
  "kartla_status kartla_record_add_document(kartla_record *record, const uint8_t *content, size_t len, const kartla_document_options *options, kartla_buffer *id)",
  "kartla_status kartla_record_add_document_file(kartla_record *record, const char *path, const kartla_document_options *options, kartla_buffer *id)",
  "kartla_status kartla_record_document(const kartla_record *record, const char *id, kartla_buffer *out)",
  "kartla_status kartla_record_document_to_file(const kartla_record *record, const char *id, const char *path, int replace)",
  "kartla_status kartla_record_document_to_callback(const kartla_record *record, const char *id, kartla_document_callback *callback, void *context)",
  "kartla_status kartla_record_documents(const kartla_record *record, kartla_encoding encoding, kartla_buffer *out)",
  "kartla_status kartla_record_remove_document(kartla_record *record, const char *id)",
  "kartla_status kartla_share_document(const kartla_share *share, const char *id, int64_t at, kartla_buffer *out)",
  "kartla_status kartla_share_document_to_file(const kartla_share *share, const char *id, int64_t at, const char *path, int replace)",
  "kartla_status kartla_share_document_to_callback(const kartla_share *share, const char *id, int64_t at, kartla_document_callback *callback, void *context)",
  "kartla_status kartla_share_documents(const kartla_share *share, int64_t at, kartla_encoding encoding, kartla_buffer *out)",
  // experimental/agent.h (declared so the header check holds; the agent is the CLI's)
  "kartla_status kartla_identity_passphrase_key_tag(const uint8_t *file, size_t file_len, kartla_buffer *out)",
  "kartla_status kartla_identity_open_insecure_export_key(const uint8_t *file, size_t file_len, const uint8_t *passphrase, size_t passphrase_len, _Out_ kartla_identity **out, kartla_buffer *passphrase_key)",
  "kartla_status kartla_identity_open_with_passphrase_key(const uint8_t *file, size_t file_len, const uint8_t *key, size_t key_len, _Out_ kartla_identity **out)",
  "kartla_status kartla_buffer_copy(const uint8_t *data, size_t len, kartla_buffer *out)",
  // experimental/identity.h
  "kartla_status kartla_identity_set_passphrase_with_options(kartla_identity *identity, const kartla_identity_options *options, const uint8_t *passphrase, size_t passphrase_len)",
  "kartla_status kartla_record_contribution_accepted(const kartla_record *record, const kartla_identity *owner, const uint8_t *contribution, size_t contribution_len, int64_t now, _Out_ int *accepted)",
  // experimental/receipt.h
  "kartla_status kartla_record_receipt(const kartla_record *record, const char *grant_id, kartla_buffer *out)",
  "kartla_status kartla_receipt_describe(const uint8_t *receipt, size_t receipt_len, const uint8_t *owner_card, size_t owner_card_len, const uint8_t *agency_card, size_t agency_card_len, kartla_encoding encoding, kartla_buffer *out)",
  // experimental/trust.h
  "kartla_status kartla_identity_new_trust_root(const char *name, const kartla_identity_options *options, const uint8_t *passphrase, size_t passphrase_len, _Out_ kartla_identity **out, kartla_buffer *recovery_code)",
  "kartla_status kartla_trust_draft_new(uint64_t sequence, _Out_ kartla_trust_draft **out)",
  "kartla_status kartla_trust_draft_next(const uint8_t *trust_list, size_t trust_list_len, _Out_ kartla_trust_draft **out)",
  "kartla_status kartla_trust_draft_add(kartla_trust_draft *draft, const uint8_t *card, size_t card_len, const char *role, int64_t valid_from, int64_t valid_until)",
  "kartla_status kartla_trust_draft_remove(kartla_trust_draft *draft, const uint8_t *card, size_t card_len, _Out_ int *removed)",
  "kartla_status kartla_trust_draft_sequence(const kartla_trust_draft *draft, _Out_ uint64_t *out)",
  "void kartla_trust_draft_free(kartla_trust_draft *draft)",
  "kartla_status kartla_trust_list_sign(const kartla_identity *root, const kartla_trust_draft *draft, int64_t issued_at, int64_t expires_at, kartla_buffer *out)",
  "kartla_status kartla_trust_list_verify(const uint8_t *trust_list, size_t trust_list_len, const uint8_t *expected_root_card, size_t expected_root_card_len, uint64_t last_seen, int64_t now, kartla_encoding encoding, kartla_buffer *out)",
];

/** The C functions by name (kartla_version, ...). */
export const c = Object.create(null);
for (const prototype of PROTOTYPES) {
  const fn = lib.func(prototype);
  c[prototype.match(/(kartla_[a-z0-9_]+)\(/)[1]] = fn;
}
