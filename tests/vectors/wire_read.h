/* SPDX-License-Identifier: Apache-2.0 */
// A protobuf wire-format reader for the independent check: it follows docs/SPEC.md §3 and knows
// only field numbers, so that check does not lean on Kartla's generated code or parsers.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kartla::vectors::wire {

struct Field {
  uint32_t number = 0;
  uint32_t wire_type = 0;  // 0 varint, 2 length-delimited; nothing else occurs in Kartla files
  uint64_t varint = 0;
  std::string bytes;
};

inline uint64_t read_varint(const std::string& in, size_t& pos) {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= in.size()) throw std::runtime_error("truncated varint");
    const auto byte = static_cast<uint8_t>(in[pos++]);
    value |= uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) return value;
  }
  throw std::runtime_error("varint too long");
}

inline std::vector<Field> read_fields(const std::string& in) {
  std::vector<Field> out;
  size_t pos = 0;
  while (pos < in.size()) {
    Field f;
    const uint64_t key = read_varint(in, pos);
    f.number = static_cast<uint32_t>(key >> 3);
    f.wire_type = static_cast<uint32_t>(key & 7);
    if (f.wire_type == 0) {
      f.varint = read_varint(in, pos);
    } else if (f.wire_type == 2) {
      const uint64_t n = read_varint(in, pos);
      if (n > in.size() - pos) throw std::runtime_error("truncated field");
      f.bytes = in.substr(pos, static_cast<size_t>(n));
      pos += static_cast<size_t>(n);
    } else {
      throw std::runtime_error("unexpected wire type");
    }
    out.push_back(std::move(f));
  }
  return out;
}

// Fields by number; canonical messages have them in ascending order (checked by the caller).
inline std::map<uint32_t, std::vector<Field>> by_number(const std::string& in) {
  std::map<uint32_t, std::vector<Field>> out;
  for (auto& f : read_fields(in)) out[f.number].push_back(std::move(f));
  return out;
}

}  // namespace kartla::vectors::wire
