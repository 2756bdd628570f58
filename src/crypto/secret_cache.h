/* SPDX-License-Identifier: Apache-2.0 */
// Larger secrets (above the pool's 16 KiB slots, up to 4 MiB) reuse libsodium secure memory kept
// per thread instead of a sodium_malloc and sodium_free each. Each of those is an mmap, four
// mprotects, an mlock and their undoing, and the kernel serialises them per process (the
// address-space lock): two threads each reading a 64 KiB section reached only 1.1-1.5x one
// thread (bench/README.md). Kept per thread, a block needs no lock at all.
//
// What a cached block keeps: it came from sodium_malloc (guard pages around the block, mlock
// where allowed), the secret's bytes are wiped with sodium_memzero when it is released, and a
// thread's blocks are wiped and freed when the thread ends. What it gives up: the block is
// rounded up to a power of two, so the guard page follows the block and not the secret's last
// byte (SecretBuffer never writes past its size). The rest of a block holds zeros or libsodium's
// fill pattern, never an earlier secret. docs/SPEC.md §10 states the policy.
#pragma once

#include <cstddef>

namespace kartla::crypto::detail {

// Secrets of more than kCacheMinBytes and at most kCacheMaxBytes come from the cache.
inline constexpr size_t kCacheMinBytes = 16384;
inline constexpr size_t kCacheMaxBytes = size_t{4} << 20;
// Blocks a thread keeps while none is in use: one for the secret being read, one for a second
// (a section and its JSON rendering).
inline constexpr int kCachedBlocksPerThread = 2;

// A block of at least `size` bytes for a secret of `size` bytes, and its capacity; nullptr if
// the size is outside the cache's range or caching is off in this build (sanitizers: every
// secret then gets its own sodium_malloc, which AddressSanitizer sees). Its first `size` bytes
// hold zeros or libsodium's fill pattern.
void* cache_take(size_t size, size_t* capacity);

// Gives back a block from cache_take after the caller has wiped the bytes it used. The block is
// kept for this thread or, if the thread already keeps enough, freed with sodium_free.
void cache_give_back(void* block, size_t capacity);

// How many blocks this thread keeps now (0 where the cache is off): what tests check reuse by,
// since an address seen twice can also be a fresh mapping at a freed one's place.
int cached_blocks_on_this_thread();

}  // namespace kartla::crypto::detail
