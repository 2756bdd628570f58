/* SPDX-License-Identifier: Apache-2.0 */
// Internal to the plan view: goals arranged as a tree and activities grouped by goal, shared by
// the JSON and the text rendering so both show the same structure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "i18n/messages.h"
#include "kartla/v1/action_plan.pb.h"

namespace kartla::views {

struct GoalNode {
  const v1::Goal* goal = nullptr;
  std::vector<const v1::Activity*> activities;
  std::vector<GoalNode> sub_goals;
};

struct PlanTree {
  std::vector<GoalNode> goals;                       // main goals, in plan order
  std::vector<const v1::Activity*> other_activities;  // serving no goal of the plan
};

// A sub-goal whose parent is missing, or that sits in a cycle (validation refuses both, but a
// record written before may hold them), is shown as a main goal: every goal appears once.
PlanTree plan_tree(const v1::ActionPlan& plan);

// In English these are also the typed view's tokens (PlanView.status, .horizon), which stay English
// whatever the reader's language; the text view passes the reader's language.
std::string status_text(int plan_status, i18n::Language language = i18n::Language::en);  // "planned", ...
// "short term (weeks)", ...; "" when unspecified.
std::string horizon_text(int horizon, i18n::Language language = i18n::Language::en);

}  // namespace kartla::views
