#include "model/validation/section_check.h"

#include <memory>

#include <google/protobuf/message.h>

#include "base/error.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "model/section_codec.h"

namespace kartla::model {
namespace {

std::vector<Violation> parse_failure(std::string message) {
  return {Violation{"", kSchemaParseRule, std::move(message)}};
}

std::vector<Violation> validate_bytes(const SectionInfo& info, ByteView protobuf) {
  // Before parsing, so an oversized section is E_LIMIT (SPEC §9) rather than a violation.
  if (protobuf.size > format::kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  const std::unique_ptr<google::protobuf::Message> message = new_section_message(info);
  if (!format::parse_bounded(protobuf, *message))
    return parse_failure("content is not a valid " + std::string(info.name) + " section");
  return validate_section(*message);
}

}  // namespace

std::vector<Violation> check_section_bytes_content(const SectionInfo& info, ByteView protobuf) {
  return validate_bytes(info, protobuf);
}

std::vector<Violation> check_section_json_content(const SectionInfo& info, ByteView json,
                                                  crypto::SecretBuffer* protobuf) {
  crypto::SecretBuffer bytes;
  try {
    bytes = section_from_json(info, json);
  } catch (const Error& e) {
    if (e.code() != Code::schema) throw;
    return parse_failure(e.what());
  }
  std::vector<Violation> violations = validate_bytes(info, bytes.view());
  if (protobuf != nullptr) *protobuf = std::move(bytes);
  return violations;
}

std::string describe_violation(const SectionInfo& info, const Violation& violation) {
  std::string line = violation.field_path.empty() ? std::string(info.name) : violation.field_path;
  line += ": " + violation.rule + ": " + violation.message;
  for (char& c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return line;
}

void require_valid(const SectionInfo& info, const std::vector<Violation>& violations) {
  if (violations.empty()) return;
  std::string message = std::string(info.name) + " section refused: " + describe_violation(info, violations.front());
  if (violations.size() > 1) {
    const size_t more = violations.size() - 1;
    message += " (and " + std::to_string(more) + " more violation" + (more == 1 ? "" : "s") + ")";
  }
  fail(Code::schema, message);
}

}  // namespace kartla::model
