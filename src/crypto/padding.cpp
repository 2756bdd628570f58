// SPDX-License-Identifier: Apache-2.0
#include "crypto/padding.h"

#include <cstring>

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

[[noreturn]] void not_canonical() { fail(Code::format, "encrypted content is not padded as the format requires"); }

}  // namespace

uint64_t padded_size(uint64_t n) {
  if (n + 1 <= kPaddingFloor) return kPaddingFloor;
  return padme(n + 1);
}

bool is_padded_size(uint64_t size) {
  return size == kPaddingFloor || (size > kPaddingFloor && padme(size) == size);
}

// The bytes are those of sodium_pad with block size = the padded length (ISO/IEC 7816-4: 0x80,
// then zeros). sodium_pad and sodium_unpad hide the content length from timing by walking the
// whole block with masks, a pass over every byte of a 64 MiB section that cost as much as the
// cipher. Here the length is no secret: the caller holds it when padding, and unpadding runs only
// on authenticated plaintext (no padding oracle) whose length it then hands out. So one memset
// pads, and unpadding reads only the padding, from the end.
void pad_in_place(uint8_t* buf, size_t n) {
  const auto target = static_cast<size_t>(padded_size(n));
  buf[n] = 0x80;
  std::memset(buf + n + 1, 0, target - n - 1);
}

size_t unpadded_size(const uint8_t* buf, size_t padded) {
  if (!is_padded_size(padded)) not_canonical();
  size_t marker = padded;
  while (marker > 0 && buf[marker - 1] == 0) --marker;
  if (marker == 0 || buf[marker - 1] != 0x80) not_canonical();
  const size_t n = marker - 1;
  if (padded_size(n) != padded) not_canonical();  // canonical: exactly the padding of n bytes
  return n;
}

}  // namespace kartla::crypto
