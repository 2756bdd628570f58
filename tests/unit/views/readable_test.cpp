// SPDX-License-Identifier: Apache-2.0
// The record view: labels from the code systems, provenance on every entry, text safe to print.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kartla/v1/competences.pb.h"
#include "kartla/v1/languages.pb.h"
#include "kartla/v1/profile.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "views/readable.h"
#include "report_test_support.h"

namespace kartla::views {

using test::from_json;

// The caller's registry says work_ability is health data; the view marks it.
const SectionHeading kWorkAbility{"work_ability", true, false};

TEST_CASE("languages read with CEFR labels, SFI courses and the source of each entry", "[readable]") {
  const auto languages = from_json<v1::Languages>(R"({"entries": [{"id": "lang-swe",
    "language": {"system": "iso-639-3", "code": "swe", "display": "svenska"},
    "listening": {"system": "cefr", "code": "B1"},
    "sfi": {"study_path": {"system": "sfi-studievag", "code": "2"}, "current_course": {"system": "sfi-kurs", "code": "C"}},
    "assertion": {"source": "PROFESSIONAL_OBSERVED", "asserted_at": "2022-06-10T12:00:00Z",
                  "asserted_by_org": {"name": "Filipstads kommun", "unit": "SFI"}, "asserted_by_role": "SFI-lärare"}}]})");
  const std::string text = section_text({"languages"}, languages, {}, {});
  const std::string expected =
      "Languages\n"
      "=========\n"
      "  - Language: svenska\n"
      "    Listening: B1 threshold\n"
      "    SFI (Swedish for immigrants):\n"
      "      Study path: study path 2: courses B–D\n"
      "      Current course: course C\n"
      "    Source: observed by Filipstads kommun, SFI (SFI-lärare), 2022-06-10\n";
  CHECK(text == expected);
  // The same section for a Swedish and a Finnish reader: every word from the catalogue.
  ViewOptions sv;
  sv.language = "sv-SE";
  CHECK(section_text({"languages"}, languages, {}, sv) ==
        "Språk\n"
        "=====\n"
        "  - Språk: svenska\n"
        "    Hörförståelse: B1 tröskelnivå\n"
        "    Sfi:\n"
        "      Studieväg: studieväg 2: kurs B–D\n"
        "      Nuvarande kurs: kurs C\n"
        "    Källa: iakttaget av Filipstads kommun, SFI (SFI-lärare), 2022-06-10\n");
  ViewOptions fi;
  fi.language = "fi";
  const std::string finnish = section_text({"languages"}, languages, {}, fi);
  CHECK(finnish.rfind("Kielet\n======\n  - Kieli: svenska\n    Kuullun ymmärtäminen: B1 kynnystaso\n", 0) == 0);
  CHECK(finnish.find("Lähde: havainnut Filipstads kommun, SFI (SFI-lärare), 2022-06-10") != std::string::npos);
}

TEST_CASE("ids, references between entries and hashes are not shown; who wrote an entry is said in words", "[readable]") {
  const auto competences = from_json<v1::Competences>(R"({"entries": [{"id": "comp-secret-id",
    "free_text": "Bakning", "self_rating": 4, "work_experience_ids": ["work-ref-id"],
    "assertion": {"source": "SELF_REPORTED", "method": {"system": "kartla-method", "code": "self-assessment"},
                  "asserted_at": "2021-02-10T12:00:00Z", "evidence_document_ids": ["doc-a", "doc-b"]}}]})");
  const std::string text = section_text({"competences"}, competences, {}, {});
  CHECK(text ==
        "Competences\n"
        "===========\n"
        "  - Description: Bakning\n"
        "    Self rating: 4\n"
        "    Source: written by the participant, self-assessment, 2021-02-10, 2 documents as evidence\n");
  for (const char* internal : {"comp-secret-id", "work-ref-id", "doc-a", "kartla-method", "Sha256", "(placeholder"})
    CHECK(text.find(internal) == std::string::npos);
}

