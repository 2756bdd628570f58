/* SPDX-License-Identifier: Apache-2.0 */
// Test and vector-generation builds only (never linked into libkartla): replaces libsodium's
// randombytes with a ChaCha20 stream from a fixed seed, so test vectors are reproducible.
#pragma once

#include <cstdint>

namespace kartla::crypto::testing {

// Must be called before anything else touches libsodium in the process.
void use_deterministic_rng(uint64_t seed);

}  // namespace kartla::crypto::testing
