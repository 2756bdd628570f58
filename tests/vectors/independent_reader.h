/* SPDX-License-Identifier: Apache-2.0 */
// A reader of record files and share bundles written from docs/SPEC.md §1-§8 alone: libsodium
// called directly, protobuf read by field number, no Kartla code (nothing from src/). The
// vectors_independent check runs the negative vectors through it, so a rule the spec states
// differently from the library (or leaves out) shows up as a disagreement on some vector.
//
// Every failure is thrown as a Refusal carrying the SPEC §11 status name. Not covered: UTF-8
// validation of string fields and protobuf nesting depth (no record vector exercises them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kartla::vectors::independent {

struct Refusal {
  std::string status;  // "E_FORMAT", ...
  std::string reason;
};

// SPEC §1.2 building blocks.
std::string H(const std::string& label, const std::string& x, const std::string& key = "");
std::string le(uint64_t value, int bytes);
// crypto_kdf_derive_from_key spelled out as the BLAKE2b call it is (SPEC §1.2).
std::string kdf(const std::string& key, const std::string& context, uint64_t id);
std::optional<std::string> aead_open(const std::string& key, const std::string& sealed, const std::string& ad);
bool verify(const std::string& label, const std::string& public_key, const std::string& message,
            const std::string& signature);
std::string x25519_public(const std::string& secret);
std::string ed25519_public(const std::string& seed);

// SPEC §5.2, §5.3, §6.2: keys, names and associated data derived from the record master key.
std::string section_key(const std::string& rmk, uint32_t section, uint32_t generation);
std::string section_ad(const std::string& record_id, uint32_t section, uint32_t generation);
std::string key_commitment(const std::string& key, const std::string& record_id, uint32_t section,
                           uint32_t generation);
std::string slot_secret(const std::string& rmk, uint32_t section);
std::string slot_tag(const std::string& slot_secret);
std::string slot_commitment(const std::string& slot_secret);
std::string slot_table(const std::string& rmk);
std::string index_key(const std::string& rmk);
std::string index_ad(const std::string& record_id, uint64_t sequence);

// SPEC §5.4.
uint64_t padded_size(uint64_t n);
bool is_padded_length(uint64_t p);
std::string pad(const std::string& content);
// The content of a padded plaintext; Refusal E_FORMAT unless it is exactly pad(content).
std::string unpad(const std::string& padded);

// SPEC §5.1: section id by name, 0 if unknown.
uint32_t section_id_of(const std::string& name);

struct SectionRef {
  std::string slot_tag;
  std::string entry_digest;
};

struct Entry {
  std::string bytes;  // exact SectionEntry bytes
  std::string slot_tag;
  uint64_t ciphertext_length = 0;
  std::string ciphertext_hash;
  std::string key_commitment;
  std::string body;
};

struct Container {
  std::string manifest;  // exact signed bytes
  std::string record_id, owner_signing_key, owner_encryption_key, owner_key_wrap, previous_manifest_hash;
  uint64_t sequence = 0;
  std::vector<SectionRef> sections;
  std::vector<std::string> grant_digests;
  std::string slot_commitments;
  std::string sealed_index;
  std::vector<Entry> entries;  // present, in file order
  std::vector<std::string> grants;
  const Entry* find(const std::string& slot_tag) const;
};

// SPEC §6.3 steps 1-8.
Container read_container(const std::string& file);
// Keyless verification (SPEC §8): the container and every body's ciphertext hash.
Container verify_file(const std::string& file);
// The report of SPEC §8 for a verified file, as its exact text.
std::string verification_report(const Container& c, uint64_t file_size);

struct IndexedSection {
  uint32_t id = 0;
  uint32_t generation = 0;
};

struct OwnerIndex {
  std::string padded;     // the AEAD plaintext
  std::string plaintext;  // the OwnerIndex bytes
  uint32_t highest_generation = 0;
  std::vector<IndexedSection> sections;
};

// SPEC §6.3 "The owner": the record master key, the slot table and the owner index.
struct OwnerView {
  Container container;
  std::string rmk;
  OwnerIndex index;
};
OwnerView open_as_owner(const std::string& file, const std::string& x25519_secret, const std::string& signing_key);
std::string read_as_owner(const OwnerView& view, uint32_t section);

struct GrantedSection {
  uint32_t id = 0;
  uint32_t generation = 0;
  std::string key;
  std::string slot_secret;
};

// SPEC §7.9: one entry of a grant's who-is-involved list.
struct Involved {
  std::string name, organisation_number, role, since, contact_name, contact_pseudonym;
  bool lead = false;
};

struct Grant {
  std::string padded_payload;  // the sealed box's plaintext
  std::string payload;         // without the padding
  std::string terms;           // exact GrantTerms bytes
  std::string grant_id, record_id, recipient_signing_key, recipient_encryption_key, purpose;
  std::string gdpr_art6_basis, gdpr_art9_basis;
  int64_t granted_at = 0, expires_at = 0;
  std::vector<GrantedSection> sections;
  std::vector<Involved> involved;
};

// SPEC §7.1 "Opening a grant", with the agency's X25519 secret key and its card's signing key:
// nullopt if the box is not this agency's.
std::optional<Grant> open_grant(const std::string& grant, const std::string& x25519_secret,
                                const std::string& signing_key);

// SPEC §7.3 steps 1-2: the container and the grants this agency opens.
struct AgencyView {
  Container container;
  std::vector<Grant> grants;
};
AgencyView open_as_agency(const std::string& file, const std::string& x25519_secret, const std::string& signing_key);
// SPEC §7.3 steps 3-4.
std::string read_as_agency(const AgencyView& view, uint32_t section, int64_t at);

// SPEC §7.6 "Reading a receipt" steps 1-6, with a card file (§4.2) of the owner to pin and of the
// reading agency (either empty: not pinned / not checked). Returns the Receipt bytes.
struct Receipt {
  std::string bytes;  // exact Receipt bytes
  uint64_t kind = 0, end_reason = 0, sequence = 0;
  std::string record_id, owner_signing_key, owner_encryption_key, grant_id, recipient_signing_key,
      recipient_encryption_key, agency_name, purpose, gdpr_art6_basis, gdpr_art9_basis, manifest_hash;
  std::vector<std::string> sections;
  int64_t granted_at = 0, expires_at = 0, ended_at = 0;
};
Receipt read_receipt(const std::string& file, const std::string& owner_card_file, const std::string& agency_card_file);

}  // namespace kartla::vectors::independent
