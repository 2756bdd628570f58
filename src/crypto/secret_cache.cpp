// SPDX-License-Identifier: Apache-2.0
#include "crypto/secret_cache.h"

#include <sodium.h>

#include <cstdint>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define KARTLA_CACHE_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define KARTLA_CACHE_OFF 1
#endif
#endif

namespace kartla::crypto::detail {

#if defined(KARTLA_CACHE_OFF)
void* cache_take(size_t, size_t*) { return nullptr; }
void cache_give_back(void* block, size_t) { sodium_free(block); }
int cached_blocks_on_this_thread() { return 0; }
#else
namespace {

struct Block {
  void* data;
  size_t capacity;
};

// Plain data, so it is still usable while the thread (or, on the main thread, the process) is
// being torn down: a SecretBuffer destroyed after ThreadBlocks' destructor ran finds `closed`
// set and frees its block directly.
struct Shelf {
  Block blocks[kCachedBlocksPerThread];
  int count;
  bool closed;
};

thread_local Shelf shelf{};

// Frees the thread's blocks when the thread ends. Cached blocks hold no secret (they were wiped
// when given back); sodium_free wipes them again anyway.
struct ThreadBlocks {
  ThreadBlocks() = default;
  ThreadBlocks(const ThreadBlocks&) = delete;
  ThreadBlocks& operator=(const ThreadBlocks&) = delete;
  ~ThreadBlocks() {
    for (int i = 0; i < shelf.count; ++i) sodium_free(shelf.blocks[i].data);
    shelf.count = 0;
    shelf.closed = true;
  }
};

// Constructed on a thread's first use of the cache, so its destructor is registered then.
void register_thread() {
  thread_local ThreadBlocks blocks;
  (void)blocks;
}

size_t rounded_capacity(size_t size) {
  size_t capacity = kCacheMinBytes * 2;
  while (capacity < size) capacity *= 2;
  return capacity;
}

}  // namespace

void* cache_take(size_t size, size_t* capacity) {
  if (size <= kCacheMinBytes || size > kCacheMaxBytes || shelf.closed) return nullptr;
  register_thread();
  // The smallest kept block that fits: a large block stays for a large secret.
  int best = -1;
  for (int i = 0; i < shelf.count; ++i)
    if (shelf.blocks[i].capacity >= size && (best < 0 || shelf.blocks[i].capacity < shelf.blocks[best].capacity))
      best = i;
  if (best >= 0) {
    const Block found = shelf.blocks[best];
    shelf.blocks[best] = shelf.blocks[--shelf.count];
    *capacity = found.capacity;
    return found.data;
  }
  const size_t bytes = rounded_capacity(size);
  void* p = sodium_malloc(bytes);
  if (p == nullptr) return nullptr;
  *capacity = bytes;
  return p;
}

int cached_blocks_on_this_thread() { return shelf.closed ? 0 : shelf.count; }

void cache_give_back(void* block, size_t capacity) {
  if (shelf.closed) {
    sodium_free(block);
    return;
  }
  register_thread();  // the block may have been taken on another thread
  if (shelf.count < kCachedBlocksPerThread) {
    shelf.blocks[shelf.count++] = Block{block, capacity};
    return;
  }
  // Full: keep the larger of this block and the smallest kept one.
  int smallest = 0;
  for (int i = 1; i < shelf.count; ++i)
    if (shelf.blocks[i].capacity < shelf.blocks[smallest].capacity) smallest = i;
  Block freed{block, capacity};
  if (shelf.blocks[smallest].capacity < capacity) std::swap(shelf.blocks[smallest], freed);
  sodium_free(freed.data);
}
#endif

}  // namespace kartla::crypto::detail
