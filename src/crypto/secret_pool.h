/* SPDX-License-Identifier: Apache-2.0 */
// Small secrets (keys, short plaintexts) come from a few regions of libsodium secure memory,
// carved into fixed slots, instead of one sodium_malloc each. Each sodium_malloc is an mmap,
// four mprotects, an mlock and their undoing: about 40 system calls, which on some virtual
// machines costs more than the cryptography of a whole small read (bench/README.md). Pooling
// secure memory is what OpenSSL's secure heap and Botan's locking allocator do too.
//
// What a pooled secret keeps: it is in memory obtained from sodium_malloc (guard pages around the
// region, mlock where allowed, never swapped out when that succeeds), wiped with sodium_memzero
// when given back. What it gives up: guard pages and a canary of its own, so an overrun of one
// slot would reach its neighbour. SecretBuffer never writes past its size, and sanitizer builds
// bypass the pool so that AddressSanitizer still sees every secret allocation on its own.
#pragma once

#include <cstddef>

namespace kartla::crypto::detail {

// A wiped (all-zero) slot of at least `size` bytes, or nullptr if `size` is larger than the
// largest slot, every slot of its class is taken, or pooling is off in this build.
void* pool_take(size_t size);

// If `p` came from pool_take: wipes its slot, frees it and returns true. Otherwise false (the
// caller frees it with sodium_free). Thread-safe, like pool_take.
bool pool_give_back(void* p);

}  // namespace kartla::crypto::detail
