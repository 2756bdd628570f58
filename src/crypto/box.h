/* SPDX-License-Identifier: Apache-2.0 */
// X25519 key pairs and anonymous sealed boxes (crypto_box_seal): how a 32-byte key reaches a
// recipient. A sealed box does not authenticate its sender, so every wrap that matters is also
// listed in an owner-signed structure (docs/SPEC.md "Key wraps").
#pragma once

#include <optional>
#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

inline constexpr size_t kBoxPublicKeyBytes = 32;
inline constexpr size_t kBoxSecretKeyBytes = 32;
inline constexpr size_t kSealOverhead = 48;  // ephemeral public key + tag

struct BoxKeyPair {
  std::string public_key;  // 32 bytes
  SecretBuffer secret_key; // 32 bytes
};

BoxKeyPair box_keypair_from_secret(SecretBuffer secret_key);
BoxKeyPair box_keypair_generate();

std::string seal_to(ByteView recipient_public_key, ByteView plaintext);

// Trial-opens a sealed box. The length is checked before any decryption (a wrap of the wrong
// size is refused outright, as age does, so no partitioning oracle exists), and a box that is
// not for us, or whose ephemeral key is low-order, yields nullopt.
std::optional<SecretBuffer> open_sealed(const BoxKeyPair& recipient, ByteView sealed,
                                        size_t expected_plaintext_size);

// As open_sealed, for boxes whose plaintext length varies (grants, contributions): anything
// shorter than the overhead or longer than max_plaintext_size is refused before decryption.
std::optional<SecretBuffer> open_sealed_bounded(const BoxKeyPair& recipient, ByteView sealed,
                                                size_t max_plaintext_size);

}  // namespace kartla::crypto
