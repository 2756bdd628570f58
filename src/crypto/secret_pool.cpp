// SPDX-License-Identifier: Apache-2.0
#include "crypto/secret_pool.h"

#include <sodium.h>

#include <cstdint>
#include <mutex>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define KARTLA_POOL_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define KARTLA_POOL_OFF 1
#endif
#endif

namespace kartla::crypto::detail {

#if defined(KARTLA_POOL_OFF)
void* pool_take(size_t) { return nullptr; }
bool pool_give_back(void*) { return false; }
#else
namespace {

// Two classes: keys and nonces-with-keys (<= 128 bytes), and short plaintexts such as a profile
// or its JSON (<= 16 KiB). 64 KiB + 512 KiB locked in all, well under the usual 8 MiB
// RLIMIT_MEMLOCK of an unprivileged process.
class SlotClass {
 public:
  SlotClass(size_t slot_bytes, uint32_t slots) : slot_bytes_(slot_bytes), slots_(slots) {}

  size_t slot_bytes() const { return slot_bytes_; }

  void* take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (region_ == nullptr && !allocate_region()) return nullptr;
    if (free_.empty()) return nullptr;
    const uint32_t index = free_.back();
    free_.pop_back();
    return region_ + static_cast<size_t>(index) * slot_bytes_;
  }

  bool give_back(void* p) {
    auto* byte = static_cast<uint8_t*>(p);
    std::lock_guard<std::mutex> lock(mutex_);
    if (region_ == nullptr || byte < region_ || byte >= region_ + region_bytes()) return false;
    sodium_memzero(byte, slot_bytes_);
    free_.push_back(static_cast<uint32_t>((byte - region_) / slot_bytes_));
    return true;
  }

 private:
  size_t region_bytes() const { return slot_bytes_ * slots_; }

  bool allocate_region() {
    void* region = sodium_malloc(region_bytes());
    if (region == nullptr) return false;
    sodium_memzero(region, region_bytes());
    region_ = static_cast<uint8_t*>(region);
    free_.reserve(slots_);
    for (uint32_t i = slots_; i > 0; --i) free_.push_back(i - 1);
    return true;
  }

  const size_t slot_bytes_;
  const uint32_t slots_;
  std::mutex mutex_;
  uint8_t* region_ = nullptr;  // lives as long as the process: secrets may outlive main()
  std::vector<uint32_t> free_;
};

struct Pool {
  SlotClass keys{128, 512};
  SlotClass texts{16384, 32};
};

// Never destroyed: a static SecretBuffer elsewhere may be released after this file's statics.
Pool& pool() {
  static Pool* const instance = new Pool();
  return *instance;
}

}  // namespace

void* pool_take(size_t size) {
  Pool& p = pool();
  if (size <= p.keys.slot_bytes()) {
    if (void* slot = p.keys.take()) return slot;
  }
  if (size <= p.texts.slot_bytes()) return p.texts.take();
  return nullptr;
}

bool pool_give_back(void* p) { return pool().keys.give_back(p) || pool().texts.give_back(p); }
#endif

}  // namespace kartla::crypto::detail
