// SPDX-License-Identifier: Apache-2.0
#include "crypto/secret_buffer.h"

#include <sodium.h>
#include <sys/mman.h>

#include <cstring>
#include <utility>

#include "base/error.h"
#include "crypto/init.h"
#include "crypto/secret_cache.h"
#include "crypto/secret_pool.h"

namespace kartla::crypto {

namespace {

// A pooled slot is already wiped (all zero); a cached block or a sodium_malloc'ed one holds zeros
// or libsodium's fill pattern, which `zeroed` clears. *cached_capacity is the capacity of a block
// from the per-thread cache, 0 for anything else.
uint8_t* secure_allocation(size_t size, bool zeroed, size_t* cached_capacity) {
  ensure_initialized();
  *cached_capacity = 0;
  // A zero-sized buffer still gets a distinct, wipeable allocation.
  const size_t bytes = size == 0 ? 1 : size;
  if (void* slot = detail::pool_take(bytes)) return static_cast<uint8_t*>(slot);
  if (void* block = detail::cache_take(bytes, cached_capacity)) {
    if (zeroed) sodium_memzero(block, bytes);
    return static_cast<uint8_t*>(block);
  }
  void* p = sodium_malloc(bytes);
  if (p == nullptr) fail(Code::no_memory, "out of secure memory");
  if (zeroed) sodium_memzero(p, bytes);
  return static_cast<uint8_t*>(p);
}

}  // namespace

SecretBuffer::SecretBuffer(size_t size) : data_(secure_allocation(size, true, &cached_capacity_)), size_(size) {}

SecretBuffer::SecretBuffer(size_t size, Uninitialized)
    : data_(secure_allocation(size, false, &cached_capacity_)), size_(size) {}

SecretBuffer::~SecretBuffer() { release(); }

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : cached_capacity_(std::exchange(other.cached_capacity_, 0)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    cached_capacity_ = std::exchange(other.cached_capacity_, 0);
  }
  return *this;
}

SecretBuffer SecretBuffer::copy_of(ByteView bytes) {
  SecretBuffer out(bytes.size);
  if (bytes.size != 0) std::memcpy(out.data_, bytes.data, bytes.size);
  return out;
}

void SecretBuffer::truncate(size_t new_size) {
  if (new_size >= size_) return;
  sodium_memzero(data_ + new_size, size_ - new_size);
  size_ = new_size;
}

void SecretBuffer::release() {
  // Every path wipes first: the pool its whole slot, sodium_free the whole allocation, and here
  // the bytes a cached block held (truncate already wiped any tail beyond size_).
  if (data_ != nullptr && cached_capacity_ != 0) {
    sodium_memzero(data_, size_);
    detail::cache_give_back(data_, cached_capacity_);
  } else if (data_ != nullptr && !detail::pool_give_back(data_)) {
    sodium_free(data_);
  }
  data_ = nullptr;
  size_ = 0;
  cached_capacity_ = 0;
}

bool equal_constant_time(ByteView a, ByteView b) {
  if (a.size != b.size) return false;
  if (a.size == 0) return true;
  return sodium_memcmp(a.data, b.data, a.size) == 0;
}

void wipe(void* data, size_t size) {
  if (data != nullptr && size != 0) sodium_memzero(data, size);
}

bool keep_out_of_swap(void* data, size_t size) {
  if (data == nullptr || size == 0) return false;
  return sodium_mlock(data, size) == 0;  // MADV_DONTDUMP first, then mlock
}

void allow_swap_of_ciphertext(void* data, size_t size) {
  if (data == nullptr || size == 0) return;
  (void)munlock(data, size);
#ifdef MADV_DODUMP
  (void)madvise(data, size, MADV_DODUMP);
#endif
}

}  // namespace kartla::crypto
