// SPDX-License-Identifier: Apache-2.0
// The programme follow-up section (docs/MODEL.md, `programme_followup`): every code of its lists
// accepted at its field and a wrong one refused there, and each rule of its own broken once.
#include <catch2/catch.hpp>

#include <string>

#include "kartla/v1/programme_followup.pb.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

using test::describe;
using test::from_json;
using test::has_violation;

const std::string A = R"("assertion":{"source":"SELF_REPORTED","asserted_at":"2025-11-30T00:00:00Z"})";

std::string coding(const std::string& system, const std::string& code) {
  return R"({"system":")" + system + R"(","code":")" + code + R"("})";
}

// A valid entry of a participant who left, with `extra` fields added.
std::string followup(const std::string& extra = "") {
  return R"({"id":"f1","programme_name":"STEGA","funding_ref":"23-073-S02",)"
         R"("phases":[{"phase":{"instrument_id":"stega-phases","step":1},"entered_on":{"year":2025,"month":2}},)"
         R"({"phase":{"instrument_id":"stega-phases","step":2},"entered_on":{"year":2025,"month":6}}],)"
         R"("entered_on":{"year":2025,"month":2},"exited_on":{"year":2025,"month":11},)"
         R"("participation":[{"from":{"year":2025,"month":2},"percent_of_full_time":25},)"
         R"({"from":{"year":2025,"month":6},"percent_of_full_time":100}],)" +
         extra + A + "}";
}

std::vector<Violation> check(const std::string& json) {
  return test::validate(from_json<v1::ProgrammeFollowup>(json));
}

}  // namespace

TEST_CASE("a follow-up entry with every field set is valid", "[followup]") {
  const auto v = check(followup(R"("gender":)" + coding("kartla-gender", "non-binary") + "," +
                                R"("status_at_entry":)" + coding("kartla-labour-market-status", "inactive") + "," +
                                R"("status_at_exit":)" + coding("kartla-followup-outcome", "studies") + "," +
                                R"("status_six_months_after_exit":)" + coding("kartla-followup-outcome", "employed") +
                                ","));
  INFO(describe(v));
  CHECK(v.empty());
}

TEST_CASE("every gender code is accepted, and a way not to state it; a wrong one is refused at its field",
          "[followup][codes]") {
  for (const char* code : {"woman", "man", "non-binary", "not-stated"}) {
    INFO(code);
    const auto v = check(followup(R"("gender":)" + coding("kartla-gender", code) + ","));
    INFO(describe(v));
    CHECK(v.empty());
  }
  CHECK(check(followup()).empty());  // unset is allowed: it counts as not stated
  for (const char* wrong : {"female", "Woman", "kvinna", ""}) {
    INFO(wrong);
    const auto v = check(followup(R"("gender":)" + coding("kartla-gender", wrong) + ","));
    CHECK(!v.empty());
    CHECK((has_violation(v, "kartla-gender-code", "gender") || has_violation(v, "coding-code-required", "gender")));
  }
  const auto other_system = check(followup(R"("gender":)" + coding("kartla-followup-outcome", "employed") + ","));
  CHECK(has_violation(other_system, "coding-system-not-allowed", "gender"));
}

TEST_CASE("status at entry takes the labour-market status codes", "[followup][codes]") {
  for (const char* code : {"unemployed", "long-term-unemployed", "inactive", "employed", "self-employed"}) {
    INFO(code);
    CHECK(check(followup(R"("status_at_entry":)" + coding("kartla-labour-market-status", code) + ",")).empty());
  }
  const auto v = check(followup(R"("status_at_entry":)" + coding("kartla-labour-market-status", "arbetslös") + ","));
  INFO(describe(v));
  CHECK(has_violation(v, "kartla-labour-market-status-code", "status_at_entry"));
}

TEST_CASE("status at exit and six months after take the outcome codes", "[followup][codes]") {
  for (const char* code : {"employed", "studies", "job-seeking", "other", "unknown"}) {
    INFO(code);
    CHECK(check(followup(R"("status_at_exit":)" + coding("kartla-followup-outcome", code) + "," +
                         R"("status_six_months_after_exit":)" + coding("kartla-followup-outcome", code) + ","))
              .empty());
  }
  const auto v = check(followup(R"("status_at_exit":)" + coding("kartla-followup-outcome", "working") + "," +
                                R"("status_six_months_after_exit":)" + coding("kartla-followup-outcome", "study") +
                                ","));
  INFO(describe(v));
  CHECK(has_violation(v, "kartla-followup-outcome-code", "status_at_exit"));
  CHECK(has_violation(v, "kartla-followup-outcome-code", "status_six_months_after_exit"));
}

