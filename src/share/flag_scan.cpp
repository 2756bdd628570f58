// SPDX-License-Identifier: Apache-2.0
#include "share/flag_scan.h"

#include <algorithm>

#include "format/wire_scan.h"

namespace kartla::share {

namespace wire = format::wire;

void FlagScan::write(ByteView piece) {
  size_t i = 0;
  while (i < piece.size && !malformed_) {
    if (state_ == State::skip) {
      // The bulk of a large section (a document's bytes) goes here, a piece at a time.
      const size_t n = static_cast<size_t>(std::min<uint64_t>(left_, piece.size - i));
      i += n;
      pos_ += n;
      left_ -= n;
      if (left_ == 0) end_of_field();
      continue;
    }
    const uint8_t b = piece.data[i++];
    ++pos_;
    const auto step = varint_.push(b, state_ == State::varint_value ? wire::kMaxValueBytes : wire::kMaxTagOrLengthBytes);
    if (step == wire::VarintReader::Step::too_long) return malformed();
    if (step == wire::VarintReader::Step::more) continue;
    const uint64_t value = varint_.take();
    switch (state_) {
      case State::tag: on_tag(value); break;
      case State::varint_value: on_varint_value(value); break;
      case State::length: on_length(value); break;
      case State::skip: break;
    }
  }
}

void FlagScan::on_tag(uint64_t value) {
  const auto tag = wire::decode_tag(value);
  if (!tag) return malformed();
  field_ = tag->field;
  switch (tag->wire_type) {
    case wire::kVarint: state_ = State::varint_value; return;
    case wire::kLengthDelimited: state_ = State::length; return;
    case wire::kFixed64:
    case wire::kFixed32: left_ = wire::fixed_size(tag->wire_type); state_ = State::skip; return;
    default: return malformed();  // groups (3, 4) are not in Kartla's schemas; 6 and 7 are invalid
  }
}

void FlagScan::on_varint_value(uint64_t value) {
  if (in_entry_ && field_ == flag_field_) entry_flag_ = value != 0;
  end_of_field();
}

void FlagScan::on_length(uint64_t length) {
  if (length > wire::kMaxLength) return malformed();
  if (!in_entry_ && field_ == entries_field_) {
    // An entry begins: its fields are read until its end.
    in_entry_ = true;
    left_ = 0;
    entry_end_ = pos_ + length;
    entry_flag_ = false;
    if (entry_end_ < pos_) return malformed();
    state_ = State::tag;
    if (length == 0) end_of_field();
    return;
  }
  left_ = length;
  state_ = State::skip;
  if (length == 0) end_of_field();
}

void FlagScan::end_of_field() {
  state_ = State::tag;
  // A field of an entry that runs past the entry's end is malformed; the end itself closes it.
  if (in_entry_ && pos_ + left_ > entry_end_) return malformed();
  if (in_entry_ && pos_ == entry_end_) {
    any_flag_ = any_flag_ || entry_flag_;
    in_entry_ = false;
  }
}

bool FlagScan::flagged_or_unreadable() const {
  const bool complete = state_ == State::tag && !varint_.in_progress() && !in_entry_;
  return malformed_ || !complete || any_flag_;
}

}  // namespace kartla::share
