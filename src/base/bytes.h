// Borrowed byte ranges. Owning containers for secrets live in crypto/secret_buffer.h; public
// bytes (ciphertexts, signatures, serialized messages) are plain std::string or std::vector.
#pragma once

#include <cstddef>
#include <cstdint>
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

inline std::string as_string(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace kartla
