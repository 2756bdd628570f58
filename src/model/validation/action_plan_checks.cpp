// SPDX-License-Identifier: Apache-2.0
// The action plan's internal references (docs/MODEL.md, `action_plan`): sub-goals name a goal, activities name
// the goals they serve, and the goal tree has no cycles.
#include <map>
#include <set>
#include <vector>

#include "kartla/v1/action_plan.pb.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"

namespace kartla::model {
namespace {

// Marks every goal that lies on a cycle of parent ids. Each goal is walked once (linear time even
// for a hostile plan with many goals): a walk stops at a goal already finished, and a walk that
// meets its own path has found a cycle made of the goals from that point on.
std::vector<bool> goals_in_cycles(const v1::ActionPlan& plan, const std::map<std::string, int>& index) {
  const int n = plan.goals_size();
  std::vector<int> state(static_cast<size_t>(n), 0);  // 0 new, 1 on the current walk, 2 finished
  std::vector<bool> in_cycle(static_cast<size_t>(n), false);
  for (int start = 0; start < n; ++start) {
    std::vector<int> walk;
    int at = start;
    while (at >= 0 && state[static_cast<size_t>(at)] == 0) {
      state[static_cast<size_t>(at)] = 1;
      walk.push_back(at);
      const auto parent = index.find(plan.goals(at).parent_goal_id());
      at = parent == index.end() ? -1 : parent->second;
    }
    if (at >= 0 && state[static_cast<size_t>(at)] == 1) {
      for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
        in_cycle[static_cast<size_t>(*it)] = true;
        if (*it == at) break;
      }
    }
    for (int g : walk) state[static_cast<size_t>(g)] = 2;
  }
  return in_cycle;
}

}  // namespace

void check_action_plan(const Visit& v) {
  const auto& plan = static_cast<const v1::ActionPlan&>(v.msg);
  std::map<std::string, int> goal_index;
  for (int i = 0; i < plan.goals_size(); ++i) goal_index.emplace(plan.goals(i).id(), i);

  const std::vector<bool> cyclic = goals_in_cycles(plan, goal_index);
  for (int i = 0; i < plan.goals_size(); ++i) {
    const std::string& parent = plan.goals(i).parent_goal_id();
    if (parent.empty()) continue;
    const std::string path = field_path(item_path(v.path, "goals", i), "parent_goal_id");
    if (goal_index.count(parent) == 0) {
      v.out.report_violation(path, "goal-parent-unknown", "no goal has id %s", {quote(parent)});
    } else if (cyclic[static_cast<size_t>(i)]) {
      v.out.report_violation(path, "goal-parent-cycle",
                             "this goal is, through its parents, its own sub-goal");
    }
  }
  for (int i = 0; i < plan.activities_size(); ++i) {
    const v1::Activity& a = plan.activities(i);
    const std::string path = item_path(v.path, "activities", i);
    for (int g = 0; g < a.goal_ids_size(); ++g) {
      if (goal_index.count(a.goal_ids(g)) == 0) {
        v.out.report_violation(item_path(path, "goal_ids", g), "activity-goal-unknown",
                               "no goal has id %s", {quote(a.goal_ids(g))});
      }
    }
    // A finished activity says when it finished, so the plan doubles as a history.
    if (a.status() == v1::PLAN_STATUS_DONE && !a.actual().has_end()) {
      v.out.report_violation(field_path(path, "actual"), "activity-done-needs-end",
                             "a done activity records when it ended (actual.end)");
    }
  }
  check_coordination(v, plan);
}

// Goal attainment scaling has five levels, −2 … +2 (Kiresuk & Sherman; Kela's GAS manual).
void check_goal(const Visit& v) {
  const auto& goal = static_cast<const v1::Goal&>(v.msg);
  std::set<int> levels;
  for (int i = 0; i < goal.gas_levels_size(); ++i) {
    const int level = goal.gas_levels(i).level();
    if (level < -2 || level > 2 || !levels.insert(level).second) {
      v.out.report_violation(field_path(item_path(v.path, "gas_levels", i), "level"), "gas-level-range",
                             "GAS levels are −2 … +2, each once");
    }
  }
}

}  // namespace kartla::model
