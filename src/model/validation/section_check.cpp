// SPDX-License-Identifier: Apache-2.0
#include "model/validation/section_check.h"

#include <memory>
#include <optional>

#include <google/protobuf/message.h>

#include "base/error.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "model/section_codec.h"

namespace kartla::model {
namespace {

std::vector<Violation> parse_failure(Message text) {
  std::string english = text.english();
  return {Violation{"", kSchemaParseRule, std::move(english), std::move(text)}};
}

// Error(limit) over the size limit comes from try_parse, before parsing (SPEC §9).
std::vector<Violation> violations_of(const SectionInfo& info, const std::optional<ParsedSection>& parsed) {
  if (!parsed) return parse_failure(localizable_with_values("content is not a valid %s section", {info.name}));
  return validate_section(parsed->message());
}

std::vector<Violation> validate_bytes(const SectionInfo& info, ByteView protobuf) {
  return violations_of(info, ParsedSection::try_parse(info, protobuf));
}

}  // namespace

std::vector<Violation> check_section_bytes_content(const SectionInfo& info, ByteView protobuf) {
  return validate_bytes(info, protobuf);
}

ParsedSection require_valid_bytes(const SectionInfo& info, ByteView protobuf) {
  std::optional<ParsedSection> parsed = ParsedSection::try_parse(info, protobuf);
  require_valid(info, violations_of(info, parsed));
  return std::move(*parsed);  // require_valid threw if it did not parse
}

namespace {

struct CheckedJson {
  std::vector<Violation> violations;
  std::optional<ParsedSection> parsed;  // refers to the binary form in `bytes`
};

// The binary form is parsed back (strictly, as any protobuf input is) and validated once.
CheckedJson check_json(const SectionInfo& info, ByteView json, crypto::SecretBuffer& bytes) {
  try {
    bytes = section_from_json(info, json);
  } catch (const Error& e) {
    if (e.code() != Code::schema) throw;
    return {parse_failure(e.message()), std::nullopt};
  }
  std::optional<ParsedSection> parsed = ParsedSection::try_parse(info, bytes.view());
  std::vector<Violation> violations = violations_of(info, parsed);
  return {std::move(violations), std::move(parsed)};
}

}  // namespace

std::vector<Violation> check_section_json_content(const SectionInfo& info, ByteView json,
                                                  crypto::SecretBuffer* protobuf) {
  crypto::SecretBuffer bytes;
  CheckedJson checked = check_json(info, json, bytes);
  checked.parsed.reset();  // it refers to `bytes`, which moves on below
  if (protobuf != nullptr) *protobuf = std::move(bytes);
  return std::move(checked.violations);
}

ParsedSection require_valid_json(const SectionInfo& info, ByteView json, crypto::SecretBuffer* protobuf) {
  if (protobuf == nullptr) fail(Code::internal, "require_valid_json needs somewhere to keep the binary form");
  // Moving a SecretBuffer moves its pointer, not its bytes, so the parse still refers to them.
  CheckedJson checked = check_json(info, json, *protobuf);
  require_valid(info, checked.violations);
  return std::move(*checked.parsed);  // require_valid threw if it did not parse
}

Message violation_line(std::string_view place, const Violation& violation) {
  // The frame of every violation's line; translators keep it as it is, or change the separators.
  const Message line = localizable("%1$s: %2$s: %3$s",
                                   {Message::value(std::string(place)), Message::value(violation.rule), violation.text});
  // Content an agency wrote reaches the line quoted; a control character in it must not reach a
  // terminal or a log as one.
  return line.with_values_cleaned([](std::string& text) {
    for (char& c : text)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  });
}

Message violation_line(const SectionInfo& info, const Violation& violation) {
  return violation_line(violation.field_path.empty() ? info.name : std::string_view(violation.field_path), violation);
}

std::string describe_violation(const SectionInfo& info, const Violation& violation) {
  return violation_line(info, violation).english();
}

void require_valid(const SectionInfo& info, const std::vector<Violation>& violations) {
  if (violations.empty()) return;
  const Message first = violation_line(info, violations.front());
  const Message name = Message::value(std::string(info.name));
  if (violations.size() == 1) fail(Code::schema, localizable("%1$s section refused: %2$s", {name, first}));
  if (violations.size() == 2)
    fail(Code::schema, localizable("%1$s section refused: %2$s (and 1 more violation)", {name, first}));
  fail(Code::schema, localizable("%1$s section refused: %2$s (and %3$s more violations)",
                                 {name, first, Message::value(std::to_string(violations.size() - 1))}));
}

}  // namespace kartla::model
