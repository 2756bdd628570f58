#include "secret.h"

#include <string.h>  // explicit_bzero (glibc)

#include <cstring>
#include <new>
#include <utility>

namespace kartla::cli {

void wipe(void* data, size_t len) noexcept {
  if (data != nullptr && len != 0) explicit_bzero(data, len);
}

Secret::Secret(Secret&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void Secret::append(std::string_view text) {
  if (text.empty()) return;
  if (text.size() > capacity_ - size_) {
    size_t wanted = capacity_ < 64 ? 64 : capacity_;
    while (wanted - size_ < text.size()) wanted *= 2;
    reserve(wanted);
  }
  std::memcpy(data_ + size_, text.data(), text.size());
  size_ += text.size();
}

void Secret::pop_back() {
  if (size_ == 0) return;
  --size_;
  wipe(data_ + size_, 1);
}

void Secret::clear() {
  wipe(data_, size_);
  size_ = 0;
}

// Growth copies into a fresh block and wipes the old one, so no stale copy survives a realloc.
void Secret::reserve(size_t capacity) {
  char* grown = new char[capacity];
  if (size_ != 0) std::memcpy(grown, data_, size_);
  char* old = data_;
  const size_t old_capacity = capacity_;
  data_ = grown;
  capacity_ = capacity;
  wipe(old, old_capacity);
  delete[] old;
}

void Secret::release() noexcept {
  wipe(data_, capacity_);
  delete[] data_;
  data_ = nullptr;
  size_ = 0;
  capacity_ = 0;
}

}  // namespace kartla::cli
