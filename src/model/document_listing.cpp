// SPDX-License-Identifier: Apache-2.0
#include "model/document_listing.h"

#include <algorithm>

#include "base/error.h"
#include "crypto/secret_buffer.h"
#include "format/strict_parse.h"
#include "format/wire_scan.h"

namespace kartla::model {
namespace {

// Field numbers of documents.proto.
constexpr uint32_t kEntries = 1;
constexpr uint32_t kSectionAttestations = 100;
constexpr uint32_t kEntryInlineContent = 9;

void append_varint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void wipe_string(std::string& s) {
  crypto::wipe(s.data(), s.size());
  s.clear();
}

}  // namespace

DocumentListingScan::~DocumentListingScan() {
  wipe_string(kept_);
  wipe_string(entry_);
  wipe_string(head_);
}

// The same refusal, in the same words, as a whole-section parse that fails.
void DocumentListingScan::malformed() { fail(Code::schema, "content is not a valid documents section"); }

void DocumentListingScan::write(ByteView piece) {
  const uint8_t* p = piece.data;
  size_t n = piece.size;
  while (n > 0) {
    if (state_ == State::payload) {
      const auto take = static_cast<size_t>(std::min<uint64_t>(left_, n));
      if (keep_payload_) destination().append(reinterpret_cast<const char*>(p), take);
      p += take;
      n -= take;
      pos_ += take;
      left_ -= take;
      if (left_ == 0) end_of_field();
      continue;
    }
    const uint8_t b = *p++;
    --n;
    ++pos_;
    head_.push_back(static_cast<char>(b));
    if (in_entry_ && pos_ > entry_end_) malformed();
    const auto step = varint_.push(b, state_ == State::varint_value ? format::wire::kMaxValueBytes
                                                                    : format::wire::kMaxTagOrLengthBytes);
    if (step == format::wire::VarintReader::Step::too_long) malformed();
    if (step == format::wire::VarintReader::Step::more) continue;
    const uint64_t value = varint_.take();
    switch (state_) {
      case State::tag: on_tag(value); break;
      case State::length: on_length(value); break;
      case State::varint_value:
        destination() += head_;
        end_of_field();
        break;
      case State::payload: break;  // handled above
    }
  }
}

void DocumentListingScan::on_tag(uint64_t value) {
  const auto tag = format::wire::decode_tag(value);
  if (!tag) malformed();
  field_ = tag->field;
  tag_bytes_ = head_.size();
  switch (tag->wire_type) {
    case format::wire::kVarint: state_ = State::varint_value; break;
    case format::wire::kLengthDelimited: state_ = State::length; break;
    case format::wire::kFixed64:
    case format::wire::kFixed32:
      left_ = format::wire::fixed_size(tag->wire_type);
      if (in_entry_ && left_ > entry_end_ - pos_) malformed();
      destination() += head_;
      keep_payload_ = true;
      state_ = State::payload;
      break;
    default: malformed();  // groups (3, 4) and wire types that do not exist
  }
}

void DocumentListingScan::on_length(uint64_t length) {
  if (length > format::wire::kMaxLength || (in_entry_ && length > entry_end_ - pos_)) malformed();
  if (!in_entry_ && field_ == kEntries) {
    in_entry_ = true;
    entry_end_ = pos_ + length;
    wipe_string(entry_);
    head_.clear();
    state_ = State::tag;
    if (length == 0) end_of_field();
    return;
  }
  keep_payload_ = true;
  if (!in_entry_ && field_ == kSectionAttestations) {
    keep_payload_ = false;  // the listing leaves them out; nothing of them is kept
  } else if (in_entry_ && field_ == kEntryInlineContent) {
    // The content, emptied: the field stays, so the oneof ends as it does in a whole parse.
    entry_.append(head_, 0, tag_bytes_);
    entry_.push_back('\0');
    keep_payload_ = false;
  } else {
    destination() += head_;
  }
  left_ = length;
  state_ = State::payload;
  if (length == 0) end_of_field();
}

void DocumentListingScan::end_of_field() {
  wipe_string(head_);
  state_ = State::tag;
  if (!in_entry_ || pos_ != entry_end_) return;
  in_entry_ = false;
  kept_.push_back(static_cast<char>(kEntries << 3 | format::wire::kLengthDelimited));
  append_varint(kept_, entry_.size());
  kept_ += entry_;
  wipe_string(entry_);
}

v1::Documents DocumentListingScan::finish() {
  if (state_ != State::tag || varint_.in_progress() || in_entry_) malformed();
  v1::Documents listing;
  const bool parsed = format::parse_bounded(ByteView(kept_), listing);
  wipe_string(kept_);
  if (!parsed) malformed();
  for (v1::DocumentEntry& entry : *listing.mutable_entries())
    if (entry.content_case() == v1::DocumentEntry::kInlineContent) entry.clear_inline_content();
  return listing;
}

}  // namespace kartla::model
