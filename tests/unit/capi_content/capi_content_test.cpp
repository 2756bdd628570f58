// SPDX-License-Identifier: Apache-2.0
// Content through the public API only (kartla.h and kartla.hpp), as a binding sees it:
// validation reports, set_section refusing invalid content without changing the record, and the
// views computed by the library.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "../json_squeeze.h"
#include "kartla/kartla.hpp"
#include "views/progress_fixture.h"  // the report tests' fixed section: plain data, no internal API

namespace {

const std::string kValidLanguages = R"({"entries": [{"id": "l1",
  "language": {"system": "iso-639-3", "code": "swe"},
  "listening": {"system": "cefr", "code": "B1"},
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}}]})";

std::string with(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// Results are JSON in the layout protobuf prints; the facts are compared without it.
bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos ||
         json_squeezed(haystack).find(json_squeezed(needle)) != std::string::npos;
}

kartla::identity owner() {
  kartla_identity_options o;
  kartla_identity_options_init(&o);
  o.kdf_memlimit_mib = 64;
  return std::move(kartla::identity::create("content test", &o).identity);
}

}  // namespace

TEST_CASE("valid content: KARTLA_OK and a report with no violation", "[capi][validate]") {
  kartla_buffer report = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_validate_section_json("languages", reinterpret_cast<const uint8_t*>(kValidLanguages.data()),
                                       kValidLanguages.size(), KARTLA_ENCODING_JSON, &report) == KARTLA_OK);
  const std::string text(reinterpret_cast<const char*>(report.data), report.len);
  CHECK(json_squeezed(text) == R"({"section":"languages","valid":true,"violations":[]})");
  CHECK(report.data[report.len] == 0);  // text output is NUL-terminated
  kartla_buffer_free(&report);
}

TEST_CASE("invalid content: KARTLA_E_SCHEMA, every violation reported, the first named", "[capi][validate]") {
  const std::string bad = with(with(kValidLanguages, "\"B1\"", "\"B7\""), "\"swe\"", "\"xx1\"");
  kartla_buffer report = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_validate_section_json("languages", reinterpret_cast<const uint8_t*>(bad.data()), bad.size(),
                                       KARTLA_ENCODING_JSON, &report) == KARTLA_E_SCHEMA);
  const std::string message = kartla_last_error();
  const std::string text(reinterpret_cast<const char*>(report.data), report.len);
  kartla_buffer_free(&report);
  CHECK(contains(text, "\"valid\": false"));
  CHECK(contains(text, "\"field\": \"entries[0].language\", \"rule\": \"iso-639-3-code\""));
  CHECK(contains(text, "\"field\": \"entries[0].listening\", \"rule\": \"cefr-level\""));
  CHECK(contains(message, "languages section refused: entries[0].language: iso-639-3-code: "));
  CHECK(contains(message, "(and 1 more violation)"));

  const kartla::validation v = kartla::validate_section_json("languages", bad);
  CHECK_FALSE(v.valid);
  CHECK(v.report.view() == text);
  CHECK(v.first_violation == message);
}

TEST_CASE("JSON that does not parse is E_SCHEMA with protobuf's message as schema-parse", "[capi][validate]") {
  const kartla::validation v = kartla::validate_section_json("languages", R"({"entries": [{"colour": "blue"}]})");
  CHECK_FALSE(v.valid);
  CHECK(contains(v.report.view(), "\"rule\": \"schema-parse\""));
  CHECK(contains(v.report.view(), "colour"));
  CHECK(contains(v.first_violation, "colour"));
}

