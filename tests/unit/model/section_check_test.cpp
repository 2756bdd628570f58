// SPDX-License-Identifier: Apache-2.0
// Section content from outside the library: parse failures become the one "schema-parse"
// violation, rule breaks are listed, and the refusal message names the first violation's field.
#include <catch2/catch.hpp>

#include <functional>
#include <optional>

#include <google/protobuf/message.h>

#include "base/error.h"
#include "model/section_registry.h"
#include "model/validation/section_check.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

const std::string kValidLanguages = R"({"entries": [{"id": "l1",
  "language": {"system": "iso-639-3", "code": "swe"},
  "listening": {"system": "cefr", "code": "B1"},
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}}]})";

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("valid JSON gives no violation and its protobuf bytes", "[section_check]") {
  crypto::SecretBuffer bytes;
  const auto& info = section_by_name("languages");
  CHECK(check_section_json_content(info, kValidLanguages, &bytes).empty());
  REQUIRE(bytes.size() > 0);
  CHECK(check_section_bytes_content(info, bytes.view()).empty());
}

TEST_CASE("JSON that does not match the schema is one schema-parse violation", "[section_check]") {
  const auto& info = section_by_name("languages");
  for (const std::string& bad : {std::string("{not json"), with(kValidLanguages, "\"listening\"", "\"hearing\""),
                                std::string(R"({"entries": 7})")}) {
    INFO(bad);
    crypto::SecretBuffer bytes;
    const auto v = check_section_json_content(info, bad, &bytes);
    REQUIRE(v.size() == 1);
    CHECK(v[0].rule == "schema-parse");
    CHECK(v[0].field_path.empty());
    CHECK(v[0].message.find("languages") != std::string::npos);
    CHECK(bytes.size() == 0);
  }
}

TEST_CASE("bytes that are not the section's message are one schema-parse violation", "[section_check]") {
  const std::string garbage = "\xff\xff\xff";
  const auto v = check_section_bytes_content(section_by_name("profile"), garbage);
  REQUIRE(v.size() == 1);
  CHECK(v[0].rule == "schema-parse");
}

TEST_CASE("every violation is listed and the refusal names the first field and the count", "[section_check]") {
  const auto& info = section_by_name("languages");
  const std::string bad = with(with(kValidLanguages, "\"B1\"", "\"B7\""), "\"swe\"", "\"xx1\"");
  const auto v = check_section_json_content(info, bad, nullptr);
  REQUIRE(v.size() == 2);
  CHECK(v[0].field_path == "entries[0].language");
  CHECK(v[1].field_path == "entries[0].listening");
  CHECK(v[1].rule == "cefr-level");
  try {
    require_valid(info, v);
    FAIL("require_valid accepted violations");
  } catch (const Error& e) {
    CHECK(e.code() == Code::schema);
    CHECK(std::string(e.what()) ==
          "languages section refused: " + describe_violation(info, v[0]) + " (and 1 more violation)");
    CHECK(std::string(e.what()).find("entries[0].language: iso-639-3-code: ") != std::string::npos);
  }
  CHECK_NOTHROW(require_valid(info, {}));
}

TEST_CASE("a violation is one line whatever the input held", "[section_check]") {
  const auto& info = section_by_name("notes");
  const std::string line = describe_violation(info, Violation{"", "schema-parse", "bad\nline\r\x01", Message::value("bad\nline\r\x01")});
  CHECK(line == "notes: schema-parse: bad line  ");
}

TEST_CASE("content over the section limit is E_LIMIT before any parsing", "[section_check]") {
  const uint8_t byte = 0;
  const ByteView huge(&byte, (size_t{256} << 20) + 1);  // never read: refused by its length
  try {
    check_section_bytes_content(section_by_name("documents"), huge);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Code::limit);
  }
}

// The one parse of a write (require_valid_bytes / require_valid_json, then Record::write_section):
// it refuses exactly what the reporting calls refuse, with their words, and hands on the bytes.
namespace {
std::string refusal_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.code())) + ": " + e.what();
  }
  return "accepted";
}
}  // namespace

TEST_CASE("the write path's one parse refuses what the report refuses, in the same words", "[section_check]") {
  const auto& info = section_by_name("languages");
  const std::vector<std::string> inputs = {
      kValidLanguages, "{not json", with(kValidLanguages, "\"B1\"", "\"B7\""),
      with(with(kValidLanguages, "\"B1\"", "\"B7\""), "\"swe\"", "\"xx1\""), R"({"entries": 7})", "{}"};
  for (const std::string& json : inputs) {
    INFO(json);
    crypto::SecretBuffer reported_bytes;
    const auto violations = check_section_json_content(info, json, &reported_bytes);
    const std::string reported = refusal_of([&] { require_valid(info, violations); });
    crypto::SecretBuffer bytes;
    std::optional<ParsedSection> parsed;
    CHECK(refusal_of([&] { parsed = require_valid_json(info, json, &bytes); }) == reported);
    if (!parsed) continue;
    // Accepted: the parse refers to the binary form handed out, the same the report produced.
    CHECK(parsed->bytes().to_string() == reported_bytes.view().to_string());
    CHECK(parsed->bytes().data == bytes.data());
    std::optional<ParsedSection> from_bytes;
    CHECK(refusal_of([&] { from_bytes = require_valid_bytes(info, bytes.view()); }) == "accepted");
    REQUIRE(from_bytes);
    CHECK(from_bytes->message().SerializeAsString() == reported_bytes.view().to_string());
    from_bytes->drop_message();
    CHECK_THROWS_AS(from_bytes->message(), Error);
    CHECK(from_bytes->bytes().data == bytes.data());
  }
  // Bytes that are not the message at all, and bytes that parse but break a rule.
  const std::string garbage = "\xff\xff\xff";
  CHECK(refusal_of([&] { (void)require_valid_bytes(info, garbage); }) ==
        refusal_of([&] { require_valid(info, check_section_bytes_content(info, garbage)); }));
  CHECK(refusal_of([&] { (void)require_valid_bytes(info, garbage); }).rfind(
            std::to_string(static_cast<int>(Code::schema)) + ": ", 0) == 0);
}

TEST_CASE("the write path's parse refuses content over the limit before parsing", "[section_check]") {
  const uint8_t byte = 0;
  const ByteView huge(&byte, (size_t{256} << 20) + 1);  // never read: refused by its length
  try {
    (void)require_valid_bytes(section_by_name("documents"), huge);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Code::limit);
  }
}

}  // namespace kartla::model