TEST_CASE("an entry without provenance says so, and user text stays on its line", "[readable]") {
  const auto profile = from_json<v1::Profile>(R"({"given_name": "Ami\nna", "national_id": {"se_personnummer": "196408233234"}})");
  const std::string text = section_text({"profile"}, profile, {}, {});
  CHECK(text == "Profile\n"
                "=======\n"
                "  Personal identity number: personnummer 196408233234\n"
                "  Given name: Ami na\n"
                "  Source: not stated\n");
}

TEST_CASE("only headings start at the margin: an entry's text cannot pass for one", "[readable]") {
  // Text written to look like a heading, and its line breaks, in every string field.
  const auto profile = from_json<v1::Profile>(R"({"given_name": "Competences\n===========", "family_name": "\n==\nx",
    "contact": {"email": "a\r\n=\n"}})");
  ViewOptions ar;
  ar.language = "ar";
  for (const ViewOptions& options : {ViewOptions{}, ar}) {
    const std::string text = record_text("00ff", 1, {{{"profile"}, &profile}}, {}, options);
    std::vector<std::string> margin;  // the lines that start at the left margin
    size_t start = 0;
    while (start < text.size()) {
      const size_t end = text.find('\n', start);
      const std::string line = text.substr(start, end - start);
      if (!line.empty() && line[0] != ' ') margin.push_back(line);
      start = end + 1;
    }
    REQUIRE(margin.size() == 4);  // the record's two lines, the title and its underline
    CHECK(margin[3].find_first_not_of('=') == std::string::npos);
    CHECK(margin[2] != "Competences");
  }
}

TEST_CASE("special-category sections are marked as health data", "[readable]") {
  const auto wa = from_json<v1::WorkAbility>(R"({})");
  const std::string text = section_text(kWorkAbility, wa, {}, {});
  CHECK(text.rfind("Work ability\n============\n  (health data: shared only when you name it", 0) == 0);
  CHECK(text.find("(empty)") != std::string::npos);
}

}  // namespace kartla::views

namespace kartla::views {

TEST_CASE("ICF observations read with their qualifiers in words", "[readable]") {
  const auto wa = test::from_json<v1::WorkAbility>(R"({"entries": [{"id": "w1",
    "icf": [{"category": {"system": "icf", "code": "d240", "display": "Handling stress"}, "qualifier_1": 2, "qualifier_2": 0},
            {"category": {"system": "icf", "code": "e310"}, "qualifier_1": 8, "environment": "FACILITATOR", "note": "family"}]}]})");
  const std::string text = section_text(kWorkAbility, wa, {}, {});
  CHECK(text.find("      - Handling stress (d240), performance 2 moderate, capacity 0 no problem\n") != std::string::npos);
  CHECK(text.find("      - e310, extent 8 not specified, facilitator: family\n") != std::string::npos);
}

}  // namespace kartla::views

namespace kartla::views {

TEST_CASE("the whole record: its id and version, then each section given, in that order", "[readable]") {
  const auto profile = test::from_json<v1::Profile>(R"({"given_name": "Amina"})");
  const auto wa = test::from_json<v1::WorkAbility>(R"({})");
  const std::string text = record_text("00ff", 3, {{{"profile"}, &profile}, {kWorkAbility, &wa}}, {}, {});
  CHECK(text.rfind("Record 00ff, version 3\nEach entry ends with its source: who wrote it, how and when.\n\n"
                   "Profile\n=======\n", 0) == 0);
  CHECK(text.find("\n\nWork ability\n============\n") != std::string::npos);
  CHECK(text.find("Profile\n") < text.find("Work ability\n"));
  CHECK(record_text("00ff", 0, {}, {}, {}) ==
        "Record 00ff, version 0\nEach entry ends with its source: who wrote it, how and when.\n\n"
        "The record holds no sections yet.\n");
}

}  // namespace kartla::views
