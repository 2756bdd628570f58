/* SPDX-License-Identifier: Apache-2.0 */
// Taking a record container apart and putting it back together (docs/SPEC.md §6), so a negative
// vector can change exactly one piece: re-signing the manifest with the owner's key (and
// re-sealing the owner index with the record master key) when the change must get past the
// signature to reach the check it is aimed at.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/record_codec.h"

namespace kartla::vectors {

struct ContainerParts {
  format::Manifest manifest;
  std::string manifest_bytes;  // what the signature covers; reset by encode_and_sign
  std::string signature;
  std::vector<std::string> entries;  // exact SectionEntry bytes, in file order
  std::vector<std::string> bodies;   // the section bodies, same order
  std::vector<std::string> grants;
  uint64_t header_version = 1;
  std::string header_suffix;  // raw bytes appended to the RecordHeader (unknown fields)
};

ContainerParts split_container(const std::string& file);
std::string assemble(const ContainerParts& parts);

// Canonical encodings written field by field with wire.h. They must equal the library's own
// encoders; encode_and_sign and entry_wire check that on every call, so a vector can never be
// built from an encoding the library would not write.
std::string manifest_wire(const format::Manifest& manifest, uint32_t format_version = 1);
std::string entry_wire(const format::SectionEntry& entry);
std::string index_wire(const format::OwnerIndex& index);

// The slot tag an entry's bytes carry (field 1), read without the library's strict parser, so
// that a deliberately malformed entry can still be listed.
std::string slot_tag_of_entry(const std::string& entry);
crypto::Digest entry_digest(const std::string& entry);

// Recomputes the manifest's (slot tag, entry digest) pairs from the entries present (a full
// record only) and its grant digests from the grants present, both sorted.
void relist(ContainerParts& parts);
// Replaces the pair listing `old_entry` by one for `new_entry` (its own slot tag) and re-sorts:
// how a bundle, which lacks most listed entries, is changed in one place.
void relist_entry(format::Manifest& manifest, const std::string& old_entry, const std::string& new_entry);
// Replaces one grant digest and re-sorts.
void relist_grant(format::Manifest& manifest, const std::string& old_grant, const std::string& new_grant);
// Encodes parts.manifest canonically into manifest_bytes and signs it.
void encode_and_sign(ContainerParts& parts, const crypto::SigningKeyPair& keys);
// Signs parts.manifest_bytes exactly as they are (for deliberately non-canonical manifests).
void sign_as_is(ContainerParts& parts, const crypto::SigningKeyPair& keys);

// SPEC §5.4, through the library (crypto/padding.h).
std::string pad(const std::string& content);

// Everything the record master key gives the owner (SPEC §5.2, §5.3, §6.2).
struct RecordKeys {
  crypto::SecretBuffer rmk;
  std::string record_id;

  std::string slot_secret(uint32_t section_id) const;
  std::string slot_tag(uint32_t section_id) const;
  std::string slot_commitment(uint32_t section_id) const;
  std::string slot_table() const;
  // The section id whose slot tag this is; 0 if none of 1-64.
  uint32_t section_of(const std::string& slot_tag) const;
  crypto::SecretBuffer section_key(uint32_t section_id, uint32_t generation) const;
  std::string index_key() const;
  std::string index_associated_data(uint64_t sequence) const;
  format::OwnerIndex open_index(const format::Manifest& manifest) const;
  // The index sealed as the library seals it, and raw padded bytes sealed under the index key
  // (for a padding or an encoding the library would not write).
  std::string seal_index(uint64_t sequence, const format::OwnerIndex& index) const;
  std::string seal_index_bytes(uint64_t sequence, const std::string& padded) const;
};

// Opens the manifest's owner_key_wrap with the owner's key.
RecordKeys record_keys(const format::Manifest& manifest, const crypto::BoxKeyPair& owner);

}  // namespace kartla::vectors
