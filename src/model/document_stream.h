/* SPDX-License-Identifier: Apache-2.0 */
// One document taken out of a documents section that arrives in pieces (docs/SPEC.md §5.6,
// "Streamed reading"): the section's protobuf is scanned as it is decrypted, with a fixed amount
// of memory, and only the wanted entry's inline_content goes on, to `out`.
#pragma once

#include <cstdint>
#include <string>

#include "crypto/sha256_background.h"
#include "format/section_stream.h"
#include "format/wire_scan.h"
#include "model/record.h"

namespace kartla::model {

class DocumentExtractor final : public format::ContentCheck {
 public:
  DocumentExtractor(std::string id, format::ContentSink& out) : wanted_(std::move(id)), out_(out) {}
  // Error(format) for a section that is not a well-framed Documents message, or whose wanted
  // entry cannot be streamed as one content (see SPEC §5.6).
  void write(ByteView piece) override;
  // After the whole section: Error(format) if it ended inside a field; Error(not_found) if no
  // entry has the id or it has no inline content; Error(integrity) if the content is not the
  // size and SHA-256 its entry records. What went to `out` counts only if this returns.
  void finish() override;
  // After finish(): where the wanted content lies in the section's content (for a second pass).
  format::ContentRange released_range() const override { return {content_begin_, content_begin_ + streamed_}; }

 private:
  enum class State { tag, varint_value, length, skip, collect, stream };
  void on_byte_field_start(uint64_t length);
  void end_of_field();
  void close_entry();
  [[noreturn]] static void malformed(const char* why);

  std::string wanted_;
  format::ContentSink& out_;
  crypto::Sha256InBackground hasher_;  // the wanted content's SHA-256, on a second thread

  State state_ = State::tag;
  uint64_t pos_ = 0;           // bytes of the section consumed
  format::wire::VarintReader varint_;  // the tag, value or length being read
  uint32_t field_ = 0;                  // the field being read
  uint64_t left_ = 0;          // bytes left of the field being skipped, collected or streamed
  std::string collected_;      // an id or a sha256 (bounded)

  bool in_entry_ = false;
  uint64_t entry_end_ = 0;
  std::string entry_id_;
  bool entry_id_seen_ = false;
  bool entry_id_long_ = false;  // an id too long to be one (never the wanted one)
  std::string entry_sha256_;
  uint64_t entry_size_ = 0;
  bool entry_content_unclaimed_ = false;  // inline_content came before any id
  bool entry_streaming_ = false;           // this entry's content went to `out`
  uint64_t streamed_ = 0;
  uint64_t content_begin_ = 0;             // offset of the wanted content's first byte

  bool found_ = false;
  bool found_has_content_ = false;
  uint64_t found_size_ = 0;
  std::string found_sha256_;
};

// The document `id` of the record's documents section, handed to `out` piece by piece with a
// fixed amount of memory; nothing is authentic, and `out` must discard it, unless this returns.
void stream_document(const Record& record, const std::string& id, format::ContentSink& out);

// A sink that keeps nothing: the first pass of a two-pass read only judges the content.
class DiscardingSink final : public format::ContentSink {
 public:
  void write(ByteView) override {}
};

// The document `id` handed to `release` only after the whole section authenticated and the
// document matched its size and SHA-256 (SPEC §5.6, "Streamed reading into a callback"), with a
// fixed amount of memory: a first pass checks everything, a second releases the document's bytes,
// each 64 KiB piece of ciphertext checked to be the one the first pass authenticated. If this
// throws after `release` received bytes, they are a prefix of the authentic document, incomplete.
void release_document(const Record& record, const std::string& id, format::ContentSink& release);

}  // namespace kartla::model