TEST_CASE("binary content validates like its JSON", "[capi][validate]") {
  kartla::record r = kartla::record::create(owner());
  r.set_section_json("languages", kValidLanguages);
  const kartla::buffer bytes = r.section("languages");
  CHECK(kartla::validate_section("languages", bytes.view()).valid);
  // LanguageEntry{id: "x"} with no language and no provenance: field 1 (entries), field 1 (id).
  const std::string entry_without_provenance("\x0a\x03\x0a\x01x", 5);
  const kartla::validation v = kartla::validate_section("languages", entry_without_provenance);
  CHECK_FALSE(v.valid);
  CHECK(contains(v.report.view(), "\"rule\": \"language-required\""));
  CHECK(contains(v.report.view(), "\"rule\": \"assertion-required\""));
  CHECK(contains(kartla::validate_section("languages", std::string("\xff\xff", 2)).report.view(), "schema-parse"));
  // An unknown section is misuse, not a verdict: it throws and fills nothing.
  CHECK_THROWS_AS(kartla::validate_section("no_such_section", bytes.view()), kartla::error);
}

TEST_CASE("set_section refuses invalid content and leaves the record as it was", "[capi][set]") {
  kartla::record r = kartla::record::create(owner());
  r.set_section_json("languages", kValidLanguages);
  const std::string before = r.section_json("languages").str();

  const std::string bad = with(kValidLanguages, "\"B1\"", "\"B7\"");
  try {
    r.set_section_json("languages", bad);
    FAIL("invalid JSON content was stored");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_SCHEMA);
    CHECK(std::string(e.what()) ==
          "languages section refused: entries[0].listening: cefr-level: \"B7\" is not a cefr code: expected A1 A2 "
          "B1 B2 C1 C2");
  }
  try {
    r.set_section("languages", std::string("\x0a\x03\x0a\x01x", 5));
    FAIL("invalid binary content was stored");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_SCHEMA);
    CHECK(std::string(e.what()) ==
          "languages section refused: entries[0].assertion: assertion-required: every entry says who stated it, how "
          "and when (and 1 more violation)");
  }
  CHECK(r.section_json("languages").str() == before);
  CHECK_FALSE(r.has_section("profile"));
  CHECK_THROWS_AS(r.set_section_json("profile", R"({"given_name": "No provenance"})"), kartla::error);
  CHECK_FALSE(r.has_section("profile"));
}

TEST_CASE("the progress views come from the library with the hand-computed numbers", "[capi][progress]") {
  kartla::record r = kartla::record::create(owner());
  r.set_section_json("progress", kartla::views::test::kProgressJson);
  const std::string json = r.progress().str();
  // Standard protobuf JSON: snake_case names, 64-bit integers as strings.
  CHECK(contains(json, R"J("change":"3","direction":"better","assessments":3,)J"));
  CHECK(contains(json, R"J("change":"-5",)J"));
  const std::string svg = r.progress_svg().str();
  CHECK(contains(svg, "points=\"56.0,154.0 127.0,124.0 340.0,64.0\""));
  CHECK_FALSE(contains(svg, "<b>"));
  CHECK(contains(r.progress_text().view(), "+3 better"));

  kartla::view_options sv;
  sv.language = "sv";
  CHECK(contains(r.progress_text(sv).view(), "Humör"));

  // Options a binding fills wrongly are misuse.
  kartla_view_options bad;
  kartla_view_options_init(&bad);
  bad.version = 0;
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_progress(r.get(), &bad, KARTLA_ENCODING_JSON, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out.data == nullptr);
}

TEST_CASE("views of sections the record lacks are NOT_FOUND", "[capi][views]") {
  kartla::record r = kartla::record::create(owner());
  r.set_section_json("languages", kValidLanguages);
  for (auto typed : {kartla_record_progress, kartla_record_plan}) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    CHECK(typed(r.get(), nullptr, KARTLA_ENCODING_JSON, &out) == KARTLA_E_NOT_FOUND);
    CHECK(out.len == 0);
  }
  for (auto fn : {kartla_record_progress_text, kartla_record_progress_svg, kartla_record_plan_text}) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    CHECK(fn(r.get(), nullptr, &out) == KARTLA_E_NOT_FOUND);
    CHECK(out.len == 0);
  }
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_show_text(r.get(), "profile", nullptr, &out) == KARTLA_E_NOT_FOUND);
  CHECK(contains(kartla_last_error(), "profile"));
}

