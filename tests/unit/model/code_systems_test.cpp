// SPDX-License-Identifier: Apache-2.0
// The code-system registry: one valid and one invalid code for every registered system, so a
// system added without a test fails here (docs/MODEL.md, Code systems).
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "kartla/v1/work_experience.pb.h"
#include "codes/code_systems.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

struct CodeCase {
  std::vector<std::string> valid;
  std::vector<std::string> invalid;
};

// Valid examples are real codes from the registries docs/MODEL.md cites.
const std::map<std::string, CodeCase>& code_cases() {
  static const std::map<std::string, CodeCase> cases = {
      {"jobtech", {{"DJh5_yyF_hEM", "AvNB_uwa_6n6", "nTYu_SG6_CNa"}, {"DJh5yyFhEM", "DJh5_yyF_hE", "DJh5-yyF-hEM", "DJh5_yyF_hE!"}}},
      {"ssyk-2012", {{"5311", "2512", "0110"}, {"531", "53111", "531a"}}},
      {"isco-08", {{"2512", "5120"}, {"251", "25-2"}}},
      {"esco",
       {{"http://data.europa.eu/esco/occupation/0d93706d-32fd-4de3-aa08-be1003e325da",
         "http://data.europa.eu/esco/skill/0d93706d-32fd-4de3-aa08-be1003e325da"},
        {"https://data.europa.eu/esco/occupation/0d93706d-32fd-4de3-aa08-be1003e325da",
         "http://data.europa.eu/esco/isco/0d93706d-32fd-4de3-aa08-be1003e325da",
         "http://data.europa.eu/esco/occupation/0D93706D-32FD-4DE3-AA08-BE1003E325DA",
         "http://data.europa.eu/esco/occupation/0d93706d32fd-4de3-aa08-be1003e325da0"}}},
      {"sun-2020-level", {{"3", "33", "522"}, {"7", "3333", "3a"}}},
      {"sun-2020-field", {{"1", "21", "214", "214a"}, {"", "21445", "a214"}}},
      {"isced-2011", {{"0", "3", "8"}, {"9", "ED3", "-1"}}},
      {"isced-f-2013", {{"06", "061", "0613", "1013", "99"}, {"0", "11", "06131", "6a"}}},
      {"seqf", {{"1", "8"}, {"0", "9"}}},
      {"finqf", {{"1", "8"}, {"0", "9"}}},
      {"eqf", {{"1", "8"}, {"0", "http://data.europa.eu/snb/eqf/4"}}},
      {"cefr", {{"A1", "B1", "C2"}, {"B3", "b1", "Pre-A1"}}},
      {"yki", {{"1", "6"}, {"0", "7"}}},
      {"sfi-studievag", {{"1", "2", "3"}, {"4", "0"}}},
      {"sfi-kurs", {{"A", "D"}, {"E", "a"}}},
      {"se-betyg", {{"A", "E", "F"}, {"G", "Fx"}}},
      {"ocn-level", {{"1", "3"}, {"0", "4", "Entry"}}},
      {"iso-639-1", {{"sv", "fi", "ar"}, {"swe", "SV", "qq"}}},
      {"iso-639-3", {{"swe", "kmr", "ckb", "ara"}, {"sv", "SWE", "qqq"}}},
      {"iso-3166-1", {{"SE", "FI", "SY"}, {"UK", "se", "SWE"}}},
      {"icf", {{"d845", "b130", "e310", "s75011"}, {"x845", "d", "d845.2", "d845123"}}},
      {"sni-2007", {{"A", "47", "47111"}, {"V", "4", "471111"}}},
      {"eu-driving-licence", {{"B", "BE", "C1E", "AM"}, {"B1", "T", "b"}}},
      {"se-kommunkod", {{"1282", "1782", "0180"}, {"2682", "0082", "128"}}},
      {"fi-kuntanumero", {{"905", "091"}, {"9050", "90a"}}},
      {"gdpr-art6", {{"6.1.a", "6.1.e"}, {"6.1.g", "9.2.a"}}},
      {"gdpr-art9", {{"9.2.a", "9.2.j"}, {"9.2.k", "6.1.a"}}},
      {"kartla-method", {{"ocn", "self-assessment"}, {"OCN", "guesswork"}}},
      {"kartla-instrument", {{"gas", "bip-style-indicators"}, {"Gas", "bip--style", "-gas", ""}}},
      {"kartla-intervention-type",
       {{"work-practice", "validation", "debt-counselling", "civic-education", "study-preparation",
         "supported-employment", "group-activity"},
        {"praktik", "", "debt-counseling", "ips"}}},
      {"kartla-labour-market-status",
       {{"unemployed", "long-term-unemployed", "inactive", "employed", "self-employed"}, {"arbetslös", "Unemployed"}}},
      {"kartla-agency-role", {{"municipal_labour_unit", "social_insurance", "other"}, {"kommun", "Employer", ""}}},
      {"kartla-gender", {{"woman", "man", "non-binary", "not-stated"}, {"female", "Woman", "nonbinary", ""}}},
      {"kartla-followup-outcome",
       {{"employed", "studies", "job-seeking", "other", "unknown"}, {"work", "Employed", "job_seeking", ""}}},
      {"vasa-participation-step",
       {{"outreach", "life-skills", "resources-and-goals", "guidance-onward", "cross-sector-network"},
        {"step-3", "Outreach", "3", "life_skills", ""}}},
  };
  return cases;
}

}  // namespace

