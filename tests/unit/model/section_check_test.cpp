// Section content from outside the library: parse failures become the one "schema-parse"
// violation, rule breaks are listed, and the refusal message names the first violation's field.
#include <catch2/catch.hpp>

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
  const std::string line = describe_violation(info, Violation{"", "schema-parse", "bad\nline\r\x01"});
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

}  // namespace kartla::model
