// SPDX-License-Identifier: Apache-2.0
#include "format/section_stream.h"

#include <algorithm>
#include <exception>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/aead_stream_open.h"
#include "crypto/hash.h"
#include "crypto/padding.h"
#include "format/labels.h"

namespace kartla::format {
namespace {

// Removes the padding (§5.4) from content arriving in pieces, without knowing its length ahead:
// the last non-zero byte seen and the zeros after it are held back (as a count), since only the
// end says whether that byte was the 0x80 marker. Everything before it is content.
class Unpadder {
 public:
  explicit Unpadder(ContentSink& sink) : sink_(sink) {}

  void write(const uint8_t* data, size_t size) {
    size_t i = size;
    while (i > 0 && data[i - 1] == 0) --i;  // data[i - 1] is the piece's last non-zero byte
    if (i == 0) {
      held_zeros_ += size;
      return;
    }
    release_held();
    if (i > 1) forward(data, i - 1);
    held_byte_ = data[i - 1];
    holding_ = true;
    held_zeros_ = size - i;
  }

  // Error(format) unless the held byte is the marker and the length is a padded one.
  void finish(uint64_t padded_length) {
    if (!holding_ || held_byte_ != 0x80 || crypto::padded_size(content_) != padded_length)
      fail(Code::format, "section padding is not canonical");
  }

 private:
  // The held byte was content after all, and so were the zeros after it (or, with no byte held,
  // the zeros the content began with).
  void release_held() {
    if (holding_) forward(&held_byte_, 1);
    static constexpr uint8_t kZeros[4096] = {};
    while (held_zeros_ > 0) {
      const size_t n = static_cast<size_t>(std::min<uint64_t>(held_zeros_, sizeof kZeros));
      forward(kZeros, n);
      held_zeros_ -= n;
    }
    holding_ = false;
  }
  void forward(const uint8_t* data, size_t size) {
    sink_.write({data, size});
    content_ += size;
  }

  ContentSink& sink_;
  uint8_t held_byte_ = 0;
  bool holding_ = false;
  uint64_t held_zeros_ = 0;  // zeros after the held byte, or before any non-zero byte
  uint64_t content_ = 0;
};

}  // namespace

void stream_section_from_source(const ByteSource& source, const ContainerSection& section,
                                const crypto::SecretBuffer& section_key, const SectionSlot& slot, ContentSink& sink) {
  check_key_commitment(section_key, slot, section.entry);
  const uint64_t body_length = section.entry.ciphertext_length;  // >= nonce + tag, checked when decoded
  const uint64_t text_length = body_length - crypto::kAeadOverhead;
  uint8_t nonce[crypto::kAeadNonceBytes];
  source.read_exact(section.body_offset, nonce, sizeof nonce);
  crypto::LabelledHasher hasher(label::kSectionCiphertext);
  hasher.update({nonce, sizeof nonce});
  crypto::StreamOpen opener(section_key, {nonce, sizeof nonce}, section_associated_data(slot), text_length);
  Unpadder unpadder(sink);
  crypto::SecretBuffer piece(kStreamPieceBytes, crypto::SecretBuffer::Uninitialized{});
  std::exception_ptr refused;
  for (uint64_t offset = 0; offset < text_length; offset += kStreamPieceBytes) {
    const auto n = static_cast<size_t>(std::min<uint64_t>(kStreamPieceBytes, text_length - offset));
    source.read_exact(section.body_offset + sizeof nonce + offset, piece.data(), n);
    hasher.update({piece.data(), n});
    opener.authenticate({piece.data(), n});
    if (refused) continue;  // the rest is still hashed and authenticated, not decrypted
    opener.decrypt(offset, {piece.data(), n}, piece.data());
    try {
      unpadder.write(piece.data(), n);
    } catch (...) {
      // What the sink made of unauthenticated bytes waits until they are authenticated: a
      // changed body must fail as E_INTEGRITY, like any other, not as whatever its garbage
      // looked like to a parser (no oracle).
      refused = std::current_exception();
    }
  }
  uint8_t tag[crypto::kAeadTagBytes];
  source.read_exact(section.body_offset + sizeof nonce + text_length, tag, sizeof tag);
  hasher.update({tag, sizeof tag});
  const crypto::Digest hash = hasher.finish();
  // The same order and the same single message as open_section_from_source: no oracle.
  if (!crypto::equal_constant_time({hash.data(), hash.size()}, section.entry.ciphertext_hash))
    fail(Code::integrity, "section ciphertext does not match the signed manifest");
  if (!opener.finish({tag, sizeof tag})) fail(Code::integrity, "ciphertext failed authentication");
  if (refused) std::rethrow_exception(refused);
  unpadder.finish(text_length);
}

}  // namespace kartla::format
