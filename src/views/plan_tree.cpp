// SPDX-License-Identifier: Apache-2.0
#include "views/plan_tree.h"

#include <set>

#include "kartla/v1/action_plan.pb.h"
#include "views/words.h"

namespace kartla::views {
namespace {

// Sub-goals nest at most this deep in the view; a deeper chain continues as a new main goal, so
// a hostile plan (a chain of a million sub-goals) cannot exhaust the stack of the renderers.
constexpr int kMaxDepth = 16;

class TreeBuilder {
 public:
  explicit TreeBuilder(const v1::ActionPlan& plan) : plan_(plan) {
    for (const v1::Goal& g : plan.goals()) {
      ids_.insert(g.id());
      if (!g.parent_goal_id().empty()) children_[g.parent_goal_id()].push_back(&g);
    }
    for (const v1::Activity& a : plan.activities()) {
      bool placed = false;
      for (const std::string& goal : a.goal_ids()) {
        if (ids_.count(goal) == 0) continue;
        by_goal_[goal].push_back(&a);
        placed = true;
      }
      if (!placed) tree_.other_activities.push_back(&a);
    }
  }

  PlanTree build() {
    // Main goals first; then whatever is unreachable from them (orphans, cycles) as main goals.
    for (const v1::Goal& g : plan_.goals())
      if (g.parent_goal_id().empty() || ids_.count(g.parent_goal_id()) == 0) add_root(g);
    for (const v1::Goal& g : plan_.goals())
      if (shown_.count(&g) == 0) add_root(g);
    return std::move(tree_);
  }

 private:
  void add_root(const v1::Goal& g) {
    if (shown_.count(&g) != 0) return;
    tree_.goals.push_back(node(g, 0));
  }

  GoalNode node(const v1::Goal& g, int depth) {
    shown_.insert(&g);
    GoalNode n;
    n.goal = &g;
    if (g.id().empty()) return n;
    if (const auto it = by_goal_.find(g.id()); it != by_goal_.end()) n.activities = it->second;
    if (depth + 1 >= kMaxDepth) return n;
    if (const auto it = children_.find(g.id()); it != children_.end()) {
      for (const v1::Goal* child : it->second)
        if (shown_.count(child) == 0) n.sub_goals.push_back(node(*child, depth + 1));
    }
    return n;
  }

  const v1::ActionPlan& plan_;
  std::set<std::string> ids_;
  std::map<std::string, std::vector<const v1::Goal*>> children_;
  std::map<std::string, std::vector<const v1::Activity*>> by_goal_;
  std::set<const v1::Goal*> shown_;
  PlanTree tree_;
};

}  // namespace

PlanTree plan_tree(const v1::ActionPlan& plan) { return TreeBuilder(plan).build(); }

std::string status_text(int plan_status, i18n::Language l) {
  switch (plan_status) {
    case v1::PLAN_STATUS_PLANNED: return trc(l, "plan status", "planned");
    case v1::PLAN_STATUS_ONGOING: return trc(l, "plan status", "ongoing");
    case v1::PLAN_STATUS_DONE: return trc(l, "plan status", "done");
    case v1::PLAN_STATUS_POSTPONED: return trc(l, "plan status", "postponed");
    case v1::PLAN_STATUS_CANCELLED: return trc(l, "plan status", "cancelled");
    default: return trc(l, "plan status", "status not stated");
  }
}

std::string horizon_text(int horizon, i18n::Language l) {
  switch (horizon) {
    case v1::Goal::SHORT: return trc(l, "goal horizon", "short term (weeks)");
    case v1::Goal::MEDIUM: return trc(l, "goal horizon", "medium term (months)");
    case v1::Goal::LONG: return trc(l, "goal horizon", "long term (a year or more)");
    default: return {};
  }
}

}  // namespace kartla::views
