// SPDX-License-Identifier: Apache-2.0
#include "crypto/sha256.h"

#include <sodium.h>

namespace kartla::crypto {

Sha256 sha256(ByteView data) {
  Sha256 out{};
  crypto_hash_sha256(out.data(), data.data, data.size);
  return out;
}

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256Hasher::state_ too small");

Sha256Hasher::Sha256Hasher() { crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state*>(state_)); }

// The state holds what was hashed last (a document's bytes): wiped like any plaintext.
Sha256Hasher::~Sha256Hasher() { sodium_memzero(state_, sizeof state_); }

void Sha256Hasher::update(ByteView data) {
  crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state*>(state_), data.data, data.size);
}

Sha256 Sha256Hasher::finish() {
  Sha256 out{};
  crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state*>(state_), out.data());
  return out;
}

}  // namespace kartla::crypto
