/* SPDX-License-Identifier: Apache-2.0 */
// A table of keyed BLAKE2b tags, one per piece of a body read in two passes (docs/SPEC.md §5.6,
// "Streamed reading into a callback"). The first pass authenticates the body and records each
// piece's tag; the second re-reads each piece and releases it only if it still has its tag. The
// key is random, made for this one read and kept in secure memory: nobody who can change the
// file between the passes can make a piece that matches, so what the second pass releases is
// exactly what the first pass authenticated, piece by piece, in place.
//
// THREAD SAFETY: one PieceMacs per read; matches() is const and may be called from any thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

class PieceMacs {
 public:
  static constexpr size_t kTagBytes = 32;
  PieceMacs();
  // Records the tag of the next piece (pieces are numbered from 0 in the order recorded).
  void record(ByteView piece);
  // True only if piece number `index` was recorded and `piece` is exactly it (tag compared in
  // constant time; the index and length are bound into the tag, so a piece moved elsewhere in
  // the body, cut or lengthened does not match).
  bool matches(size_t index, ByteView piece) const;
  size_t count() const { return tags_.size(); }

 private:
  std::array<uint8_t, kTagBytes> tag_of(size_t index, ByteView piece) const;
  SecretBuffer key_;
  std::vector<std::array<uint8_t, kTagBytes>> tags_;
};

}  // namespace kartla::crypto
