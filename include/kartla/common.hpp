// SPDX-License-Identifier: Apache-2.0
// Header-only C++17 wrapper over the Kartla C ABI: the parts every other wrapper uses. It adds no
// symbols of its own: each handle is a std::unique_ptr whose deleter calls kartla_T_free, each
// buffer a move-only owner that wipes on destruction, and each failing status becomes a
// kartla::error exception carrying the status and kartla_last_error(). Plaintext is returned in a
// kartla::buffer (guarded, wiped), never copied into a plain std::string by the wrapper.
// Thread-safety is that of the C handles. STABLE TIER (docs/API-STABILITY.md).
#ifndef KARTLA_COMMON_HPP
#define KARTLA_COMMON_HPP

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kartla/common.h"

namespace kartla {

class error : public std::runtime_error {
 public:
  error(kartla_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  kartla_status status() const noexcept { return status_; }
  const char* status_name() const noexcept { return kartla_status_name(status_); }

 private:
  kartla_status status_;
};

inline void check(kartla_status status) {
  if (status != KARTLA_OK) throw error(status, kartla_last_error());
}

// Library-owned bytes, wiped when released.
class buffer {
 public:
  buffer() noexcept { kartla_buffer_init(&raw_); }
  ~buffer() { kartla_buffer_free(&raw_); }
  buffer(buffer&& other) noexcept : raw_(other.raw_) { kartla_buffer_init(&other.raw_); }
  buffer& operator=(buffer&& other) noexcept {
    if (this != &other) {
      kartla_buffer_free(&raw_);
      raw_ = other.raw_;
      kartla_buffer_init(&other.raw_);
    }
    return *this;
  }
  buffer(const buffer&) = delete;
  buffer& operator=(const buffer&) = delete;

  kartla_buffer* out() noexcept { return &raw_; }
  const uint8_t* data() const noexcept { return raw_.data; }
  size_t size() const noexcept { return raw_.len; }
  std::string_view view() const noexcept {
    return {reinterpret_cast<const char*>(raw_.data), raw_.len};
  }
  // A copy in ordinary memory: the caller takes responsibility for it.
  std::string str() const { return std::string(view()); }

 private:
  kartla_buffer raw_;
};

namespace detail {
template <typename T, void (*Free)(T*)>
struct deleter {
  void operator()(T* p) const noexcept { Free(p); }
};
template <typename T, void (*Free)(T*)>
using handle = std::unique_ptr<T, deleter<T, Free>>;

inline const uint8_t* bytes(std::string_view s) noexcept { return reinterpret_cast<const uint8_t*>(s.data()); }
}  // namespace detail

inline std::vector<std::string> section_names() {
  std::vector<std::string> out;
  for (size_t i = 0; i < kartla_section_count(); ++i) out.emplace_back(kartla_section_name(i));
  return out;
}

inline bool section_is_special_category(const std::string& section) {
  int out = 0;
  check(kartla_section_is_special_category(section.c_str(), &out));
  return out != 0;
}

}  // namespace kartla

#endif  // KARTLA_COMMON_HPP
