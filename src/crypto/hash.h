/* SPDX-License-Identifier: Apache-2.0 */
// Domain-separated BLAKE2b. Every hash in the format is H(label, data) =
// BLAKE2b-256(label || 0x00 || data): the labels are distinct ASCII strings without NUL, so no
// input under one label can collide with an input under another (docs/SPEC.md "Hashes").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

inline constexpr size_t kHashBytes = 32;
using Digest = std::array<uint8_t, kHashBytes>;

class LabelledHasher {
 public:
  explicit LabelledHasher(std::string_view label);
  // Keyed BLAKE2b (a PRF); used for key commitments, where the key itself is hashed.
  LabelledHasher(std::string_view label, const SecretBuffer& key);
  ~LabelledHasher();
  LabelledHasher(const LabelledHasher&) = delete;
  LabelledHasher& operator=(const LabelledHasher&) = delete;

  LabelledHasher& update(ByteView data);
  LabelledHasher& update_u32(uint32_t value);  // little-endian
  LabelledHasher& update_u64(uint64_t value);  // little-endian
  Digest finish();
  // For hashes whose output is itself a key (the recovery key): lands in secure memory.
  SecretBuffer finish_secret();

 private:
  alignas(64) unsigned char state_[384];  // crypto_generichash_state, kept opaque to callers
  bool finished_ = false;
};

Digest labelled_hash(std::string_view label, ByteView data);

inline std::string digest_bytes(const Digest& d) {
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

}  // namespace kartla::crypto
