/* SPDX-License-Identifier: Apache-2.0 */
// A saved section opened piece by piece, with a fixed amount of memory whatever its size
// (docs/SPEC.md §5.6 "Streamed reading"): the same checks as open_section_from_source, in one pass
// over the body that hashes it, authenticates it and decrypts it.
#pragma once

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/section_crypto.h"

namespace kartla::format {

// Receives a section's content (padding removed) in order, piece by piece.
// NOTHING IT RECEIVES IS AUTHENTIC until stream_section_from_source returns: the receiver keeps
// it where nobody reads it (a temporary file) and releases it only then; a throw means discard.
class ContentSink {
 public:
  virtual ~ContentSink() = default;
  virtual void write(ByteView piece) = 0;
};

// The pieces are at most this long (a multiple of the ChaCha20 block): the reader holds one
// piece of ciphertext, decrypted in place, in guarded memory.
inline constexpr size_t kStreamPieceBytes = size_t{64} << 10;

// In order: the key commitment (before anything is decrypted); one pass over the body that
// feeds the ciphertext hash and Poly1305 and hands the decrypted content to `sink`; then the
// ciphertext hash, the tag (each Error(integrity)), what the sink threw (it stops receiving at its
// first throw, which is reported only once the body authenticated: a changed body is always
// Error(integrity)) and the padding (Error(format), §5.4). Returns only if all hold. The body is read once, so a file changed underneath between two reads
// cannot give a plaintext other than the one authenticated.
void stream_section_from_source(const ByteSource& source, const ContainerSection& section,
                                const crypto::SecretBuffer& section_key, const SectionSlot& slot, ContentSink& sink);

// Content bytes [begin, end) of a section (offsets into its plaintext, padding removed).
struct ContentRange {
  uint64_t begin = 0;
  uint64_t end = 0;
};

// A sink that judges a section's content in the first of two passes and then says which part of
// it the second pass releases (model/document_stream.h: one document's bytes).
class ContentCheck : public ContentSink {
 public:
  // Called once the whole body authenticated: throws unless the content it saw is acceptable.
  virtual void finish() = 0;
  // After finish(): what to release.
  virtual ContentRange released_range() const = 0;
};

// A section's content handed to `release`, with nothing released before the whole body passed
// every check, and without holding the content in memory (docs/SPEC.md §5.6, "Streamed reading
// into a callback"):
//  1. one pass as stream_section_from_source, with `check` as the sink, that also records a keyed
//     BLAKE2b tag (crypto/piece_macs.h) of each 64 KiB piece of ciphertext; then check.finish();
//  2. a second pass over the pieces that hold check.released_range(): each is read again, compared
//     with its tag (Error(integrity) "changed while it was being read" if it differs), and only
//     then decrypted with pass 1's nonce and handed to `release`.
// A body changed between or during the passes therefore releases only bytes that pass 1
// authenticated, at their place, and stops at the first changed piece: what `release` received
// before a throw is a prefix of the authenticated range and must be discarded.
void stream_section_checked(const ByteSource& source, const ContainerSection& section,
                            const crypto::SecretBuffer& section_key, const SectionSlot& slot, ContentCheck& check,
                            ContentSink& release);

}  // namespace kartla::format
