/* SPDX-License-Identifier: Apache-2.0 */
// Borrowed byte ranges. Owning containers for secrets live in crypto/secret_buffer.h; public
// bytes (ciphertexts, signatures, serialized messages) are plain std::string or std::vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/large_pages.h"

namespace kartla {

struct ByteView {
  const uint8_t* data = nullptr;
  size_t size = 0;

  ByteView() = default;
  ByteView(const uint8_t* d, size_t n) : data(d), size(n) {}
  ByteView(const std::string& s)  // NOLINT: implicit on purpose, strings carry protobuf bytes
      : data(reinterpret_cast<const uint8_t*>(s.data())), size(s.size()) {}
  ByteView(std::string_view s)  // NOLINT
      : data(reinterpret_cast<const uint8_t*>(s.data())), size(s.size()) {}

  std::string_view as_string_view() const {
    return {reinterpret_cast<const char*>(data), size};
  }
  std::string to_string() const { return std::string(as_string_view()); }
};

// Public bytes (a ciphertext) in a buffer that is allocated but not filled, for an output written
// whole at once. A std::string of that size zero-fills itself first: for a 64 MiB section that is
// a pass over memory, and the first touch of every page, before the cipher writes it again. Large
// ones come in 2 MiB pages (large_pages.h), which makes that first touch a fraction as dear.
class UnfilledBytes {
 public:
  UnfilledBytes() = default;
  explicit UnfilledBytes(size_t size) : data_(large_pages::allocate(size)), size_(size), allocated_(size) {}
  ~UnfilledBytes() { large_pages::release(data_, allocated_); }
  UnfilledBytes(UnfilledBytes&& other) noexcept
      : data_(other.data_), size_(other.size_), allocated_(other.allocated_) {
    other.data_ = nullptr;
    other.size_ = 0;
    other.allocated_ = 0;
  }
  UnfilledBytes& operator=(UnfilledBytes&& other) noexcept {
    if (this != &other) {
      large_pages::release(data_, allocated_);
      data_ = other.data_;
      size_ = other.size_;
      allocated_ = other.allocated_;
      other.data_ = nullptr;
      other.size_ = 0;
      other.allocated_ = 0;
    }
    return *this;
  }
  UnfilledBytes(const UnfilledBytes&) = delete;
  UnfilledBytes& operator=(const UnfilledBytes&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  ByteView view() const { return {data_, size_}; }
  // Keeps the first `size` bytes as the buffer's content (no-op if size >= size()). For an output
  // whose exact length is known only after the buffer was filled (a section built in place from
  // another one whose length hides behind its padding); the memory is released whole, later.
  void shrink_to(size_t size) {
    if (size < size_) size_ = size;
  }

 private:
  uint8_t* data_ = nullptr;  // uninitialised: no fill
  size_t size_ = 0;
  size_t allocated_ = 0;     // what release() must be given
};

inline std::string as_string(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace kartla
