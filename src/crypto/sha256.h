/* SPDX-License-Identifier: Apache-2.0 */
// SHA-256 of a document's bytes (libsodium crypto_hash_sha256). Not one of the format's own
// hashes (those are labelled BLAKE2b, crypto/hash.h): a DocumentEntry's sha256 field names the
// exact file in the form everyone else (issuers, Europass, `sha256sum`) already uses.
#pragma once

#include <array>
#include <cstdint>

#include "base/bytes.h"

namespace kartla::crypto {

inline constexpr size_t kSha256Bytes = 32;
using Sha256 = std::array<uint8_t, kSha256Bytes>;

Sha256 sha256(ByteView data);

// The same over bytes that arrive in pieces (a streamed document).
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(const Sha256Hasher&) = delete;
  Sha256Hasher& operator=(const Sha256Hasher&) = delete;
  void update(ByteView data);
  Sha256 finish();

 private:
  alignas(64) unsigned char state_[128];  // crypto_hash_sha256_state, opaque to callers
};

}  // namespace kartla::crypto
