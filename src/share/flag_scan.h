/* SPDX-License-Identifier: Apache-2.0 */
// Whether any entry of a section carries a yes/no flag (a document or a note marked as health
// data, GDPR Art. 9), read from the section's protobuf as it is decrypted piece by piece
// (format/section_stream.h), with a fixed amount of memory: the entries' contents (a 64 MiB
// document) are skipped, never copied or parsed. `share` asks this of every section it grants.
#pragma once

#include <cstdint>

#include "base/bytes.h"
#include "format/section_stream.h"
#include "format/wire_scan.h"

namespace kartla::share {

// Reads a message whose top-level field `entries_field` is a repeated message, and in each of
// those the bool field `flag_field` (as protobuf parses it: the last value of the field wins,
// any non-zero varint is true). Every other field, at either level, is skipped by its length.
class FlagScan final : public format::ContentSink {
 public:
  FlagScan(uint32_t entries_field, uint32_t flag_field) : entries_field_(entries_field), flag_field_(flag_field) {}
  void write(ByteView piece) override;
  // After the whole content (and only once the stream authenticated it): true if an entry has
  // the flag set, or if the content is not a well-formed message (cannot tell: assume it does).
  bool flagged_or_unreadable() const;

 private:
  enum class State { tag, varint_value, length, skip };
  void on_tag(uint64_t tag);
  void on_varint_value(uint64_t value);
  void on_length(uint64_t length);
  void end_of_field();
  void malformed() { malformed_ = true; }

  uint32_t entries_field_;
  uint32_t flag_field_;
  State state_ = State::tag;
  uint64_t pos_ = 0;  // bytes consumed
  format::wire::VarintReader varint_;
  uint32_t field_ = 0;
  uint64_t left_ = 0;  // bytes left to skip
  bool in_entry_ = false;
  uint64_t entry_end_ = 0;
  bool entry_flag_ = false;
  bool any_flag_ = false;
  bool malformed_ = false;
};

}  // namespace kartla::share
