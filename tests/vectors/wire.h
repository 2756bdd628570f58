/* SPDX-License-Identifier: Apache-2.0 */
// A protobuf wire-format writer that knows nothing about Kartla's schemas, so the generator can
// write the canonical encoding (and checks it equals the library's) as well as the non-canonical
// ones the negative vectors need: duplicate fields, overlong varints, defaults written out,
// unknown field numbers (docs/SPEC.md §3.2).
#pragma once

#include <cstdint>
#include <string>

namespace kartla::vectors::wire {

inline std::string varint(uint64_t value) {
  std::string out;
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
  return out;
}

inline std::string tag(uint32_t field, uint32_t wire_type) { return varint((uint64_t{field} << 3) | wire_type); }

// A varint field, written even when it is 0 (callers that want proto3 defaults omitted use
// varint_field).
inline std::string varint_always(uint32_t field, uint64_t value) { return tag(field, 0) + varint(value); }

inline std::string varint_field(uint32_t field, uint64_t value) {
  return value == 0 ? std::string() : varint_always(field, value);
}

inline std::string bytes_always(uint32_t field, const std::string& value) {
  return tag(field, 2) + varint(value.size()) + value;
}

inline std::string bytes_field(uint32_t field, const std::string& value) {
  return value.empty() ? std::string() : bytes_always(field, value);
}

}  // namespace kartla::vectors::wire
