// SPDX-License-Identifier: Apache-2.0
#include "views/plan.h"

#include "kartla/v1/action_plan.pb.h"
#include "views/coordination.h"
#include "views/labels.h"
#include "views/plan_tree.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {
namespace {

// "-2", " 0", "+1": aligned in a column.
std::string signed_level(int level) { return (level > 0 ? "+" : level == 0 ? " " : "") + std::to_string(level); }

// ---- typed result

void set_step(v1::PlanStep& out, const v1::ProgrammeStep& step, const InstrumentDefinitions& models,
              const ViewOptions& options) {
  out.set_instrument(step.instrument_id());
  out.set_instrument_version(step.instrument_version());
  out.set_step(step.step());
  out.set_label(step_label(step, models, options));
}

void set_activity(v1::PlanActivity& out, const v1::Activity& a, const InstrumentDefinitions& models,
                  const ViewOptions& options) {
  out.set_id(a.id());
  out.set_title(a.title());
  out.set_description(a.description());
  if (a.has_type()) out.set_type(coding_text(a.type()));
  if (a.has_responsible()) out.set_responsible(org_text(a.responsible()));
  out.set_responsible_role(a.responsible_role());
  if (a.has_step()) set_step(*out.mutable_step(), a.step(), models, options);
  if (a.has_service_step()) out.set_service_step(coding_text(a.service_step(), language_of(options)));
  out.set_status(status_text(a.status()));
  if (a.has_planned()) out.set_planned(period_text(a.planned()));
  if (a.has_actual()) out.set_actual(period_text(a.actual()));
  out.set_intervention_id(a.intervention_id());
  for (const std::string& g : a.goal_ids()) out.add_goals(g);
  if (a.has_assertion()) out.set_provenance(provenance_text(a.assertion()));
}

void set_goal(v1::PlanGoal& out, const GoalNode& node) {
  const v1::Goal& g = *node.goal;
  out.set_id(g.id());
  out.set_text(g.text());
  out.set_status(status_text(g.status()));
  out.set_horizon(horizon_text(g.horizon()));
  if (g.has_target_date()) out.set_target_date(date_text(g.target_date()));
  if (g.has_target_occupation()) out.set_target_occupation(coding_text(g.target_occupation()));
  if (g.has_target_education()) out.set_target_education(coding_text(g.target_education()));
  for (const v1::GasLevel& l : g.gas_levels()) {
    v1::PlanGasLevel& level = *out.add_gas_levels();
    level.set_level(l.level());
    level.set_description(l.description());
  }
  if (g.has_assertion()) out.set_provenance(provenance_text(g.assertion()));
  for (const v1::Activity* a : node.activities) out.add_activities(a->id());
  for (const GoalNode& sub : node.sub_goals) set_goal(*out.add_sub_goals(), sub);
}

// ---- text

class TextPlan {
 public:
  TextPlan(const InstrumentDefinitions& models, const ViewOptions& options)
      : models_(models), options_(options), l_(language_of(options)) {}

  void line(int depth, const std::string& text) { out_ += std::string(2 * static_cast<size_t>(depth), ' ') + text + "\n"; }

  void goal(const GoalNode& node, int depth) {
    const v1::Goal& g = *node.goal;
    const std::string text = one_line(g.text().empty() ? g.id() : g.text());
    line(depth, fill(depth == 0 ? tr(l_, "Goal: %s") : tr(l_, "Sub-goal: %s"), {text}));
    std::string facts = status_text(g.status(), l_);
    if (!horizon_text(g.horizon(), l_).empty()) facts += ", " + horizon_text(g.horizon(), l_);
    if (g.has_target_date()) facts += ", " + fill(tr(l_, "target %s"), {date_text(g.target_date())});
    line(depth + 1, facts + "  " + fill(tr(l_, "(id %s)"), {one_line(g.id())}));
    if (g.has_target_occupation())
      line(depth + 1, fill(tr(l_, "Target occupation: %s"), {coding_text(g.target_occupation(), l_)}));
    if (g.has_target_education())
      line(depth + 1, fill(tr(l_, "Target education: %s"), {coding_text(g.target_education(), l_)}));
    if (g.gas_levels_size() > 0) {
      line(depth + 1, tr(l_, "Goal attainment levels:"));
      for (const v1::GasLevel& l : g.gas_levels()) line(depth + 2, signed_level(l.level()) + "  " + one_line(l.description()));
    }
    if (g.has_assertion()) line(depth + 1, fill(tr(l_, "Stated: %s"), {provenance_text(g.assertion(), l_)}));
    for (const v1::Activity* a : node.activities) activity(*a, depth + 1);
    for (const GoalNode& sub : node.sub_goals) goal(sub, depth + 1);
  }

