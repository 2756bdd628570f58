/* SPDX-License-Identifier: Apache-2.0 */
// Small helpers shared by the crypto tests: hex literals and byte views over them.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "base/bytes.h"

namespace kartla::testing {

// Test data is written as hex; a malformed literal is a bug in the test, not in the code under test.
inline std::string unhex(const std::string& hex) {
  if (hex.size() % 2 != 0) throw std::invalid_argument("odd hex literal");
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("bad hex literal");
  };
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  return out;
}

inline std::string hex(ByteView bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < bytes.size; ++i) {
    out.push_back(digits[bytes.data[i] >> 4]);
    out.push_back(digits[bytes.data[i] & 15]);
  }
  return out;
}

}  // namespace kartla::testing
