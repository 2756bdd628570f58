/* SPDX-License-Identifier: Apache-2.0 */
// Borrowed byte ranges. Owning containers for secrets live in crypto/secret_buffer.h; public
// bytes (ciphertexts, signatures, serialized messages) are plain std::string or std::vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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
// a pass over memory, and the first touch of every page, before the cipher writes it again.
class UnfilledBytes {
 public:
  UnfilledBytes() = default;
  explicit UnfilledBytes(size_t size) : data_(size == 0 ? nullptr : new uint8_t[size]), size_(size) {}
  uint8_t* data() { return data_.get(); }
  const uint8_t* data() const { return data_.get(); }
  size_t size() const { return size_; }
  ByteView view() const { return {data_.get(), size_}; }

 private:
  std::unique_ptr<uint8_t[]> data_;  // new uint8_t[n] default-initialises: no fill
  size_t size_ = 0;
};

inline std::string as_string(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace kartla
