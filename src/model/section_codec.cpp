// SPDX-License-Identifier: Apache-2.0
#include "model/section_codec.h"

#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>

#include <climits>

#include "base/error.h"
#include "format/limits.h"
#include "format/strict_parse.h"

namespace kartla::model {
namespace {

// A std::string that held plaintext is wiped before its memory goes back to the heap.
struct WipedString {
  std::string value;
  ~WipedString() { crypto::wipe(value.data(), value.size()); }
};

[[noreturn]] void fail_not_valid(const SectionInfo& info) {
  fail(Code::schema, "content is not a valid %s section", {info.name});
}

std::unique_ptr<google::protobuf::Message> parse_section(const SectionInfo& info, ByteView plaintext) {
  auto message = new_section_message(info);
  if (!format::parse_bounded(plaintext, *message)) fail_not_valid(info);
  return message;
}

}  // namespace

ParsedSection::ParsedSection(const SectionInfo& info, ByteView bytes,
                             std::unique_ptr<google::protobuf::Message> message)
    : info_(&info), bytes_(bytes), message_(std::move(message)) {}
ParsedSection::ParsedSection(ParsedSection&&) noexcept = default;
ParsedSection& ParsedSection::operator=(ParsedSection&&) noexcept = default;
ParsedSection::~ParsedSection() = default;

std::optional<ParsedSection> ParsedSection::try_parse(const SectionInfo& info, ByteView plaintext) {
  // Before parsing, so an oversized section is E_LIMIT (SPEC §9) rather than E_SCHEMA.
  if (plaintext.size > format::kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  auto message = new_section_message(info);
  if (!format::parse_bounded(plaintext, *message)) return std::nullopt;
  return ParsedSection(info, plaintext, std::move(message));
}

ParsedSection ParsedSection::parse(const SectionInfo& info, ByteView plaintext) {
  std::optional<ParsedSection> parsed = try_parse(info, plaintext);
  if (!parsed) fail_not_valid(info);
  return std::move(*parsed);
}

const google::protobuf::Message& ParsedSection::message() const {
  if (message_ == nullptr) fail(Code::internal, "the parsed section's message was already dropped");
  return *message_;
}

void ParsedSection::drop_message() { message_.reset(); }

void check_section_bytes(const SectionInfo& info, ByteView plaintext) { (void)ParsedSection::parse(info, plaintext); }

crypto::SecretBuffer section_from_json(const SectionInfo& info, ByteView json) {
  // protobuf's JSON parser keeps lengths in an int: 4 GiB + n bytes would be read as n bytes and
  // the truncated text accepted.
  if (json.size > static_cast<size_t>(INT_MAX)) fail(Code::limit, "JSON text is larger than 2 GiB");
  auto message = new_section_message(info);
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  google::protobuf::LogSilencer silence;
  const auto status = google::protobuf::util::JsonStringToMessage(json.as_string_view(), message.get(), options);
  if (!status.ok())
    fail(Code::schema, "JSON does not match the %1$s schema: %2$s",
         {std::string(info.name), std::string(status.message())});
  WipedString bytes;
  if (!message->SerializeToString(&bytes.value)) fail(Code::internal, "cannot serialize section");
  return crypto::SecretBuffer::copy_of(bytes.value);
}

crypto::SecretBuffer section_to_json(const SectionInfo& info, ByteView plaintext) {
  auto message = parse_section(info, plaintext);
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  WipedString json;
  const auto status = google::protobuf::util::MessageToJsonString(*message, &json.value, options);
  if (!status.ok()) fail(Code::internal, "cannot render section as JSON: %s", {std::string(status.message())});
  return crypto::SecretBuffer::copy_of(json.value);
}

}  // namespace kartla::model
