// SPDX-License-Identifier: Apache-2.0
// How a document is added without a copy. A protobuf message appended to is the same as its bytes
// followed by the new field's encoding, and every serializer writes fields in field-number order:
// so the new section is the old section's bytes with one `entries` field put in behind the last
// entry (before the attestations, field 100, and any field of a newer schema), and the entry's own
// fields in number order: those before inline_content (ending with sha256, field 8), the content,
// then those after it. That is what add_document's parse, append and serialize give, byte for byte.
#include "model/document_file.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>
#include <google/protobuf/wire_format_lite.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "base/error.h"
#include "crypto/sha256.h"
#include "format/limits.h"
#include "format/section_crypto.h"
#include "format/strict_parse.h"
#include "io/input_file.h"
#include "kartla/v1/documents.pb.h"
#include "model/document_entry.h"
#include "model/document_listing.h"
#include "model/validation/section_check.h"

namespace kartla::model {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::io::CodedInputStream;
using google::protobuf::io::CodedOutputStream;
using google::protobuf::io::StringOutputStream;
using google::protobuf::internal::WireFormatLite;
using v1::DocumentEntry;
using v1::Documents;

// Read in pieces that stay in cache between the read and the hash.
constexpr size_t kReadPiece = size_t{1} << 20;

constexpr uint32_t length_delimited(int field) {
  return (static_cast<uint32_t>(field) << 3) | WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
}
constexpr uint32_t kEntriesTag = length_delimited(Documents::kEntriesFieldNumber);
constexpr uint32_t kInlineContentTag = length_delimited(DocumentEntry::kInlineContentFieldNumber);

// Metadata copied out of the section's plaintext is wiped like the plaintext.
struct WipedString {
  std::string value;
  ~WipedString() { crypto::wipe(value.data(), value.size()); }
};

// The walks below are bounded as parse_bounded is, every field checked by protobuf's own
// skipping, nothing left over at the end. The encoding rules CodedInputStream relaxes (tags and
// lengths in up to 10 bytes) are checked before them, by add_document_file.
void bound(CodedInputStream& in, size_t size) {
  in.SetTotalBytesLimit(static_cast<int>(size));
  in.SetRecursionLimit(format::kMaxNesting);
}

// A length-delimited field's payload: skipped in `in`, returned as a view of `bytes`.
bool payload(CodedInputStream& in, ByteView bytes, ByteView& out) {
  uint32_t length = 0;
  if (!in.ReadVarint32(&length) || length > bytes.size) return false;
  const auto at = static_cast<size_t>(in.CurrentPosition());
  if (!in.Skip(static_cast<int>(length))) return false;
  out = ByteView(bytes.data + at, length);
  return true;
}

// An existing entry as the content rules see it, without its content. The rules read the content
// for one answer only: whether size_bytes is its length (document-size-matches, validation/
// record_checks.cpp). The entry is given an empty content and a size_bytes that keeps that answer.
bool describe_entry(ByteView bytes, DocumentEntry& out) {
  CodedInputStream in(bytes.data, static_cast<int>(bytes.size));
  bound(in, bytes.size);
  WipedString kept;  // every field but the content
  bool content_is_inline = false;  // the oneof's last field decides, as in a parse
  size_t content_size = 0;
  {
    StringOutputStream sink(&kept.value);
    CodedOutputStream copy(&sink);
    for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
      if (tag == kInlineContentTag) {
        ByteView content;
        if (!payload(in, bytes, content)) return false;
        content_is_inline = true;
        content_size = content.size;
        continue;
      }
      if (WireFormatLite::GetTagFieldNumber(tag) == DocumentEntry::kExternalRefFieldNumber) content_is_inline = false;
      if (!WireFormatLite::SkipField(&in, tag, &copy)) return false;
    }
  }
  if (!in.ConsumedEntireMessage() || !format::parse_bounded(ByteView(kept.value), out)) return false;
  if (content_is_inline) {
    if (out.size_bytes() == content_size) {
      out.set_size_bytes(0);
      out.set_inline_content(std::string());
    } else {
      out.set_inline_content(out.size_bytes() == 0 ? std::string(1, '\0') : std::string());
    }
  }
  return true;
}

struct ExistingDocuments {
  Documents described;  // every entry as describe_entry gives it, the attestations, unknown fields
  size_t after_last_entry = 0;  // where the new entry goes
};

bool describe_section(ByteView bytes, ExistingDocuments& out) {
  if (bytes.size > static_cast<size_t>(std::numeric_limits<int>::max())) return false;
  CodedInputStream in(bytes.data, static_cast<int>(bytes.size));
  bound(in, bytes.size);
  WipedString others;  // every top-level field but the entries
  {
    StringOutputStream sink(&others.value);
    CodedOutputStream copy(&sink);
    for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
      if (tag == kEntriesTag) {
        ByteView entry;
        if (!payload(in, bytes, entry) || !describe_entry(entry, *out.described.add_entries())) return false;
        out.after_last_entry = static_cast<size_t>(in.CurrentPosition());
        continue;
      }
      if (!WireFormatLite::SkipField(&in, tag, &copy)) return false;
    }
  }
  Documents rest;
  if (!in.ConsumedEntireMessage() || !format::parse_bounded(ByteView(others.value), rest)) return false;
  out.described.MergeFrom(rest);
  return true;
}

