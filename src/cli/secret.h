// Bytes the CLI must not leave behind in freed memory: passphrases, recovery codes, section
// JSON. The CLI cannot reach libsodium's guarded memory (it sees only kartla.h), so this is
// ordinary heap memory that is wiped on every reallocation and on destruction.
#pragma once

#include <cstddef>
#include <string_view>

namespace kartla::cli {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string_view text) { append(text); }
  ~Secret() { release(); }
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;

  void append(std::string_view text);
  void push_back(char c) { append(std::string_view(&c, 1)); }
  void pop_back();  // wipes the removed byte
  void clear();     // wipes, keeps the capacity

  std::string_view view() const noexcept { return {data_, size_}; }
  size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  char back() const noexcept { return data_[size_ - 1]; }

 private:
  void reserve(size_t capacity);
  void release() noexcept;

  char* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Overwrites memory in a way the compiler may not optimise away.
void wipe(void* data, size_t len) noexcept;

}  // namespace kartla::cli
