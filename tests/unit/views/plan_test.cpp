// SPDX-License-Identifier: Apache-2.0
// The action-plan view: goals nest by parent id, activities appear under the goals they serve,
// nothing is dropped, and hostile shapes (cycles, deep chains) neither loop nor exhaust the stack.
#include <catch2/catch.hpp>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/instruments.pb.h"
#include "views/plan.h"
#include "views/plan_tree.h"
#include "report_test_support.h"

namespace kartla::views {
namespace {

using test::count;
using test::from_json;

const char* kPlan = R"({
  "revision": 2, "agreed_at": "2025-03-01T09:00:00Z", "participant_agreed": true,
  "current_step": {"instrument_id": "test-steps", "instrument_version": "1", "step": 2},
  "goals": [
    {"id": "g-sub", "parent_goal_id": "g-main", "text": "Forklift licence", "status": "PLAN_STATUS_PLANNED",
     "horizon": "SHORT", "target_date": {"year": 2025, "month": 6}},
    {"id": "g-main", "text": "A job in a warehouse", "status": "PLAN_STATUS_ONGOING", "horizon": "LONG",
     "target_occupation": {"system": "ssyk-2012", "code": "9321", "display": "Lagerarbetare"},
     "gas_levels": [{"level": -1, "description": "less"}, {"level": 0, "description": "as expected"}]}
  ],
  "activities": [
    {"id": "a-course", "title": "Forklift course", "goal_ids": ["g-sub"],
     "responsible": {"se_orgnr": "2021002114", "name": "Arbetsförmedlingen"}, "responsible_role": "arbetsförmedlare",
     "step": {"instrument_id": "test-steps", "instrument_version": "1", "step": 2},
     "status": "PLAN_STATUS_DONE", "planned": {"start": {"year": 2025, "month": 4}, "end": {"year": 2025, "month": 5}},
     "actual": {"start": {"year": 2025, "month": 4, "day": 7}, "end": {"year": 2025, "month": 4, "day": 7}}},
    {"id": "a-loose", "title": "Coffee with the coach", "goal_ids": ["no-such-goal"], "status": "PLAN_STATUS_PLANNED"}
  ]})";

const char* kSteps = R"({"id": "test-steps", "version": "1", "indicators": [{"code": "step",
  "scale": {"min": 1, "max": 3, "points": [{"value": 2, "label": [{"lang": "en", "text": "Step two"}]}]}}]})";

}  // namespace

TEST_CASE("the plan reads as goals, sub-goals and their activities", "[plan]") {
  const auto plan = from_json<v1::ActionPlan>(kPlan);
  const auto steps = from_json<v1::InstrumentDefinition>(kSteps);
  const std::string text = plan_text(plan, {&steps}, {});
  const std::string expected =
      "Action plan, revision 2, agreed 2025-03-01 (the participant agreed)\n"
      "Current phase: Step two (test-steps step 2)\n"
      "\n"
      "Goal: A job in a warehouse\n"
      "  ongoing, long term (a year or more)  (id g-main)\n"
      "  Target occupation: Lagerarbetare (9321)\n"
      "  Goal attainment levels:\n"
      "    -1  less\n"
      "     0  as expected\n"
      "  Sub-goal: Forklift licence\n"
      "    planned, short term (weeks), target 2025-06  (id g-sub)\n"
      "    Activity: Forklift course  [done]\n"
      "      Responsible: Arbetsförmedlingen (org. nr 2021002114) (arbetsförmedlare)\n"
      "      Phase: Step two (test-steps step 2)\n"
      "      Planned: 2025-04 – 2025-05\n"
      "      Actual: 2025-04-07\n"
      "\n"
      "Activities not tied to a goal:\n"
      "  Activity: Coffee with the coach  [planned]\n";
  CHECK(text == expected);
}

TEST_CASE("the typed plan nests sub-goals and lists every activity", "[plan]") {
  const auto plan = from_json<v1::ActionPlan>(kPlan);
  const v1::PlanView view = plan_view(plan, {}, {});
  // A time in a structured result is RFC 3339 in UTC, to the second (the text view shows the day).
  CHECK(view.agreed_at() == "2025-03-01T09:00:00Z");
  REQUIRE(view.has_current_step());
  CHECK(view.current_step().instrument() == "test-steps");
  CHECK(view.current_step().instrument_version() == "1");
  CHECK(view.current_step().step() == 2);
  CHECK(view.current_step().label().empty());
  bool nested = false;
  for (const v1::PlanGoal& g : view.goals())
    nested = nested || (g.sub_goals_size() > 0 && g.sub_goals(0).id() == "g-sub");
  CHECK(nested);
  REQUIRE(view.activities_without_goal_size() == 1);
  CHECK(view.activities_without_goal(0) == "a-loose");
  size_t responsible = 0, done = 0, course = 0;
  for (const v1::PlanActivity& a : view.activities()) {
    if (a.responsible() == "Arbetsförmedlingen (org. nr 2021002114)") ++responsible;
    if (a.status() == "done") ++done;
    if (a.id() == "a-course") ++course;
  }
  CHECK(responsible >= 1);
  CHECK(done >= 1);
  CHECK(course == 1);
}

TEST_CASE("a cycle of goals shows each goal once", "[plan]") {
  const auto plan = from_json<v1::ActionPlan>(R"({"goals": [
    {"id": "a", "parent_goal_id": "b", "text": "A"}, {"id": "b", "parent_goal_id": "a", "text": "B"}]})");
  const PlanTree tree = plan_tree(plan);
  REQUIRE(tree.goals.size() == 1);
  CHECK(tree.goals[0].goal->id() == "a");
  REQUIRE(tree.goals[0].sub_goals.size() == 1);
  CHECK(tree.goals[0].sub_goals[0].sub_goals.empty());
  CHECK(count(plan_text(plan, {}, {}), "Goal: ") + count(plan_text(plan, {}, {}), "Sub-goal: ") == 2);
}

TEST_CASE("a long chain of sub-goals is cut into bounded trees, every goal kept", "[plan]") {
  v1::ActionPlan plan;
  constexpr int kGoals = 20000;
  for (int i = 0; i < kGoals; ++i) {
    v1::Goal* g = plan.add_goals();
    g->set_id("g" + std::to_string(i));
    if (i > 0) g->set_parent_goal_id("g" + std::to_string(i - 1));
  }
  const PlanTree tree = plan_tree(plan);
  size_t seen = 0;
  size_t max_depth = 0;
  for (const GoalNode& root : tree.goals) {
    const GoalNode* n = &root;
    size_t depth = 1;
    while (!n->sub_goals.empty()) n = &n->sub_goals[0], ++depth;
    seen += depth;
    max_depth = std::max(max_depth, depth);
  }
  CHECK(seen == kGoals);
  CHECK(max_depth <= 16);
  CHECK(count(plan_text(plan, {}, {}), "oal: ") == kGoals);
}

// An agency's bundle may share the plan but not progress, where the step model is pinned: the
// step then reads in words, never as the model's id ("test-steps step 2").
TEST_CASE("a step whose model is not shown reads in words, not as the model's id", "[plan]") {
  const auto plan = from_json<v1::ActionPlan>(kPlan);
  const std::string text = plan_text(plan, {}, {});
  CHECK(text.find("Current phase: step 2 (its name is in a section not shown here)\n") != std::string::npos);
  CHECK(text.find("test-steps") == std::string::npos);
  ViewOptions sv;
  sv.language = "sv";
  CHECK(plan_text(plan, {}, sv).find("test-steps") == std::string::npos);
}

}  // namespace kartla::views
