/* SPDX-License-Identifier: Apache-2.0 */
// Hex through libsodium (constant-time encoders), for fingerprints, recovery codes and ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

std::string to_hex(ByteView bytes);

// Strict: exactly 2*n lowercase or uppercase hex digits, nothing else. nullopt otherwise.
std::optional<std::string> from_hex(std::string_view hex);

// For recovery codes: decodes into secure memory, skipping the separators in `ignore`.
// nullopt unless the whole input decodes to exactly `size` bytes.
std::optional<SecretBuffer> secret_from_hex(ByteView hex, size_t size, const char* ignore);

// Writes a secret as hex into secure memory (the recovery code shown once at creation).
SecretBuffer secret_to_hex(const SecretBuffer& bytes);

}  // namespace kartla::crypto
