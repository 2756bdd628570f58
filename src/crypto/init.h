/* SPDX-License-Identifier: Apache-2.0 */
#pragma once

namespace kartla::crypto {

// Initialises libsodium once per process (sodium_init is itself thread-safe and idempotent).
// Throws Error(crypto) if the library cannot initialise (no usable RNG).
void ensure_initialized();

}  // namespace kartla::crypto
