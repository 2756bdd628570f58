/* SPDX-License-Identifier: Apache-2.0 */
// Owning storage for keys and decrypted plaintext, in libsodium secure memory (guard pages, mlock
// where the system allows) and wiped when released: small ones from a pool of slots in
// sodium_malloc'ed regions (secret_pool.h explains why), larger ones up to 4 MiB from blocks
// each thread reuses (secret_cache.h), the largest sodium_malloc'ed each. Move-only, so a secret is never duplicated by
// accident; the only way to copy one is the explicit copy_of().
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/bytes.h"

namespace kartla::crypto {

class SecretBuffer {
 public:
  SecretBuffer() = default;
  explicit SecretBuffer(size_t size);  // zero-filled; throws Error(no_memory)
  // For buffers the caller overwrites completely at once (a decryption target, a file read):
  // skips the zero fill, which costs a full pass over a 64 MiB section. The memory holds zeros
  // (a pooled slot) or sodium_malloc's fixed pattern: never anything of an earlier secret.
  struct Uninitialized {};
  SecretBuffer(size_t size, Uninitialized);
  ~SecretBuffer();

  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;

  static SecretBuffer copy_of(ByteView bytes);

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ByteView view() const { return {data_, size_}; }

  // Forgets the tail beyond new_size after wiping it (used when an AEAD opens in place).
  void truncate(size_t new_size);

 private:
  void release();
  // Declared first: the constructors' allocation writes it through a pointer while data_ is
  // initialised, and a member declared after data_ would then be reset by its own initialiser
  // (which is how every cached block once went back to sodium_free unseen).
  size_t cached_capacity_ = 0;  // non-zero: a block of the per-thread cache (secret_cache.h)
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

// Constant-time equality of two equally long byte strings (sodium_memcmp); unequal lengths are
// unequal, and lengths are not secret.
bool equal_constant_time(ByteView a, ByteView b);

// Wipes memory we do not own as a SecretBuffer (a std::string that briefly held plaintext).
void wipe(void* data, size_t size);

// For plaintext that must sit in a large public buffer for a while (a section built in the buffer
// it is sealed in, format::UnsealedBody): what sodium_malloc does for its own blocks, without the
// guard pages: out of core dumps (MADV_DONTDUMP) and, where RLIMIT_MEMLOCK allows, out of swap
// (mlock). Best effort, as in sodium_malloc: a refused mlock is not an error. Returns whether the
// pages are locked.
bool keep_out_of_swap(void* data, size_t size);
// Undoes keep_out_of_swap without wiping: for a buffer whose plaintext was encrypted in place and
// is now public ciphertext. (sodium_munlock would zero it.)
void allow_swap_of_ciphertext(void* data, size_t size);

}  // namespace kartla::crypto