TEST_CASE("the message catalogue through the C ABI: the views' words, for the CLI and the web app", "[capi][views]") {
  CHECK(std::string(kartla_message("sv", nullptr, "yes")) == "ja");
  CHECK(std::string(kartla_message("fi-FI", "section", "Languages")) == "Kielet");
  CHECK(std::string(kartla_message("en", nullptr, "yes")) == "yes");
  const char* msgid = "not in the catalogue";
  CHECK(kartla_message("sv", nullptr, msgid) == msgid);  // the caller's own text back, not a copy
  CHECK(std::string(kartla_message_plural("fi", nullptr, "%s item", "%s items", 2)) == "%s kohdetta");
  CHECK(std::string(kartla_message_plural("sv", nullptr, "%s item", "%s items", 1)) == "%s post");
  CHECK(std::string(kartla_code_label("sv", "gdpr-art6", "6.1.e")) == "allmänt intresse eller myndighetsutövning");
  CHECK(std::string(kartla_code_label(nullptr, "cefr", "C2")) == "C2 mastery");
  CHECK(kartla_code_label("sv", "ssyk-2012", "5120") == nullptr);  // an open list has no labels
}

TEST_CASE("the record view shows every section held, with labels and sources", "[capi][views]") {
  kartla::record r = kartla::record::create(owner());
  r.set_section_json("languages", kValidLanguages);
  r.set_section_json("action_plan", R"({"revision": 1, "goals": [{"id": "g1", "text": "A job",
      "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}}],
      "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}})");
  const std::string all = r.show_text().str();
  CHECK(all.rfind("Record " + r.id() + ", version 0\n", 0) == 0);
  CHECK(contains(all, "Languages\n=========\n  - Language: swe\n"));
  CHECK_FALSE(contains(all, "l1"));  // an entry's id is bookkeeping, not shown
  CHECK(contains(all, "Listening: B1 threshold\n"));
  CHECK(contains(all, "Source: written by the participant, 2024-01-01\n"));
  CHECK(contains(all, "Action plan\n===========\n"));
  // The same view in Swedish and Finnish: the catalogue is inside the library, no locale needed.
  kartla::view_options sv;
  sv.language = "sv_SE.UTF-8";
  const std::string swedish = r.show_text("languages", sv).str();
  CHECK(contains(swedish, "Språk\n=====\n  - Språk: swe\n    Hörförståelse: B1 tröskelnivå\n"));
  CHECK(contains(swedish, "Källa: skrivet av deltagaren, 2024-01-01\n"));
  kartla::view_options fi;
  fi.language = "fi";
  CHECK(contains(r.show_text("languages", fi).str(), "Kuullun ymmärtäminen: B1 kynnystaso\n"));
  const std::string one = r.show_text("languages").str();
  CHECK(one.rfind("Languages\n=========\n", 0) == 0);
  CHECK_FALSE(contains(one, "Action plan"));
  CHECK(contains(r.plan_text().view(), "Goal: A job\n"));
  CHECK(contains(r.plan().view(), "\"text\":\"A job\""));
}

TEST_CASE("the sharing ledger cannot be set or removed through the API; the record is unchanged", "[capi][set]") {
  // docs/SPEC.md §7.5: only share, revoke and expiry write it, so no caller can erase or invent the
  // list of who holds keys. The refusal is misuse (E_INVALID_ARGUMENT), not a content verdict.
  kartla::record r = kartla::record::create(owner());
  r.set_section_json("languages", kValidLanguages);
  const std::string before = r.section_json("languages").str();
  const std::string empty_ledger;  // an empty SharingLedger: valid content of the section's type
  REQUIRE(kartla::validate_section("sharing_ledger", empty_ledger).valid);

  CHECK(kartla_record_set_section(r.get(), "sharing_ledger", reinterpret_cast<const uint8_t*>(""), 0) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(contains(kartla_last_error(), "sharing_ledger"));
  CHECK(kartla_record_set_section_json(r.get(), "sharing_ledger", reinterpret_cast<const uint8_t*>("{}"), 2) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_remove_section(r.get(), "sharing_ledger") == KARTLA_E_INVALID_ARGUMENT);
  try {
    r.set_section_json("sharing_ledger", R"({"grants": []})");
    FAIL("the ledger was set");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_INVALID_ARGUMENT);
  }
  CHECK_FALSE(r.has_section("sharing_ledger"));
  CHECK(r.section_json("languages").str() == before);
  CHECK_FALSE(r.has_section("profile"));
}

