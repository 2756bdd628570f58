// SPDX-License-Identifier: Apache-2.0
// A push scanner of the Documents message (proto/kartla/v1/documents.proto), byte by byte for
// tags and lengths, piece by piece for payloads. It keeps the wanted entry's id, size_bytes and
// sha256, hands its inline_content on as it arrives, and skips everything else unread: nested
// messages and fields of a newer schema included, so its memory does not grow with the section.
#include "model/document_stream.h"

#include <algorithm>

#include "base/error.h"
#include "crypto/secret_buffer.h"

namespace kartla::model {
namespace {

// Field numbers of documents.proto.
constexpr uint32_t kEntries = 1;
constexpr uint32_t kEntryId = 1;
constexpr uint32_t kEntrySizeBytes = 7;
constexpr uint32_t kEntrySha256 = 8;
constexpr uint32_t kEntryInlineContent = 9;
constexpr uint32_t kEntryExternalRef = 10;

// Longer ids and hashes are never the wanted ones (ids are at most 64 characters, docs/MODEL.md
// entry-id-shape; a SHA-256 is 32 bytes): they are skipped, not kept.
constexpr uint64_t kMaxKeptId = 256;
constexpr uint64_t kMaxKeptSha256 = 64;

}  // namespace

void DocumentExtractor::malformed(const char* why) {
  fail(Code::format, "the documents section is not well formed: %s", {why});
}

void DocumentExtractor::write(ByteView piece) {
  const uint8_t* p = piece.data;
  size_t n = piece.size;
  while (n > 0) {
    if (state_ == State::skip || state_ == State::collect || state_ == State::stream) {
      const auto take = static_cast<size_t>(std::min<uint64_t>(left_, n));
      if (state_ == State::stream) {
        out_.write({p, take});
        hasher_.update({p, take});
        streamed_ += take;
      } else if (state_ == State::collect) {
        collected_.append(reinterpret_cast<const char*>(p), take);
      }
      p += take;
      n -= take;
      pos_ += take;
      left_ -= take;
      if (left_ == 0) end_of_field();
      continue;
    }
    // A tag, a varint value or a length: one byte at a time.
    const uint8_t b = *p++;
    --n;
    ++pos_;
    if (in_entry_ && pos_ > entry_end_) malformed("a field runs past the end of its entry");
    const auto step = varint_.push(b, state_ == State::varint_value ? format::wire::kMaxValueBytes
                                                                    : format::wire::kMaxTagOrLengthBytes);
    if (step == format::wire::VarintReader::Step::too_long) malformed("a varint is longer than protobuf reads");
    if (step == format::wire::VarintReader::Step::more) continue;
    const uint64_t value = varint_.take();
    if (state_ == State::varint_value) {
      if (in_entry_ && field_ == kEntrySizeBytes) entry_size_ = value;
      end_of_field();
    } else if (state_ == State::length) {
      on_byte_field_start(value);
    } else {
      const auto tag = format::wire::decode_tag(value);
      if (!tag) malformed("a field number is 0 or too large");
      field_ = tag->field;
      switch (tag->wire_type) {
        case format::wire::kVarint: state_ = State::varint_value; break;
        case format::wire::kLengthDelimited: state_ = State::length; break;
        case format::wire::kFixed64:
        case format::wire::kFixed32:
          left_ = format::wire::fixed_size(tag->wire_type);
          if (in_entry_ && pos_ + left_ > entry_end_) malformed("a field runs past the end of its entry");
          state_ = State::skip;
          break;
        default: malformed("a group or an unknown wire type");
      }
    }
  }
}

void DocumentExtractor::on_byte_field_start(uint64_t length) {
  if (length > format::wire::kMaxLength) malformed("a length is larger than protobuf reads");
  if (in_entry_ && length > entry_end_ - pos_) malformed("a field runs past the end of its entry");
  left_ = length;
  state_ = State::skip;
  if (!in_entry_) {
    if (field_ == kEntries) {
      in_entry_ = true;
      entry_end_ = pos_ + length;
      entry_id_.clear();
      entry_id_seen_ = false;
      entry_id_long_ = false;
      entry_sha256_.clear();
      entry_size_ = 0;
      entry_content_unclaimed_ = false;
      entry_streaming_ = false;
      state_ = State::tag;
      if (length == 0) close_entry();
      return;
    }
  } else if (field_ == kEntryId) {
    // The id decides whether the content that follows is streamed: it cannot change after.
    if (entry_streaming_) malformed("the wanted entry's id follows its content");
    if (length <= kMaxKeptId) {
      state_ = State::collect;
      collected_.clear();
    } else {
      entry_id_long_ = true;
      entry_id_seen_ = true;
    }
  } else if (field_ == kEntrySha256) {
    if (length <= kMaxKeptSha256) {
      state_ = State::collect;
      collected_.clear();
    } else {
      entry_sha256_.clear();
    }
  } else if (field_ == kEntryInlineContent) {
    // A second content would replace the first (protobuf's "last one wins"), which is already out.
    if (entry_streaming_) malformed("the wanted entry holds two contents");
    if (entry_id_seen_ && !entry_id_long_ && entry_id_ == wanted_) {
      if (found_) malformed("two entries have the wanted id");
      entry_streaming_ = true;
      content_begin_ = pos_;
      state_ = State::stream;
    } else if (!entry_id_seen_) {
      entry_content_unclaimed_ = true;
    }
  } else if (field_ == kEntryExternalRef && entry_streaming_) {
    // In the oneof, a later external_ref clears the content that is already out.
    malformed("the wanted entry's content is followed by an external reference");
  }
  if (length == 0) end_of_field();
}

void DocumentExtractor::end_of_field() {
  if (state_ == State::collect && in_entry_) {
    if (field_ == kEntryId) {
      entry_id_ = collected_;
      entry_id_seen_ = true;
      entry_id_long_ = false;
      // Written in field-number order (as every protobuf serializer writes) the id comes first;
      // a content before the wanted id was skipped and cannot be had back without a second pass.
      if (entry_content_unclaimed_ && entry_id_ == wanted_)
        malformed("the wanted entry's content comes before its id (fields out of order)");
    } else if (field_ == kEntrySha256) {
      entry_sha256_ = collected_;
    }
    crypto::wipe(collected_.data(), collected_.size());
  }
  state_ = State::tag;
  if (in_entry_ && pos_ == entry_end_) close_entry();
}

void DocumentExtractor::close_entry() {
  in_entry_ = false;
  const bool wanted = entry_streaming_ || (entry_id_seen_ && !entry_id_long_ && entry_id_ == wanted_);
  if (!wanted) return;
  if (found_) malformed("two entries have the wanted id");
  found_ = true;
  found_has_content_ = entry_streaming_;
  found_size_ = entry_size_;
  found_sha256_ = entry_sha256_;
}

void DocumentExtractor::finish() {
  if (state_ != State::tag || varint_.in_progress() || in_entry_) malformed("it ends inside a field");
  if (!found_) fail(Code::not_found, "no document with id %s in the documents section", {wanted_});
  if (!found_has_content_)
    fail(Code::not_found, "document %s has no content in the record (it refers to a copy kept elsewhere)", {wanted_});
  const crypto::Sha256 digest = hasher_.finish();
  if (found_size_ != streamed_ ||
      !crypto::equal_constant_time(ByteView(found_sha256_), ByteView(digest.data(), digest.size())))
    fail(Code::integrity, "document %s does not match its recorded size and SHA-256", {wanted_});
}

void stream_document(const Record& record, const std::string& id, format::ContentSink& out) {
  const SectionInfo& info = section_by_name("documents");
  if (!record.has_section(info)) fail(Code::not_found, "the record holds no documents");
  DocumentExtractor extractor(id, out);
  record.stream_section(info, extractor);
  extractor.finish();
}

}  // namespace kartla::model

namespace kartla::model {

void release_document(const Record& record, const std::string& id, format::ContentSink& release) {
  const SectionInfo& info = section_by_name("documents");
  if (!record.has_section(info)) fail(Code::not_found, "the record holds no documents");
  DiscardingSink judged_only;
  DocumentExtractor extractor(id, judged_only);
  record.stream_section_checked(info, extractor, release);
}

}  // namespace kartla::model
