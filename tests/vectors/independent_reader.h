// A reader of record files and share bundles written from docs/SPEC.md §3, §5, §6.3 and §7 alone:
// libsodium called directly, protobuf read by field number (wire_read.h), no Kartla code. The
// vectors_independent check runs the negative vectors through it, so a rule the spec states
// differently from the library (or leaves out) shows up as a disagreement on some vector.
//
// Every failure is thrown as a Refusal carrying the SPEC §11 status name. Not covered: UTF-8
// validation of string fields and protobuf nesting depth (no record vector exercises them).
#pragma once

#include <cstdint>
#include <map>
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
std::string section_key(const std::string& rmk, uint32_t section, uint32_t generation);
std::string section_ad(const std::string& record_id, uint32_t section, uint32_t generation);
std::optional<std::string> aead_open(const std::string& key, const std::string& sealed, const std::string& ad);
bool verify(const std::string& label, const std::string& public_key, const std::string& message,
            const std::string& signature);
std::string x25519_public(const std::string& secret);

// SPEC §5.1: section id by name, 0 if unknown.
uint32_t section_id_of(const std::string& name);

struct Section {
  uint32_t id = 0;
  uint32_t generation = 0;
  std::string entry;  // exact bytes
  std::string ciphertext_hash;
  std::string key_commitment;
  std::string body;
};

struct Container {
  std::string manifest;  // exact signed bytes
  std::string record_id, owner_signing_key, owner_encryption_key, owner_key_wrap, previous_manifest_hash;
  uint64_t sequence = 0;
  uint64_t highest_generation = 0;
  std::vector<std::string> section_digests, grant_digests;
  std::vector<Section> sections;  // present, in file order
  std::vector<std::string> grants;
  const Section* find(uint32_t id) const;
};

// SPEC §6.3 steps 1-8.
Container read_container(const std::string& file);
// Keyless verification (SPEC §8): the container and every body's ciphertext hash.
Container verify_file(const std::string& file);

struct GrantedSection {
  uint32_t id = 0;
  uint32_t generation = 0;
  std::string key;
};

struct Grant {
  std::string payload;  // the sealed box's plaintext
  std::string terms;    // exact GrantTerms bytes
  std::string grant_id, record_id, recipient_signing_key, recipient_encryption_key, purpose;
  uint64_t granted_at = 0, expires_at = 0;
  std::vector<GrantedSection> sections;
};

// SPEC §7.1: nullopt if the box does not open with this X25519 secret key (someone else's grant).
std::optional<Grant> open_grant(const std::string& grant, const std::string& x25519_secret);

// SPEC §7.3 steps 1-2: the container and the grants this agency opens.
struct AgencyView {
  Container container;
  std::vector<Grant> grants;
};
AgencyView open_as_agency(const std::string& file, const std::string& x25519_secret);
// SPEC §7.3 steps 3-4.
std::string read_as_agency(const AgencyView& view, uint32_t section, uint64_t at);

// SPEC §6.3 "The owner": the record master key, every listed entry and grant present.
struct OwnerView {
  Container container;
  std::string rmk;
};
OwnerView open_as_owner(const std::string& file, const std::string& x25519_secret, const std::string& signing_key);
std::string read_as_owner(const OwnerView& view, uint32_t section);

}  // namespace kartla::vectors::independent