namespace {

// The catalogue's pattern for `msgid` in `language` with `args` in its %s / %N$s directives,
// formatted here independently of the library's formatter.
std::string catalogue(const char* language, const char* msgid, const std::vector<std::string>& args) {
  const std::string pattern = kartla_message(language, nullptr, msgid);
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == 's') {
      out += args.at(next++);
      ++i;
    } else if (pattern[i] == '%' && i + 3 < pattern.size() && pattern[i + 2] == '$' && pattern[i + 3] == 's') {
      out += args.at(static_cast<size_t>(pattern[i + 1] - '1'));
      i += 3;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a refused section in the reader's language: frame, line and the rule's own sentence", "[capi][validate]") {
  // An identifier check's reason (src/codes) and a rule's sentence with values: both translated,
  // the values (field path, rule id, quoted input) kept as they were.
  const std::string profile = R"({"national_id": {"se_personnummer": "196408233235"},
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}})";
  kartla_buffer report = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_validate_section_json("profile", reinterpret_cast<const uint8_t*>(profile.data()), profile.size(),
                                       KARTLA_ENCODING_JSON, &report) == KARTLA_E_SCHEMA);
  kartla_buffer_free(&report);
  const std::string english = kartla_last_error();
  CHECK(english == "profile section refused: national_id.se_personnummer: se-personnummer-luhn: "
                   "check digit does not match (Luhn)");
  for (const char* language : {"sv", "fi"}) {
    const std::string sentence = catalogue(language, "check digit does not match (Luhn)", {});
    const std::string line =
        catalogue(language, "%1$s: %2$s: %3$s", {"national_id.se_personnummer", "se-personnummer-luhn", sentence});
    const std::string expected = catalogue(language, "%1$s section refused: %2$s", {"profile", line});
    CHECK(kartla_last_error_localized(language) == expected);
    CHECK(sentence != "check digit does not match (Luhn)");  // the catalogue translates it
  }
  CHECK(kartla_last_error() == english);

  const std::string sfi = with(kValidLanguages, "2024-01-01T00:00:00Z\"}",
                               "2024-01-01T00:00:00Z\"}, \"sfi\": {"
                               "\"study_path\": {\"system\": \"sfi-studievag\", \"code\": \"2\"}, "
                               "\"current_course\": {\"system\": \"sfi-kurs\", \"code\": \"A\"}}");
  REQUIRE(kartla_validate_section_json("languages", reinterpret_cast<const uint8_t*>(sfi.data()), sfi.size(),
                                       KARTLA_ENCODING_JSON, &report) == KARTLA_E_SCHEMA);
  kartla_buffer_free(&report);
  const char* msgid = "course %1$s is not part of study path %2$s (path 1: A\u2013D, 2: B\u2013D, 3: C\u2013D)";
  const std::string sentence_en = catalogue("en", msgid, {"\"A\"", "\"2\""});
  CHECK(std::string(kartla_last_error()).find(sentence_en) != std::string::npos);
  const std::string sentence_sv = catalogue("sv", msgid, {"\"A\"", "\"2\""});
  CHECK(sentence_sv != sentence_en);
  CHECK(std::string(kartla_last_error_localized("sv")).find(": sfi-course-in-study-path: " + sentence_sv) !=
        std::string::npos);
}
