#include "report/record_views.h"

#include <memory>
#include <optional>

#include "base/error.h"
#include "crypto/encoding.h"
#include "format/strict_parse.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "report/plan.h"
#include "report/readable.h"

namespace kartla::report {
namespace {

// A section of the record parsed as its message, or nullopt when the record does not hold it.
// Content in a record has passed authentication, so a parse failure is a newer or faulty writer.
template <typename T>
std::optional<T> read_optional(const model::Record& record, std::string_view name) {
  const model::SectionInfo& info = model::section_by_name(name);
  if (!record.has_section(info)) return std::nullopt;
  T message;
  const crypto::SecretBuffer plaintext = record.read_section(info);
  if (!format::parse_bounded(plaintext.view(), message))
    fail(Code::schema, "section '" + std::string(name) + "' does not parse as its schema");
  return message;
}

template <typename T>
T read_required(const model::Record& record, std::string_view name) {
  std::optional<T> message = read_optional<T>(record, name);
  if (!message) fail(Code::not_found, "section '" + std::string(name) + "' is not in this record");
  return std::move(*message);
}

struct StepModels {
  std::optional<v1::Progress> progress;
  std::optional<v1::WorkAbility> work_ability;
  InstrumentDefinitions models;
};

// Step models are pinned in progress (and work_ability); the plan and the record view borrow them.
// work_ability is read only for the whole-record view, which shows that section anyway.
void load_step_models(const model::Record& record, bool with_work_ability, StepModels& out) {
  out.progress = read_optional<v1::Progress>(record, "progress");
  if (out.progress)
    for (const v1::InstrumentDefinition& d : out.progress->instruments()) out.models.push_back(&d);
  if (!with_work_ability) return;
  out.work_ability = read_optional<v1::WorkAbility>(record, "work_ability");
  if (out.work_ability)
    for (const v1::InstrumentDefinition& d : out.work_ability->instruments()) out.models.push_back(&d);
}

}  // namespace

ProgressSummary record_progress(const model::Record& record, const ViewOptions& options) {
  const std::optional<v1::Progress> progress = read_optional<v1::Progress>(record, "progress");
  std::optional<v1::WorkAbility> work_ability;
  if (options.include_work_ability) work_ability = read_optional<v1::WorkAbility>(record, "work_ability");
  if (!progress && !work_ability)
    fail(Code::not_found, options.include_work_ability
                              ? "the record holds neither a progress nor a work_ability section"
                              : "section 'progress' is not in this record");
  const std::optional<v1::ActionPlan> plan = read_optional<v1::ActionPlan>(record, "action_plan");
  return summarize_progress(progress ? &*progress : nullptr, work_ability ? &*work_ability : nullptr,
                            plan ? &*plan : nullptr, options);
}

std::string record_plan_json(const model::Record& record, const ViewOptions& options) {
  const v1::ActionPlan plan = read_required<v1::ActionPlan>(record, "action_plan");
  StepModels steps;
  load_step_models(record, false, steps);
  return plan_json(plan, steps.models, options);
}

std::string record_plan_text(const model::Record& record, const ViewOptions& options) {
  const v1::ActionPlan plan = read_required<v1::ActionPlan>(record, "action_plan");
  StepModels steps;
  load_step_models(record, false, steps);
  return plan_text(plan, steps.models, options);
}

std::string record_show_text(const model::Record& record, const model::SectionInfo* only, const ViewOptions& options) {
  if (only != nullptr && !record.has_section(*only))
    fail(Code::not_found, "section '" + std::string(only->name) + "' is not in this record");
  StepModels steps;
  load_step_models(record, only == nullptr || only->name == "work_ability", steps);

  std::string out;
  if (only == nullptr) {
    out = "Record " + crypto::to_hex(record.record_id()) + ", version " + std::to_string(record.sequence()) + "\n";
    out += "Each entry ends with its source: who stated it, how and when.\n";
  }
  bool any = false;
  for (const model::SectionInfo& info : model::all_sections()) {
    if (only != nullptr ? info.id != only->id : !record.has_section(info)) continue;
    std::unique_ptr<google::protobuf::Message> message = model::new_section_message(info);
    const crypto::SecretBuffer plaintext = record.read_section(info);
    if (!format::parse_bounded(plaintext.view(), *message))
      fail(Code::schema, "section '" + std::string(info.name) + "' does not parse as its schema");
    out += (out.empty() ? "" : "\n") + section_text(info, *message, steps.models, options);
    any = true;
  }
  if (!any) out += "\nThe record holds no sections yet.\n";
  return out;
}

}  // namespace kartla::report
