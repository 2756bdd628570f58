// SPDX-License-Identifier: Apache-2.0
// Issue 15, item 5: the codes the programmes' own texts need (docs/MODEL.md), each accepted where
// it belongs and a wrong one refused with the field named: the new intervention types, the
// agencies' roles, the labour-market status at entry, registration as an active job seeker, and
// the group without a SeQF level, said without a fake level.
#include <catch2/catch.hpp>

#include <string>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/education.pb.h"
#include "kartla/v1/profile.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

using test::describe;
using test::from_json;
using test::has_violation;

const std::string A = R"("assertion":{"source":"SELF_REPORTED","asserted_at":"2024-01-01T00:00:00Z"})";

std::string activity_of_type(const std::string& code) {
  return R"({"activities":[{"id":"a1","title":"t","type":{"system":"kartla-intervention-type","code":")" + code +
         R"("},)" + A + "}]," + A + "}";
}

std::string involved_in_role(const std::string& code) {
  return R"({"involved":[{"id":"fk","agency":{"se_orgnr":"2021005521","name":"Försäkringskassan"},)"
         R"("role":{"system":"kartla-agency-role","code":")" +
         code + R"("},"since":{"year":2024},)" + A + "}]," + A + "}";
}

std::string enrolment(const std::string& body) {
  return R"({"enrolments":[{"id":"e1","programme_name":"STEGA",)" + body + A + "}]," + A + "}";
}

}  // namespace

TEST_CASE("the new intervention types are accepted in a plan; a misspelt one is refused at its field", "[codes]") {
  for (const char* code : {"debt-counselling", "civic-education", "study-preparation", "supported-employment",
                           "group-activity"}) {
    INFO(code);
    const auto v = test::validate(from_json<v1::ActionPlan>(activity_of_type(code)));
    INFO(describe(v));
    CHECK(v.empty());
  }
  const auto v = test::validate(from_json<v1::ActionPlan>(activity_of_type("debt-counseling")));
  INFO(describe(v));
  CHECK(has_violation(v, "kartla-intervention-type-code", "activities[0].type"));
}

TEST_CASE("an involved agency's role is an agency role", "[codes]") {
  CHECK(test::validate(from_json<v1::ActionPlan>(involved_in_role("social_insurance"))).empty());
  const auto v = test::validate(from_json<v1::ActionPlan>(involved_in_role("fk")));
  INFO(describe(v));
  CHECK(has_violation(v, "kartla-agency-role-code", "involved[0].role"));
}

TEST_CASE("labour-market status at entry and registration as a job seeker", "[codes]") {
  const auto ok = test::validate(from_json<v1::Profile>(enrolment(
      R"("status_at_entry":{"system":"kartla-labour-market-status","code":"long-term-unemployed"},)"
      R"("registered_job_seeker_since":{"year":2024,"month":9,"day":2},)")));
  INFO(describe(ok));
  CHECK(ok.empty());
  const auto bad_status = test::validate(from_json<v1::Profile>(
      enrolment(R"("status_at_entry":{"system":"kartla-labour-market-status","code":"arbetslös"},)")));
  CHECK(has_violation(bad_status, "kartla-labour-market-status-code", "enrolments[0].status_at_entry"));
  const auto bad_date =
      test::validate(from_json<v1::Profile>(enrolment(R"("registered_job_seeker_since":{"year":2024,"month":13},)")));
  CHECK(has_violation(bad_date, "date-real", "enrolments[0].registered_job_seeker_since"));
}

TEST_CASE("no completed basic education is said without a SeQF level; level 0 does not exist", "[codes]") {
  CHECK(test::validate(from_json<v1::Education>(R"({"no_completed_basic_education":true})")).empty());
  const auto v = test::validate(from_json<v1::Education>(
      R"({"entries":[{"id":"e1","title":"Grundskola","nqf_level":{"system":"seqf","code":"0"},)" + A + "}]}"));
  INFO(describe(v));
  CHECK(has_violation(v, "seqf-level", "entries[0].nqf_level"));
}

}  // namespace kartla::model
