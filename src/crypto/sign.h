/* SPDX-License-Identifier: Apache-2.0 */
// Ed25519 with a domain label in front of every signed message: signed = label || 0x00 || bytes.
// Each signed type has its own label (docs/SPEC.md "Signatures"), so a manifest signature can
// never verify as a card, grant or attestation signature, or the reverse.
#pragma once

#include <string>
#include <string_view>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

inline constexpr size_t kSignPublicKeyBytes = 32;
inline constexpr size_t kSignSeedBytes = 32;
inline constexpr size_t kSignatureBytes = 64;

struct SigningKeyPair {
  std::string public_key;  // 32 bytes
  SecretBuffer secret_key; // libsodium's 64-byte form (seed || public key)
};

SigningKeyPair signing_keypair_from_seed(const SecretBuffer& seed);

std::string sign_with_label(std::string_view label, const SigningKeyPair& keys, ByteView message);

// libsodium's strict verification: non-canonical S (S >= L), small-order or non-canonical R and A
// are rejected (tests/unit/crypto pins this decision table).
bool verify_with_label(std::string_view label, ByteView public_key, ByteView message,
                       ByteView signature);

}  // namespace kartla::crypto
