/* SPDX-License-Identifier: Apache-2.0 */
// The documents section's listing (every entry's metadata and size, no content: docs/MODEL.md
// `documents`) read from a section that arrives in pieces, with memory for the metadata only. A
// listing used to decrypt the whole section and parse it, which holds a 64 MiB document twice
// (the plaintext and protobuf's copy of the bytes field) just to print its title and size.
#pragma once

#include <cstdint>
#include <string>

#include "format/section_stream.h"
#include "format/wire_scan.h"
#include "kartla/v1/documents.pb.h"

namespace kartla::model {

// Re-encodes the Documents message as it streams past with each entry's inline_content emptied
// (kept as a zero-length field, so the oneof resolves as protobuf resolves it for the whole
// message: a content after an external_ref still clears it) and the section-level attestations
// dropped; every other field, of this schema or a newer one, is kept byte for byte. Then parses
// that. finish() therefore returns what document_listing() of the whole plaintext returns.
// What it drops or re-encodes (contents, attestations, each entry's tag and length) is still held
// to protobuf's rules for tags and lengths (format/wire_scan.h), so it never lists a section a
// whole parse refuses. Stricter than protobuf in three ways: a group field (wire types 3 and 4,
// which no Kartla schema has ever used) is refused, and so are a 5-byte tag above 32 bits and a
// 10-byte value above 64 bits, which protobuf truncates.
class DocumentListingScan final : public format::ContentSink {
 public:
  DocumentListingScan() = default;
  DocumentListingScan(const DocumentListingScan&) = delete;
  DocumentListingScan& operator=(const DocumentListingScan&) = delete;
  ~DocumentListingScan() override;  // wipes what it kept: titles and names are personal data

  // Error(schema) as soon as the bytes cannot be a Documents message.
  void write(ByteView piece) override;
  // Call only after the stream authenticated the whole section. Error(schema) if it ended
  // inside a field, or what it kept does not parse.
  v1::Documents finish();

 private:
  enum class State { tag, varint_value, length, payload };
  std::string& destination() { return in_entry_ ? entry_ : kept_; }
  void on_tag(uint64_t tag);
  void on_length(uint64_t length);
  void end_of_field();
  [[noreturn]] static void malformed();

  std::string kept_;   // the message so far, without contents and attestations
  std::string entry_;  // the entry being read, its content emptied
  std::string head_;   // the raw bytes of the tag (and value or length) being read
  size_t tag_bytes_ = 0;

  State state_ = State::tag;
  uint64_t pos_ = 0;
  format::wire::VarintReader varint_;
  uint32_t field_ = 0;
  uint64_t left_ = 0;       // payload bytes left of the field being read
  bool keep_payload_ = true;
  bool in_entry_ = false;
  uint64_t entry_end_ = 0;
};

}  // namespace kartla::model
