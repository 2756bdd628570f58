// The record container's structures as plain C++ values, and their strict encoding. Only this
// file and its .cpp touch the generated container protobufs for records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/hash.h"

namespace kartla::format {

struct SectionEntry {
  uint32_t section_id = 0;
  uint32_t generation = 0;
  uint64_t ciphertext_length = 0;
  std::string ciphertext_hash;  // 32 bytes
  std::string key_commitment;   // 32 bytes
};

struct Manifest {
  std::string record_id;               // 16 bytes
  std::string owner_signing_key;       // 32
  std::string owner_encryption_key;    // 32
  uint64_t sequence = 0;               // >= 1
  std::string previous_manifest_hash;  // 32, or empty when sequence == 1
  std::string owner_key_wrap;          // 80
  std::vector<std::string> section_digests;  // strictly ascending
  std::vector<std::string> grant_digests;    // strictly ascending
  uint32_t highest_generation = 0;           // >= every section entry's generation
};

struct RecordHeader {
  std::string manifest;   // exact signed bytes
  std::string manifest_signature;
  std::vector<std::string> section_entries;  // exact bytes, body order
  std::vector<std::string> grants;           // exact bytes
};

// Encoders sort nothing: callers pass digests already sorted (sort_digests helps).
std::string encode_manifest(const Manifest& manifest);
std::string encode_section_entry(const SectionEntry& entry);
std::string encode_record_header(const RecordHeader& header);

// Decoders are strict (strict_parse.h) and check every field's length and range.
Manifest decode_manifest(ByteView bytes);
SectionEntry decode_section_entry(ByteView bytes);
RecordHeader decode_record_header(ByteView bytes);

void sort_digests(std::vector<std::string>& digests);

crypto::Digest section_entry_digest(ByteView entry_bytes);
crypto::Digest manifest_hash(ByteView manifest_bytes);

}  // namespace kartla::format