TEST_CASE("every registered code system has valid and invalid cases", "[code-systems]") {
  for (const codes::CodeSystem& system : codes::code_systems()) {
    DYNAMIC_SECTION(system.key << " (" << system.code_rule << ")") {
      const auto it = code_cases().find(std::string(system.key));
      REQUIRE(it != code_cases().end());
      for (const std::string& code : it->second.valid) {
        INFO("valid: " << code);
        CHECK(codes::code_is_valid(system, code));
      }
      for (const std::string& code : it->second.invalid) {
        INFO("invalid: " << code);
        CHECK_FALSE(codes::code_is_valid(system, code));
      }
      CHECK_FALSE(system.code_rule.empty());
      CHECK((system.version_rule != codes::VersionRule::implied || !system.edition.empty()));
      CHECK((system.version_rule != codes::VersionRule::pinned || !system.edition.empty()));
    }
  }
}

TEST_CASE("code-system keys are unique and found", "[code-systems]") {
  std::map<std::string, int> count;
  for (const codes::CodeSystem& s : codes::code_systems()) ++count[std::string(s.key)];
  for (const auto& [key, n] : count) {
    INFO(key);
    CHECK(n == 1);
    CHECK(codes::find_code_system(key) != nullptr);
  }
  CHECK(codes::find_code_system("ssyk-96") == nullptr);
}

TEST_CASE("closed lists carry labels for readers", "[code-systems]") {
  CHECK(codes::code_label("cefr", "B1") == "B1 threshold");
  CHECK(codes::code_label("sfi-studievag", "3") == "studieväg 3: courses C–D");
  CHECK(codes::code_label("cefr", "B3").empty());
  CHECK(codes::code_label("ssyk-2012", "5311").empty());  // open list: labels come from SCB/JobTech
}

TEST_CASE("a bad code is reported under its system's rule at the Coding's path", "[code-systems]") {
  const auto section = test::from_json<v1::WorkExperience>(
      R"({"entries":[{"id":"w1","ssyk":{"system":"ssyk-2012","code":"53"},"isco":{"system":"isco-08","code":"2512"},)"
      R"("assertion":{"source":"SELF_REPORTED","asserted_at":"2024-01-01T00:00:00Z"}}]})");
  const auto violations = test::validate(section);
  INFO(test::describe(violations));
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].rule == "ssyk-2012-code");
  CHECK(violations[0].field_path == "entries[0].ssyk");
}

}  // namespace kartla::model
