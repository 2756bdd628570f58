/* SPDX-License-Identifier: Apache-2.0 */
// The record container's structures as plain C++ values, and their strict encoding. Only this
// file and its .cpp touch the generated container protobufs for records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/hash.h"

namespace kartla::format {

// A section's public entry: no section id, no generation (docs/SPEC.md §6.2). The slot tag
// names it only to a reader holding the section's slot secret.
struct SectionEntry {
  std::string slot_tag;          // 32 bytes
  uint64_t ciphertext_length = 0;  // padded body, nonce and tag included
  std::string ciphertext_hash;   // 32 bytes
  std::string key_commitment;    // 32 bytes
};

struct SectionRef {
  std::string slot_tag;      // 32
  std::string entry_digest;  // 32
};

struct Manifest {
  std::string record_id;               // 16 bytes
  std::string owner_signing_key;       // 32
  std::string owner_encryption_key;    // 32
  uint64_t sequence = 0;               // >= 1
  std::string previous_manifest_hash;  // 32, or empty when sequence == 1
  std::string owner_key_wrap;          // 80
  std::vector<SectionRef> sections;    // strictly ascending by slot_tag
  std::vector<std::string> grant_digests;  // strictly ascending
  std::string slot_commitments;        // kSlotTableBytes: 64 distinct commitments
  std::string sealed_index;            // kSealedIndexBytes

  const SectionRef* find_ref(ByteView slot_tag) const;
};

// The owner's index (the plaintext of Manifest.sealed_index).
struct IndexedSection {
  uint32_t section_id = 0;
  uint32_t generation = 0;
};
struct OwnerIndex {
  uint32_t highest_generation = 0;
  std::vector<IndexedSection> sections;  // strictly ascending section_id
};

struct RecordHeader {
  std::string manifest;   // exact signed bytes
  std::string manifest_signature;
  std::vector<std::string> section_entries;  // exact bytes, body order
  std::vector<std::string> grants;           // exact bytes
};

// The padded index is always 1 KiB (64 sections fit), so its sealed form has one length.
inline constexpr size_t kSealedIndexBytes = 1024 + 40;

// Encoders sort nothing: callers pass digests already sorted (sort_digests helps).
std::string encode_manifest(const Manifest& manifest);
std::string encode_section_entry(const SectionEntry& entry);
std::string encode_record_header(const RecordHeader& header);
std::string encode_owner_index(const OwnerIndex& index);

// Decoders are strict (strict_parse.h) and check every field's length and range.
Manifest decode_manifest(ByteView bytes);
SectionEntry decode_section_entry(ByteView bytes);
RecordHeader decode_record_header(ByteView bytes);
// Also checks every rule of SPEC §6.2 on the index: ascending ids 1..64, generations 1..highest.
OwnerIndex decode_owner_index(ByteView bytes);

void sort_digests(std::vector<std::string>& digests);
void sort_section_refs(std::vector<SectionRef>& refs);

crypto::Digest section_entry_digest(ByteView entry_bytes);
crypto::Digest manifest_hash(ByteView manifest_bytes);

}  // namespace kartla::format
