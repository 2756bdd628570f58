/* SPDX-License-Identifier: Apache-2.0 */
// Hand-written protobuf wire bytes, for building the non-canonical and malformed encodings that
// the library's own encoders can never produce (docs/THREATS.md T4-T9). Used by the format, identity and
// record tests; the container schemas themselves stay private to src/format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kartla::testing::wire {

enum WireType : uint32_t { kVarint = 0, kFixed64 = 1, kLength = 2, kStartGroup = 3, kEndGroup = 4 };

inline std::string varint(uint64_t v) {
  std::string out;
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
  return out;
}

// The same value padded to `width` bytes with redundant continuation groups: a valid varint that
// no canonical encoder writes (docs/THREATS.md T7).
inline std::string overlong_varint(uint64_t v, size_t width) {
  std::string out = varint(v);
  out.back() = static_cast<char>(out.back() | 0x80);
  while (out.size() + 1 < width) out.push_back(static_cast<char>(0x80));
  out.push_back('\0');
  return out;
}

inline std::string tag(uint32_t field, WireType type) { return varint((uint64_t{field} << 3) | type); }

inline std::string uint_field(uint32_t field, uint64_t v) { return tag(field, kVarint) + varint(v); }

inline std::string bytes_field(uint32_t field, std::string_view bytes) {
  return tag(field, kLength) + varint(bytes.size()) + std::string(bytes);
}

// `depth` nested groups of an unknown field: the cheapest way to ask a parser to recurse.
inline std::string nested_groups(uint32_t field, size_t depth) {
  std::string out;
  for (size_t i = 0; i < depth; ++i) out += tag(field, kStartGroup);
  for (size_t i = 0; i < depth; ++i) out += tag(field, kEndGroup);
  return out;
}

}  // namespace kartla::testing::wire
