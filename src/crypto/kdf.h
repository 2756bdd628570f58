/* SPDX-License-Identifier: Apache-2.0 */
// Subkeys from a master key with libsodium's crypto_kdf (keyed BLAKE2b with an 8-byte context
// and a 64-bit subkey id). Section keys are derived this way from the record master key.
#pragma once

#include <cstdint>
#include <string_view>

#include "crypto/secret_buffer.h"

namespace kartla::crypto {

inline constexpr size_t kMasterKeyBytes = 32;

// context must be exactly 8 ASCII characters (docs/SPEC.md lists every context in use).
SecretBuffer derive_subkey(const SecretBuffer& master_key, std::string_view context,
                           uint64_t subkey_id, size_t subkey_size = 32);

}  // namespace kartla::crypto
