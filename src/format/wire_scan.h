/* SPDX-License-Identifier: Apache-2.0 */
// What the scanners that read a protobuf message as it streams past share (model/document_stream.h,
// model/document_listing.h, share/flag_scan.h): protobuf's wire format, read one byte at a time
// where it must be (tags, varints, lengths), so a section is judged piece by piece, in fixed memory.
#pragma once

#include <cstdint>
#include <optional>

namespace kartla::format::wire {

inline constexpr uint32_t kVarint = 0;
inline constexpr uint32_t kFixed64 = 1;
inline constexpr uint32_t kLengthDelimited = 2;
inline constexpr uint32_t kFixed32 = 5;

// How long protobuf lets each kind of varint be (parse_context.cc: ReadTag, ReadSize,
// VarintParse). A scanner that drops a field (a listing leaves out contents and attestations,
// and re-encodes each entry's tag and length) must refuse what a parse of the whole message
// refuses, or it would list a section that nothing else can read: so tags and lengths are held
// to protobuf's 5 bytes, not the 10 a value may take.
inline constexpr int kMaxTagOrLengthBytes = 5;
inline constexpr int kMaxValueBytes = 10;
// protobuf refuses a length above INT_MAX - 16 (it keeps 16 bytes of slop past a buffer's end).
inline constexpr uint64_t kMaxLength = 0x7fffffff - 16;

// A base-128 varint fed one byte at a time.
class VarintReader {
 public:
  enum class Step { more, done, too_long };
  // too_long: more than max_bytes bytes, which protobuf refuses too, or a value above 64 bits (a
  // tenth byte above 1), whose high bits protobuf drops: refusing it is stricter, never more
  // lenient. Pass the same max_bytes for every byte of one varint.
  Step push(uint8_t b, int max_bytes) {
    if (bytes_ >= max_bytes || (bytes_ == 9 && (b & 0x7e) != 0)) return Step::too_long;
    value_ |= static_cast<uint64_t>(b & 0x7f) << (7 * bytes_);
    ++bytes_;
    return (b & 0x80) != 0 ? Step::more : Step::done;
  }
  // The value just completed; the reader starts the next varint.
  uint64_t take() {
    const uint64_t value = value_;
    value_ = 0;
    bytes_ = 0;
    return value;
  }
  // Part of a varint has been read (a message that ends here ends inside a field).
  bool in_progress() const { return bytes_ != 0; }

 private:
  uint64_t value_ = 0;
  int bytes_ = 0;
};

struct Tag {
  uint32_t field = 0;
  uint32_t wire_type = 0;
};

// nullopt for field number 0 or one above protobuf's largest (2^29 - 1). protobuf truncates a
// 5-byte tag to 32 bits instead; refusing it is stricter, never more lenient.
inline std::optional<Tag> decode_tag(uint64_t tag) {
  const uint64_t field = tag >> 3;
  if (field == 0 || field > 0x1fffffff) return std::nullopt;
  return Tag{static_cast<uint32_t>(field), static_cast<uint32_t>(tag & 7)};
}

// The payload length of a fixed-size wire type (8 or 4), 0 for any other.
inline uint64_t fixed_size(uint32_t wire_type) {
  return wire_type == kFixed64 ? 8 : wire_type == kFixed32 ? 4 : 0;
}

}  // namespace kartla::format::wire
