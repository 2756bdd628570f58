// SPDX-License-Identifier: Apache-2.0
#include "format/section_stream.h"

#include <algorithm>
#include <exception>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/aead_stream_open.h"
#include "crypto/hash.h"
#include "crypto/padding.h"
#include "crypto/piece_macs.h"
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

// The one pass of stream_section_from_source; with `macs`, it also records each piece's tag for a
// second pass, and `nonce` keeps the nonce it read (the second pass must not read it again).
void one_pass(const ByteSource& source, const ContainerSection& section, const crypto::SecretBuffer& section_key,
              const SectionSlot& slot, ContentSink& sink, crypto::PieceMacs* macs, uint8_t* nonce) {
  check_key_commitment(section_key, slot, section.entry);
  const uint64_t body_length = section.entry.ciphertext_length;  // >= nonce + tag, checked when decoded
  const uint64_t text_length = body_length - crypto::kAeadOverhead;
  source.read_exact(section.body_offset, nonce, crypto::kAeadNonceBytes);
  crypto::LabelledHasher hasher(label::kSectionCiphertext);
  hasher.update({nonce, crypto::kAeadNonceBytes});
  crypto::StreamOpen opener(section_key, {nonce, crypto::kAeadNonceBytes}, section_associated_data(slot), text_length);
  Unpadder unpadder(sink);
  crypto::SecretBuffer piece(kStreamPieceBytes, crypto::SecretBuffer::Uninitialized{});
  std::exception_ptr refused;
  for (uint64_t offset = 0; offset < text_length; offset += kStreamPieceBytes) {
    const auto n = static_cast<size_t>(std::min<uint64_t>(kStreamPieceBytes, text_length - offset));
    source.read_exact(section.body_offset + crypto::kAeadNonceBytes + offset, piece.data(), n);
    hasher.update({piece.data(), n});
    opener.authenticate({piece.data(), n});
    if (macs != nullptr) macs->record({piece.data(), n});
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
  source.read_exact(section.body_offset + crypto::kAeadNonceBytes + text_length, tag, sizeof tag);
  hasher.update({tag, sizeof tag});
  const crypto::Digest hash = hasher.finish();
  // The same order and the same single message as open_section_from_source: no oracle.
  if (!crypto::equal_constant_time({hash.data(), hash.size()}, section.entry.ciphertext_hash))
    fail(Code::integrity, "section ciphertext does not match the signed manifest");
  if (!opener.finish({tag, sizeof tag})) fail(Code::integrity, "ciphertext failed authentication");
  if (refused) std::rethrow_exception(refused);
  unpadder.finish(text_length);
}

// Pass 2: the content bytes [begin, end), each piece of ciphertext that holds some of them read
// again and released only if it is the very piece pass 1 authenticated.
void release_range(const ByteSource& source, const ContainerSection& section, const crypto::SecretBuffer& section_key,
                   const SectionSlot& slot, const crypto::PieceMacs& macs, const uint8_t* nonce, uint64_t begin,
                   uint64_t end, ContentSink& sink) {
  const uint64_t text_length = section.entry.ciphertext_length - crypto::kAeadOverhead;
  // The content is the padded plaintext's first bytes, and a stream cipher keeps offsets: content
  // byte i is ciphertext byte i.
  if (begin > end || end > text_length) fail(Code::internal, "release_range outside the section's content");
  const crypto::StreamOpen decryptor(section_key, {nonce, crypto::kAeadNonceBytes}, section_associated_data(slot),
                                     text_length);
  crypto::SecretBuffer piece(kStreamPieceBytes, crypto::SecretBuffer::Uninitialized{});
  for (uint64_t first = begin - begin % kStreamPieceBytes; first < end; first += kStreamPieceBytes) {
    const auto n = static_cast<size_t>(std::min<uint64_t>(kStreamPieceBytes, text_length - first));
    source.read_exact(section.body_offset + crypto::kAeadNonceBytes + first, piece.data(), n);
    if (!macs.matches(static_cast<size_t>(first / kStreamPieceBytes), {piece.data(), n}))
      fail(Code::integrity, "the section changed while it was being read");
    decryptor.decrypt(first, {piece.data(), n}, piece.data());
    const uint64_t from = std::max(begin, first);
    const uint64_t to = std::min(end, first + n);
    sink.write({piece.data() + (from - first), static_cast<size_t>(to - from)});
  }
}

}  // namespace

void stream_section_from_source(const ByteSource& source, const ContainerSection& section,
                                const crypto::SecretBuffer& section_key, const SectionSlot& slot, ContentSink& sink) {
  uint8_t nonce[crypto::kAeadNonceBytes];
  one_pass(source, section, section_key, slot, sink, nullptr, nonce);
}

void stream_section_checked(const ByteSource& source, const ContainerSection& section,
                            const crypto::SecretBuffer& section_key, const SectionSlot& slot, ContentCheck& check,
                            ContentSink& release) {
  crypto::PieceMacs macs;
  uint8_t nonce[crypto::kAeadNonceBytes];
  one_pass(source, section, section_key, slot, check, &macs, nonce);
  check.finish();
  const ContentRange range = check.released_range();
  release_range(source, section, section_key, slot, macs, nonce, range.begin, range.end, release);
}

}  // namespace kartla::format