// The entry's fields on one side of the content: those numbered below it, or those above.
DocumentEntry fields_of(const DocumentEntry& entry, bool below_content) {
  DocumentEntry part = entry;
  const auto* reflection = part.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(part, &fields);
  for (const FieldDescriptor* field : fields)
    if ((field->number() < DocumentEntry::kInlineContentFieldNumber) != below_content) reflection->ClearField(&part, field);
  return part;
}

std::string serialized(const DocumentEntry& part) {
  std::string out;
  if (!part.SerializeToString(&out)) fail(Code::internal, "could not encode the documents section");
  return out;
}

// The file's bytes into `out`, hashed as they arrive. A file that shrinks ends early and one that
// grows is caught after: both are the same error.
crypto::Sha256 read_and_hash(const io::InputFile& file, uint8_t* out, size_t size) {
  crypto::Sha256Hasher hasher;
  try {
    for (size_t at = 0; at < size; at += kReadPiece) {
      const size_t n = std::min(kReadPiece, size - at);
      file.read_exact(at, out + at, n);
      hasher.update(ByteView(out + at, n));
    }
  } catch (const Error& e) {
    if (e.code() == Code::format) file.require_unchanged_size();
    throw;
  }
  file.require_unchanged_size();
  return hasher.finish();
}

}  // namespace

std::string add_document_file(Record& record, const std::string& path, const DocumentDetails& details,
                              const io::FileSystem& fs) {
  const SectionInfo& info = documents_section_info();
  // Opened once; its size from fstat on that descriptor, before anything is allocated. The limit
  // is add_document's, with its words, so both ways refuse a file alike.
  const io::InputFile file(path, std::numeric_limits<uint64_t>::max(), fs);
  if (file.size() > format::kMaxSectionPlaintext)
    fail(Code::limit, "a document of %1$s bytes exceeds the section size limit (%2$s bytes)",
         {std::to_string(file.size()), std::to_string(format::kMaxSectionPlaintext)});
  const auto size = static_cast<size_t>(file.size());
  const DocumentEntry entry = new_document_entry(details, size);

  // The entry's encoding: its fields below the content (sha256, field 8, last: its 32 bytes end
  // the part and are filled in once the file is read), the content, its fields above it.
  DocumentEntry below = fields_of(entry, true);
  below.set_sha256(std::string(crypto::kSha256Bytes, '\0'));
  const std::string head = serialized(below);
  const std::string tail = serialized(fields_of(entry, false));
  const size_t entry_size = head.size() + CodedOutputStream::VarintSize32(kInlineContentTag) +
                            CodedOutputStream::VarintSize64(size) + size + tail.size();
  const size_t field_size =
      CodedOutputStream::VarintSize32(kEntriesTag) + CodedOutputStream::VarintSize64(entry_size) + entry_size;

  // The old section goes first into the buffer the new one is sealed in. Its exact length hides
  // behind its padding until it is read: the buffer is made for the padded length.
  const bool had_documents = record.has_section(info);
  const auto old_capacity = static_cast<size_t>(had_documents ? record.section_size(info) : 0);
  format::UnsealedBody body(old_capacity + field_size);
  // It holds the other documents' plaintext and this file's bytes while the file is read: out of
  // swap and core dumps until sealed (docs/SPEC.md §10).
  body.keep_out_of_swap();
  const size_t old_size =
      had_documents ? record.read_section_into(info, body.writable(0, old_capacity), old_capacity) : 0;
  // The walk below reads tags and lengths with CodedInputStream, which takes up to 10 bytes for
  // one where protobuf's parser takes 5, and it re-encodes what it copies: alone, it would extend
  // a section that no parse accepts (add_document refuses it). The streamed listing holds every
  // byte to the parser's rules without copying a content (model/document_listing.h): refused
  // alike, in the same words.
  if (old_size > 0) {
    DocumentListingScan parser_rules;
    parser_rules.write(body.written(old_size));
    parser_rules.finish();
  }
  ExistingDocuments existing;
  if (!describe_section(body.written(old_size), existing))
    fail(Code::schema, "content is not a valid documents section");
  const size_t total = old_size + field_size;
  if (total > format::kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");

  // The rules see every entry, the new one with a stand-in for its content (describe_entry) and
  // its hash (they check its length only), before a byte of the file is read.
  DocumentEntry& described = *existing.described.add_entries();
  described = entry;
  described.set_sha256(below.sha256());
  described.set_size_bytes(0);
  described.set_inline_content(std::string());
  require_valid(info, validate_section(existing.described));

  uint8_t* const section = body.writable(0, total);
  const size_t at = existing.after_last_entry;
  std::memmove(section + at + field_size, section + at, old_size - at);  // what follows the entries
  uint8_t* out = CodedOutputStream::WriteVarint32ToArray(kEntriesTag, section + at);
  out = CodedOutputStream::WriteVarint64ToArray(entry_size, out);
  std::memcpy(out, head.data(), head.size());
  uint8_t* const sha256 = out + head.size() - crypto::kSha256Bytes;
  out = CodedOutputStream::WriteVarint32ToArray(kInlineContentTag, out + head.size());
  out = CodedOutputStream::WriteVarint64ToArray(size, out);
  const crypto::Sha256 digest = read_and_hash(file, out, size);
  std::memcpy(out + size, tail.data(), tail.size());
  std::memcpy(sha256, digest.data(), digest.size());
  if (out + size + tail.size() != section + at + field_size)
    fail(Code::internal, "the new document entry is not the size it was measured");

  record.write_unparsed_section(info, std::move(body), total);
  return entry.id();
}

}  // namespace kartla::model
