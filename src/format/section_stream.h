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

}  // namespace kartla::format
