// SPDX-License-Identifier: Apache-2.0
#include "share/flag_scan.h"

#include <algorithm>

namespace kartla::share {
namespace {

constexpr uint32_t kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5;
constexpr int kMaxVarintShift = 63;  // a varint is at most 10 bytes

}  // namespace

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
    if (varint_shift_ > kMaxVarintShift) {
      malformed();
      return;
    }
    varint_ |= static_cast<uint64_t>(b & 0x7f) << varint_shift_;
    varint_shift_ += 7;
    if ((b & 0x80) != 0) continue;
    const uint64_t value = varint_;
    varint_ = 0;
    varint_shift_ = 0;
    switch (state_) {
      case State::tag: on_tag(value); break;
      case State::varint_value: on_varint_value(value); break;
      case State::length: on_length(value); break;
      case State::skip: break;
    }
  }
}

void FlagScan::on_tag(uint64_t tag) {
  const uint64_t field = tag >> 3;
  const auto wire_type = static_cast<uint32_t>(tag & 7);
  if (field == 0 || field > 0x1fffffff) return malformed();
  field_ = static_cast<uint32_t>(field);
  switch (wire_type) {
    case kVarint: state_ = State::varint_value; return;
    case kLengthDelimited: state_ = State::length; return;
    case kFixed64: left_ = 8; state_ = State::skip; return;
    case kFixed32: left_ = 4; state_ = State::skip; return;
    default: return malformed();  // groups (3, 4) are not in Kartla's schemas; 6 and 7 are invalid
  }
}

void FlagScan::on_varint_value(uint64_t value) {
  if (in_entry_ && field_ == flag_field_) entry_flag_ = value != 0;
  end_of_field();
}

void FlagScan::on_length(uint64_t length) {
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
  const bool complete = state_ == State::tag && varint_shift_ == 0 && !in_entry_;
  return malformed_ || !complete || any_flag_;
}

}  // namespace kartla::share
