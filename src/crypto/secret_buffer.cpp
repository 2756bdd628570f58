#include "crypto/secret_buffer.h"

#include <sodium.h>

#include <cstring>
#include <utility>

#include "base/error.h"
#include "crypto/init.h"

namespace kartla::crypto {

SecretBuffer::SecretBuffer(size_t size) {
  ensure_initialized();
  // sodium_malloc(0) is legal but we want a distinct, wipeable allocation in every case.
  void* p = sodium_malloc(size == 0 ? 1 : size);
  if (p == nullptr) fail(Code::no_memory, "out of secure memory");
  data_ = static_cast<uint8_t*>(p);
  size_ = size;
  sodium_memzero(data_, size == 0 ? 1 : size);
}

SecretBuffer::SecretBuffer(size_t size, Uninitialized) {
  ensure_initialized();
  void* p = sodium_malloc(size == 0 ? 1 : size);
  if (p == nullptr) fail(Code::no_memory, "out of secure memory");
  data_ = static_cast<uint8_t*>(p);
  size_ = size;
}

SecretBuffer::~SecretBuffer() { release(); }

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
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
  if (data_ != nullptr) sodium_free(data_);  // sodium_free wipes the whole allocation first
  data_ = nullptr;
  size_ = 0;
}

bool equal_constant_time(ByteView a, ByteView b) {
  if (a.size != b.size) return false;
  if (a.size == 0) return true;
  return sodium_memcmp(a.data, b.data, a.size) == 0;
}

void wipe(void* data, size_t size) {
  if (data != nullptr && size != 0) sodium_memzero(data, size);
}

}  // namespace kartla::crypto
