// SPDX-License-Identifier: Apache-2.0
// Steps of the service (docs/MODEL.md, `ServiceStepParticipation`, code system
// `vasa-participation-step`): taking part in several at once or returning to one is valid, a wrong
// code or edition is refused at the field that holds it, and a step taken part in says which and
// from when.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

using test::describe;
using test::from_json;
using test::has_violation;

const std::string A = R"("assertion":{"source":"SELF_REPORTED","asserted_at":"2019-01-14T00:00:00Z"})";
const char* const kSteps[] = {"outreach", "life-skills", "resources-and-goals", "guidance-onward", "cross-sector-network"};

std::string step(const std::string& code, const std::string& version = "1") {
  std::string json = R"({"system":"vasa-participation-step","code":")" + code + "\"";
  if (!version.empty()) json += R"(,"version":")" + version + "\"";
  return json + "}";
}

std::string date(int y, int m, int d) {
  return R"({"year":)" + std::to_string(y) + R"(,"month":)" + std::to_string(m) + R"(,"day":)" + std::to_string(d) + "}";
}

std::string participation(const std::string& step_json, const std::string& period_json) {
  std::string json = "{";
  if (!step_json.empty()) json += R"("step":)" + step_json;
  if (!period_json.empty()) json += std::string(step_json.empty() ? "" : ",") + R"("period":)" + period_json;
  return json + "}";
}

std::vector<Violation> check_entry(const std::string& service_steps) {
  return test::validate(from_json<v1::Interventions>(R"({"entries":[{"id":"i1","title":"Ryhmä","service_steps":[)" +
                                                      service_steps + "]," + A + "}]}"));
}

}  // namespace

TEST_CASE("taking part in several steps at once, and returning to one, is valid", "[service-step]") {
  const std::string several =
      participation(step("resources-and-goals"), R"({"start":)" + date(2019, 1, 14) + R"(,"end":)" + date(2019, 12, 20) + "}") + "," +
      participation(step("life-skills"), R"({"start":)" + date(2018, 9, 10) + R"(,"end":)" + date(2018, 12, 14) + "}") + "," +
      participation(step("life-skills"), R"({"start":)" + date(2019, 9, 2) + "}") + "," +
      participation(step("cross-sector-network"), R"({"start":)" + date(2019, 3, 1) + "}");
  const auto v = check_entry(several);
  INFO(describe(v));
  CHECK(v.empty());
}

TEST_CASE("every step of the list is accepted; a wrong code is refused at its field", "[service-step][codes]") {
  for (const char* code : kSteps) {
    INFO(code);
    const auto v = check_entry(participation(step(code), R"({"start":)" + date(2019, 1, 14) + "}"));
    INFO(describe(v));
    CHECK(v.empty());
  }
  for (const char* wrong : {"step-3", "Outreach", "3", "life_skills", "vasa-participation-steps"}) {
    INFO(wrong);
    const auto v = check_entry(participation(step(wrong), R"({"start":)" + date(2019, 1, 14) + "}"));
    INFO(describe(v));
    CHECK(v.size() == 1);
    CHECK(has_violation(v, "vasa-participation-step-code", "entries[0].service_steps[0].step"));
  }
}

TEST_CASE("the list is pinned to its edition: no version, or another, is refused", "[service-step][codes]") {
  const std::string when = R"({"start":)" + date(2019, 1, 14) + "}";
  auto v = check_entry(participation(step("outreach", ""), when));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "coding-version-required", "entries[0].service_steps[0].step"));
  v = check_entry(participation(step("outreach", "2"), when));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "coding-version-mismatch", "entries[0].service_steps[0].step"));
  // The field takes this list only: an intervention type there is refused by name.
  v = check_entry(participation(R"({"system":"kartla-intervention-type","code":"guidance"})", when));
  CHECK(has_violation(v, "coding-system-not-allowed", "entries[0].service_steps[0].step"));
}

TEST_CASE("a step taken part in names the step and when it began", "[service-step]") {
  auto v = check_entry(participation("", R"({"start":)" + date(2019, 1, 14) + "}"));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "service-step-required", "entries[0].service_steps[0].step"));
  v = check_entry(participation(step("outreach"), ""));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "service-step-start-required", "entries[0].service_steps[0].period.start"));
  v = check_entry(participation(step("outreach"), R"({"end":)" + date(2019, 1, 14) + "}"));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "service-step-start-required", "entries[0].service_steps[0].period.start"));
  v = check_entry(participation(step("outreach"), R"({"start":)" + date(2019, 2, 1) + R"(,"end":)" + date(2019, 1, 14) + "}"));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "period-order", "entries[0].service_steps[0].period.end"));
}

// The promise "several at once, or again" holds for any arrangement: random lists of steps with
// random, overlapping and repeated periods are all valid, and one wrong code among them is the only
// violation, reported at its own index.
TEST_CASE("property: any arrangement of steps and periods is valid; one wrong code is found where it is",
          "[service-step][property]") {
  std::mt19937 rng(20170504);  // the project's first day
  std::uniform_int_distribution<int> pick_step(0, 4), count(1, 8), month(1, 12), day(1, 28), year(2017, 2020), len(0, 400);
  for (int round = 0; round < 200; ++round) {
    const int n = count(rng);
    std::string list;
    for (int i = 0; i < n; ++i) {
      const int y = year(rng), m = month(rng), d = day(rng);
      std::string period = R"({"start":)" + date(y, m, d);
      if (len(rng) > 100) period += R"(,"end":)" + date(y + 1, m, d);
      list += (i ? "," : "") + participation(step(kSteps[pick_step(rng)]), period + "}");
    }
    INFO("round " << round << ": " << list);
    auto v = check_entry(list);
    INFO(describe(v));
    CHECK(v.empty());
    const int bad = std::uniform_int_distribution<int>(0, n)(rng);
    const std::string with_bad =
        list + "," + participation(step("step-" + std::to_string(bad)), R"({"start":)" + date(2019, 1, 1) + "}");
    v = check_entry(with_bad);
    CHECK(v.size() == 1);
    CHECK(has_violation(v, "vasa-participation-step-code", "entries[0].service_steps[" + std::to_string(n) + "].step"));
  }
}

TEST_CASE("an action-plan activity names its step of the service, checked the same way", "[service-step]") {
  const std::string plan = R"({"activities":[{"id":"a1","title":"Ryhmä","service_step":)";
  const std::string tail = "," + A + "}]," + A + "}";
  auto v = test::validate(from_json<v1::ActionPlan>(plan + step("life-skills") + tail));
  INFO(describe(v));
  CHECK(v.empty());
  v = test::validate(from_json<v1::ActionPlan>(plan + step("step-2") + tail));
  CHECK(v.size() == 1);
  CHECK(has_violation(v, "vasa-participation-step-code", "activities[0].service_step"));
}

}  // namespace kartla::model
