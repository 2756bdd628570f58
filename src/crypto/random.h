/* SPDX-License-Identifier: Apache-2.0 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "crypto/secret_buffer.h"

namespace kartla::crypto {

// All randomness comes from libsodium's randombytes (getrandom on Linux). libsodium aborts the
// process rather than return weak bytes, so an RNG failure can never produce a reused nonce.
void random_bytes(uint8_t* out, size_t size);
std::string random_public_bytes(size_t size);
SecretBuffer random_secret(size_t size);

}  // namespace kartla::crypto
