/* SPDX-License-Identifier: Apache-2.0 */
// Argon2id (libsodium crypto_pwhash, version 0x13) under an enforced policy. The floor is RFC 9106's
// second recommended option (64 MiB, 3 passes; libsodium always uses one lane); the ceiling keeps a
// hostile identity file from asking for gigabytes or hours. Both are checked before any hashing,
// and a file outside them is refused rather than "upgraded" (no downgrade, no DoS).
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

inline constexpr uint64_t kArgonMinOps = 3;
inline constexpr uint64_t kArgonMaxOps = 16;
inline constexpr uint64_t kArgonMinMemBytes = 64ull << 20;
inline constexpr uint64_t kArgonMaxMemBytes = 1ull << 30;
inline constexpr uint64_t kArgonDefaultOps = 3;
inline constexpr uint64_t kArgonDefaultMemBytes = 256ull << 20;
inline constexpr size_t kArgonSaltBytes = 16;
inline constexpr uint32_t kArgonAlgorithmId = 2;  // crypto_pwhash_ALG_ARGON2ID13

struct Argon2idParams {
  uint32_t algorithm = kArgonAlgorithmId;
  uint64_t opslimit = kArgonDefaultOps;
  uint64_t memlimit_bytes = kArgonDefaultMemBytes;
  std::string salt;  // kArgonSaltBytes random bytes
};

Argon2idParams new_argon2id_params(uint64_t opslimit, uint64_t memlimit_bytes);

// Throws Error(format) below the floor or for another algorithm, Error(limit) above the ceiling.
void check_argon2id_policy(const Argon2idParams& params);

SecretBuffer derive_key_from_passphrase(ByteView passphrase, const Argon2idParams& params);

}  // namespace kartla::crypto
