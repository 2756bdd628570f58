// SPDX-License-Identifier: Apache-2.0
#include "crypto/piece_macs.h"

#include "crypto/hash.h"
#include "crypto/random.h"

namespace kartla::crypto {
namespace {

// Not a format label: the tags never leave the reader's memory. Distinct from every format label
// all the same, so no tag could be mistaken for another hash of the same key.
constexpr const char* kPieceLabel = "kartla/v1/reader-piece";

}  // namespace

PieceMacs::PieceMacs() : key_(random_secret(kHashBytes)) {}

std::array<uint8_t, PieceMacs::kTagBytes> PieceMacs::tag_of(size_t index, ByteView piece) const {
  LabelledHasher mac(kPieceLabel, key_);
  mac.update_u64(index).update_u64(piece.size).update(piece);
  return mac.finish();
}

void PieceMacs::record(ByteView piece) { tags_.push_back(tag_of(tags_.size(), piece)); }

bool PieceMacs::matches(size_t index, ByteView piece) const {
  if (index >= tags_.size()) return false;
  const auto tag = tag_of(index, piece);
  return equal_constant_time({tag.data(), tag.size()}, {tags_[index].data(), tags_[index].size()});
}

}  // namespace kartla::crypto
