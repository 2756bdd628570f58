#include "views/plan.h"

#include "kartla/v1/action_plan.pb.h"
#include "views/json_writer.h"
#include "views/labels.h"
#include "views/plan_tree.h"
#include "views/text.h"

namespace kartla::views {
namespace {

// "-2", " 0", "+1": aligned in a column.
std::string signed_level(int level) { return (level > 0 ? "+" : level == 0 ? " " : "") + std::to_string(level); }

// ---- JSON

void step_json(JsonWriter& json, std::string_view key, const v1::ProgrammeStep& step, const InstrumentDefinitions& models,
               const ViewOptions& options) {
  json.begin_object(key)
      .field("instrument", step.instrument_id())
      .field("instrument_version", step.instrument_version())
      .field("step", step.step())
      .field("label", step_label(step, models, options))
      .end_object();
}

void activity_json(JsonWriter& json, const v1::Activity& a, const InstrumentDefinitions& models,
                   const ViewOptions& options) {
  json.begin_object()
      .field("id", a.id())
      .field("title", a.title())
      .field("description", a.description())
      .field("type", a.has_type() ? coding_text(a.type()) : std::string())
      .field("responsible", a.has_responsible() ? org_text(a.responsible()) : std::string())
      .field("responsible_role", a.responsible_role());
  if (a.has_step()) {
    step_json(json, "step", a.step(), models, options);
  } else {
    json.null_field("step");
  }
  json.field("status", status_text(a.status()))
      .field("planned", a.has_planned() ? period_text(a.planned()) : std::string())
      .field("actual", a.has_actual() ? period_text(a.actual()) : std::string())
      .field("intervention_id", a.intervention_id());
  json.begin_array("goals");
  for (const std::string& g : a.goal_ids()) json.item(g);
  json.end_array();
  json.field("provenance", a.has_assertion() ? provenance_text(a.assertion()) : std::string());
  json.end_object();
}

void goal_json(JsonWriter& json, const GoalNode& node) {
  const v1::Goal& g = *node.goal;
  json.begin_object()
      .field("id", g.id())
      .field("text", g.text())
      .field("status", status_text(g.status()))
      .field("horizon", horizon_text(g.horizon()))
      .field("target_date", g.has_target_date() ? date_text(g.target_date()) : std::string())
      .field("target_occupation", g.has_target_occupation() ? coding_text(g.target_occupation()) : std::string())
      .field("target_education", g.has_target_education() ? coding_text(g.target_education()) : std::string());
  json.begin_array("gas_levels");
  for (const v1::GasLevel& l : g.gas_levels())
    json.begin_object().field("level", l.level()).field("description", l.description()).end_object();
  json.end_array();
  json.field("provenance", g.has_assertion() ? provenance_text(g.assertion()) : std::string());
  json.begin_array("activities");
  for (const v1::Activity* a : node.activities) json.item(a->id());
  json.end_array();
  json.begin_array("sub_goals");
  for (const GoalNode& sub : node.sub_goals) goal_json(json, sub);
  json.end_array();
  json.end_object();
}

// ---- text

class TextPlan {
 public:
  TextPlan(const InstrumentDefinitions& models, const ViewOptions& options) : models_(models), options_(options) {}

  void line(int depth, const std::string& text) { out_ += std::string(2 * static_cast<size_t>(depth), ' ') + text + "\n"; }

  void goal(const GoalNode& node, int depth) {
    const v1::Goal& g = *node.goal;
    line(depth, std::string(depth == 0 ? "Goal: " : "Sub-goal: ") + one_line(g.text().empty() ? g.id() : g.text()));
    std::string facts = status_text(g.status());
    if (!horizon_text(g.horizon()).empty()) facts += ", " + horizon_text(g.horizon());
    if (g.has_target_date()) facts += ", target " + date_text(g.target_date());
    line(depth + 1, facts + "  (id " + one_line(g.id()) + ")");
    if (g.has_target_occupation()) line(depth + 1, "Target occupation: " + coding_text(g.target_occupation()));
    if (g.has_target_education()) line(depth + 1, "Target education: " + coding_text(g.target_education()));
    if (g.gas_levels_size() > 0) {
      line(depth + 1, "Goal attainment levels:");
      for (const v1::GasLevel& l : g.gas_levels()) line(depth + 2, signed_level(l.level()) + "  " + one_line(l.description()));
    }
    if (g.has_assertion()) line(depth + 1, "Stated: " + provenance_text(g.assertion()));
    for (const v1::Activity* a : node.activities) activity(*a, depth + 1);
    for (const GoalNode& sub : node.sub_goals) goal(sub, depth + 1);
  }

