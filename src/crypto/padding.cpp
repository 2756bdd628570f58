#include "crypto/padding.h"

#include <sodium.h>

#include "base/error.h"

namespace kartla::crypto {
namespace {

int floor_log2(uint64_t x) {
  int r = -1;
  while (x != 0) {
    x >>= 1;
    ++r;
  }
  return r;
}

// Padmé: keep the top S bits of the length, where S = floor(log2 E) + 1 and E = floor(log2 L);
// round the rest up. It leaks O(log log L) bits of the length.
uint64_t padme(uint64_t length) {
  const int e = floor_log2(length);
  const int s = floor_log2(static_cast<uint64_t>(e)) + 1;
  const int last_bits = e - s;
  const uint64_t mask = (uint64_t{1} << last_bits) - 1;
  return (length + mask) & ~mask;
}

}  // namespace

uint64_t padded_size(uint64_t n) {
  if (n + 1 <= kPaddingFloor) return kPaddingFloor;
  return padme(n + 1);
}

bool is_padded_size(uint64_t size) {
  return size == kPaddingFloor || (size > kPaddingFloor && padme(size) == size);
}

void pad_in_place(uint8_t* buf, size_t n) {
  const auto target = static_cast<size_t>(padded_size(n));
  size_t written = 0;
  // With block size = the target, sodium_pad fills exactly up to the target (n < target).
  if (sodium_pad(&written, buf, n, target, target) != 0 || written != target)
    fail(Code::internal, "padding failed");
}

size_t unpadded_size(const uint8_t* buf, size_t padded) {
  size_t n = 0;
  if (!is_padded_size(padded) || sodium_unpad(&n, buf, padded, padded) != 0 || padded_size(n) != padded)
    fail(Code::format, "encrypted content is not padded as the format requires");
  return n;
}

}  // namespace kartla::crypto