  void activity(const v1::Activity& a, int depth) {
    line(depth, fill(tr(l_, "Activity: %s"), {one_line(a.title().empty() ? a.id() : a.title())}) + "  [" +
                    status_text(a.status(), l_) + "]");
    if (!a.description().empty()) line(depth + 1, one_line(a.description()));
    std::string who = a.has_responsible() ? org_text(a.responsible(), l_) : std::string();
    if (!a.responsible_role().empty()) who += who.empty() ? one_line(a.responsible_role()) : " (" + one_line(a.responsible_role()) + ")";
    if (!who.empty()) line(depth + 1, fill(tr(l_, "Responsible: %s"), {who}));
    if (a.has_type()) line(depth + 1, fill(tr(l_, "Type: %s"), {coding_text(a.type(), l_)}));
    if (a.has_step()) line(depth + 1, fill(tr(l_, "Phase: %s"), {step_text(a.step(), models_, options_)}));
    if (a.has_service_step()) line(depth + 1, fill(tr(l_, "Service step: %s"), {coding_text(a.service_step(), l_)}));
    if (a.has_planned() && !period_text(a.planned(), l_).empty())
      line(depth + 1, fill(tr(l_, "Planned: %s"), {period_text(a.planned(), l_)}));
    if (a.has_actual() && !period_text(a.actual(), l_).empty())
      line(depth + 1, fill(tr(l_, "Actual: %s"), {period_text(a.actual(), l_)}));
    if (!a.intervention_id().empty())
      line(depth + 1, fill(tr(l_, "Carried out as intervention %s"), {one_line(a.intervention_id())}));
  }

  std::string take() { return std::move(out_); }

 private:
  const InstrumentDefinitions& models_;
  const ViewOptions& options_;
  const Language l_;
  std::string out_;
};

}  // namespace

v1::PlanView plan_view(const v1::ActionPlan& plan, const InstrumentDefinitions& step_models, const ViewOptions& options) {
  const PlanTree tree = plan_tree(plan);
  v1::PlanView view;
  view.set_revision(plan.revision());
  if (plan.has_agreed_at()) view.set_agreed_at(utc_time_text(plan.agreed_at()));
  view.set_participant_agreed(plan.participant_agreed());
  if (plan.has_current_step()) set_step(*view.mutable_current_step(), plan.current_step(), step_models, options);
  for (const v1::OrgRef& o : plan.co_owners()) view.add_co_owners(org_text(o));
  if (plan.has_assertion()) view.set_provenance(provenance_text(plan.assertion()));
  for (const GoalNode& g : tree.goals) set_goal(*view.add_goals(), g);
  for (const v1::Activity& a : plan.activities()) set_activity(*view.add_activities(), a, step_models, options);
  for (const v1::Activity* a : tree.other_activities) view.add_activities_without_goal(a->id());
  set_coordination(view, plan);
  return view;
}

std::string plan_text(const v1::ActionPlan& plan, const InstrumentDefinitions& step_models, const ViewOptions& options) {
  const PlanTree tree = plan_tree(plan);
  const Language l = language_of(options);
  TextPlan text(step_models, options);
  std::string heading = tr(l, "Action plan");
  if (plan.revision() != 0) heading += ", " + fill(tr(l, "revision %s"), {std::to_string(plan.revision())});
  if (plan.has_agreed_at()) heading += ", " + fill(tr(l, "agreed %s"), {date_text(plan.agreed_at())});
  heading += " " + (plan.participant_agreed() ? tr(l, "(the participant agreed)")
                                              : tr(l, "(not marked as agreed by the participant)"));
  text.line(0, heading);
  if (plan.has_current_step())
    text.line(0, fill(tr(l, "Current phase: %s"), {step_text(plan.current_step(), step_models, options)}));
  if (plan.co_owners_size() > 0) {
    std::string owners;
    for (const v1::OrgRef& o : plan.co_owners()) owners += (owners.empty() ? "" : "; ") + org_text(o, l);
    text.line(0, fill(tr(l, "Agreed between: %s"), {owners}));
  }
  if (plan.has_assertion()) text.line(0, fill(tr(l, "Stated: %s"), {provenance_text(plan.assertion(), l)}));
  for (const GoalNode& g : tree.goals) {
    text.line(0, "");
    text.goal(g, 0);
  }
  if (!tree.other_activities.empty()) {
    text.line(0, "");
    text.line(0, tr(l, "Activities not tied to a goal:"));
    for (const v1::Activity* a : tree.other_activities) text.activity(*a, 1);
  }
  if (tree.goals.empty() && tree.other_activities.empty()) text.line(0, tr(l, "The plan has no goals or activities yet."));
  return text.take() + coordination_text(plan, l);
}

}  // namespace kartla::views