  void activity(const v1::Activity& a, int depth) {
    line(depth, "Activity: " + one_line(a.title().empty() ? a.id() : a.title()) + "  [" + status_text(a.status()) + "]");
    if (!a.description().empty()) line(depth + 1, one_line(a.description()));
    std::string who = a.has_responsible() ? org_text(a.responsible()) : std::string();
    if (!a.responsible_role().empty()) who += who.empty() ? one_line(a.responsible_role()) : " (" + one_line(a.responsible_role()) + ")";
    if (!who.empty()) line(depth + 1, "Responsible: " + who);
    if (a.has_type()) line(depth + 1, "Type: " + coding_text(a.type()));
    if (a.has_step()) line(depth + 1, "Phase: " + step_text(a.step(), models_, options_));
    if (a.has_planned() && !period_text(a.planned()).empty()) line(depth + 1, "Planned: " + period_text(a.planned()));
    if (a.has_actual() && !period_text(a.actual()).empty()) line(depth + 1, "Actual: " + period_text(a.actual()));
    if (!a.intervention_id().empty()) line(depth + 1, "Carried out as intervention " + one_line(a.intervention_id()));
  }

  std::string take() { return std::move(out_); }

 private:
  const InstrumentDefinitions& models_;
  const ViewOptions& options_;
  std::string out_;
};

}  // namespace

std::string plan_json(const v1::ActionPlan& plan, const InstrumentDefinitions& step_models, const ViewOptions& options) {
  const PlanTree tree = plan_tree(plan);
  JsonWriter json;
  json.begin_object()
      .field("revision", plan.revision())
      .field("agreed_at", plan.has_agreed_at() ? date_text(plan.agreed_at()) : std::string())
      .field("participant_agreed", plan.participant_agreed());
  if (plan.has_current_step()) {
    step_json(json, "current_step", plan.current_step(), step_models, options);
  } else {
    json.null_field("current_step");
  }
  json.begin_array("co_owners");
  for (const v1::OrgRef& o : plan.co_owners()) json.item(org_text(o));
  json.end_array();
  json.field("provenance", plan.has_assertion() ? provenance_text(plan.assertion()) : std::string());
  json.begin_array("goals");
  for (const GoalNode& g : tree.goals) goal_json(json, g);
  json.end_array();
  json.begin_array("activities");
  for (const v1::Activity& a : plan.activities()) activity_json(json, a, step_models, options);
  json.end_array();
  json.begin_array("activities_without_goal");
  for (const v1::Activity* a : tree.other_activities) json.item(a->id());
  json.end_array();
  json.end_object();
  return json.take();
}

std::string plan_text(const v1::ActionPlan& plan, const InstrumentDefinitions& step_models, const ViewOptions& options) {
  const PlanTree tree = plan_tree(plan);
  TextPlan text(step_models, options);
  std::string heading = "Action plan";
  if (plan.revision() != 0) heading += ", revision " + std::to_string(plan.revision());
  if (plan.has_agreed_at()) heading += ", agreed " + date_text(plan.agreed_at());
  heading += plan.participant_agreed() ? " (the participant agreed)" : " (not marked as agreed by the participant)";
  text.line(0, heading);
  if (plan.has_current_step()) text.line(0, "Current phase: " + step_text(plan.current_step(), step_models, options));
  if (plan.co_owners_size() > 0) {
    std::string owners;
    for (const v1::OrgRef& o : plan.co_owners()) owners += (owners.empty() ? "" : "; ") + org_text(o);
    text.line(0, "Agreed between: " + owners);
  }
  if (plan.has_assertion()) text.line(0, "Stated: " + provenance_text(plan.assertion()));
  for (const GoalNode& g : tree.goals) {
    text.line(0, "");
    text.goal(g, 0);
  }
  if (!tree.other_activities.empty()) {
    text.line(0, "");
    text.line(0, "Activities not tied to a goal:");
    for (const v1::Activity* a : tree.other_activities) text.activity(*a, 1);
  }
  if (tree.goals.empty() && tree.other_activities.empty()) text.line(0, "The plan has no goals or activities yet.");
  return text.take();
}

}  // namespace kartla::views