TEST_CASE("an outcome needs the date of leaving, after the entry", "[followup]") {
  const std::string still_in = R"({"id":"f1","programme_name":"STEGA","entered_on":{"year":2025,"month":2},)"
                               R"("status_at_exit":)" +
                               coding("kartla-followup-outcome", "employed") + "," + A + "}";
  CHECK(has_violation(check(still_in), "followup-outcome-needs-exit", "status_at_exit"));
  const std::string backwards = R"({"id":"f1","programme_name":"STEGA","entered_on":{"year":2025,"month":6},)"
                                R"("exited_on":{"year":2025,"month":2},)" +
                                A + "}";
  CHECK(has_violation(check(backwards), "followup-exit-order", "exited_on"));
}

TEST_CASE("phase transitions: one scheme, a phase from 1, dated, oldest first", "[followup]") {
  const auto phases = [](const std::string& list) {
    return R"({"id":"f1","programme_name":"STEGA","phases":[)" + list + "]," + A + "}";
  };
  const std::string p1 = R"({"phase":{"instrument_id":"stega-phases","step":1},"entered_on":{"year":2025,"month":6}})";
  const std::string p2_early = R"({"phase":{"instrument_id":"stega-phases","step":2},"entered_on":{"year":2025,"month":3}})";
  const std::string other = R"({"phase":{"instrument_id":"vasa-steps","step":2},"entered_on":{"year":2025,"month":9}})";
  const std::string zero = R"({"phase":{"instrument_id":"stega-phases","step":0},"entered_on":{"year":2025,"month":6}})";
  const std::string undated = R"({"phase":{"instrument_id":"stega-phases","step":1}})";
  CHECK(has_violation(check(phases(p1 + "," + p2_early)), "followup-phase-order", "phases[1].entered_on"));
  CHECK(has_violation(check(phases(p1 + "," + other)), "followup-phase-scheme", "phases[1].phase.instrument_id"));
  CHECK(has_violation(check(phases(zero)), "followup-phase-required", "phases[0].phase"));
  CHECK(has_violation(check(phases(undated)), "followup-phase-date-required", "phases[0].entered_on"));
}

TEST_CASE("participation degree: 1-100 % of full time, dated, oldest first", "[followup]") {
  const auto degrees = [](const std::string& list) {
    return R"({"id":"f1","programme_name":"STEGA","participation":[)" + list + "]," + A + "}";
  };
  CHECK(has_violation(check(degrees(R"({"from":{"year":2025},"percent_of_full_time":0})")),
                      "participation-degree-range", "participation[0].percent_of_full_time"));
  CHECK(has_violation(check(degrees(R"({"from":{"year":2025},"percent_of_full_time":101})")),
                      "participation-degree-range", "participation[0].percent_of_full_time"));
  CHECK(has_violation(check(degrees(R"({"percent_of_full_time":50})")), "participation-date-required",
                      "participation[0].from"));
  CHECK(has_violation(check(degrees(R"({"from":{"year":2025,"month":6},"percent_of_full_time":50},)"
                                    R"({"from":{"year":2025,"month":2},"percent_of_full_time":75})")),
                      "participation-order", "participation[1].from"));
}

TEST_CASE("a follow-up entry names its programme", "[followup]") {
  CHECK(has_violation(check(R"({"id":"f1",)" + A + "}"), "followup-programme-required", "programme_name"));
}

TEST_CASE("a ledger grant of programme_followup names Art. 6(1)(c) or (e)", "[followup]") {
  const auto ledger = [](const std::string& basis) {
    return R"({"grants":[{"id":"00112233445566778899aabbccddeeff","agency_fingerprint":"f","sections":["programme_followup"],)"
           R"("purpose":"STEGA follow-up","granted_at":"2025-11-30T00:00:00Z",)"
           R"("gdpr_art6_basis":{"system":"gdpr-art6","code":")" +
           basis + R"("}}]})";
  };
  CHECK(has_violation(test::validate(from_json<v1::SharingLedger>(ledger("6.1.a"))), "grant-followup-basis",
                      "grants[0].gdpr_art6_basis"));
  for (const char* basis : {"6.1.c", "6.1.e"}) {
    INFO(basis);
    CHECK(!has_violation(test::validate(from_json<v1::SharingLedger>(ledger(basis))), "grant-followup-basis",
                         "grants[0].gdpr_art6_basis"));
  }
}

}  // namespace kartla::model
