// SPDX-License-Identifier: Apache-2.0
// Instruments are data (docs/MODEL.md, `InstrumentDefinition`): a section that records scores pins
// the definitions it uses, and every score must fit the definition it names (rules score-*).
#include <map>
#include <set>
#include <string>
#include <utility>

#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "codes/code_systems.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"

namespace kartla::model {
namespace {

using Definitions = google::protobuf::RepeatedPtrField<v1::InstrumentDefinition>;
// Definitions by (id, version); built once per section so lookups stay cheap on large input.
using DefinitionIndex = std::map<std::pair<std::string, std::string>, const v1::InstrumentDefinition*>;

DefinitionIndex index_definitions(const Definitions& defs) {
  DefinitionIndex index;
  for (const auto& d : defs) index.emplace(std::make_pair(d.id(), d.version()), &d);
  return index;
}

std::string range_text(const v1::Scale& s) {
  return std::to_string(s.min()) + "…" + std::to_string(s.max());
}

void check_definitions_unique(const Definitions& defs, const std::string& path, Findings& out) {
  std::set<std::pair<std::string, std::string>> seen;
  for (int i = 0; i < defs.size(); ++i) {
    if (!seen.emplace(defs[i].id(), defs[i].version()).second) {
      out.report_violation(item_path(path, "instruments", i), "instrument-definition-unique",
                           "instrument %1$s version %2$s is defined twice",
                           {quote(defs[i].id()), quote(defs[i].version())});
    }
  }
}

const v1::InstrumentDefinition* find_definition(const DefinitionIndex& defs, const std::string& id,
                                                const std::string& version) {
  const auto it = defs.find(std::make_pair(id, version));
  return it == defs.end() ? nullptr : it->second;
}

const v1::Indicator* find_indicator(const v1::InstrumentDefinition& def, const std::string& code) {
  for (const auto& ind : def.indicators()) {
    if (ind.code() == code) return &ind;
  }
  return nullptr;
}

bool rater_conflicts(v1::Indicator::Rater rater, v1::Respondent respondent) {
  return (rater == v1::Indicator::PARTICIPANT && respondent == v1::RESPONDENT_PROFESSIONAL) ||
         (rater == v1::Indicator::PROFESSIONAL && respondent == v1::RESPONDENT_PARTICIPANT);
}

// The scores of one entry against the pinned definitions. Returns the definition used, if any.
const v1::InstrumentDefinition* check_scores(
    const DefinitionIndex& defs, bool has_instrument, const v1::InstrumentRef& instrument,
    v1::Respondent respondent, const google::protobuf::RepeatedPtrField<v1::Score>& scores,
    const std::string& entry_path, Findings& out) {
  if (scores.empty()) return nullptr;
  if (!has_instrument) {
    out.report_violation(field_path(entry_path, "instrument"), "score-instrument-required",
                         "scores must name the instrument they were given under");
    return nullptr;
  }
  const v1::InstrumentDefinition* def = find_definition(defs, instrument.id(), instrument.version());
  if (def == nullptr) {
    out.report_violation(field_path(entry_path, "instrument"), "score-instrument-unknown",
                         "instrument %1$s version %2$s is not among this section's instruments",
                         {quote(instrument.id()), quote(instrument.version())});
    return nullptr;
  }
  if (respondent == v1::RESPONDENT_UNSPECIFIED) {
    out.report_violation(field_path(entry_path, "respondent"), "respondent-required",
                         "say who gave the scores: the participant, a professional or both together");
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (int j = 0; j < scores.size(); ++j) {
    const v1::Score& s = scores[j];
    const std::string path = item_path(entry_path, "scores", j);
    const v1::Indicator* ind = find_indicator(*def, s.indicator());
    if (ind == nullptr) {
      out.report_violation(field_path(path, "indicator"), "score-indicator-unknown",
                           "%1$s is not an indicator of %2$s", {quote(s.indicator()), quote(def->id())});
      continue;
    }
    if (!seen.emplace(s.indicator(), s.target_id()).second) {
      out.report_violation(path, "score-duplicate", "indicator %s is scored twice", {quote(s.indicator())});
    }
    if (s.has_value() && (s.value() < ind->scale().min() || s.value() > ind->scale().max())) {
      out.report_violation(field_path(path, "value"), "score-out-of-scale",
                           "%1$s is outside the scale %2$s",
                           {std::to_string(s.value()), range_text(ind->scale())});
    }
    if (ind->per_target() && s.target_id().empty()) {
      out.report_violation(field_path(path, "target_id"), "score-target-required",
                           "indicator %s scores one target at a time: name it", {quote(s.indicator())});
    }
    if (rater_conflicts(ind->rater(), respondent)) {
      out.report_violation(path, "score-rater-mismatch",
                           "indicator %s is not rated by this respondent", {quote(s.indicator())});
    }
  }
  return def;
}

}  // namespace

void check_instrument_definition(const Visit& v) {
  const auto& def = static_cast<const v1::InstrumentDefinition&>(v.msg);
  const codes::CodeSystem* ids = codes::find_code_system("kartla-instrument");
  if (ids == nullptr || !codes::code_is_valid(*ids, def.id())) {
    v.out.report_violation(field_path(v.path, "id"), "instrument-id",
                           "an instrument id is lower-case words joined by hyphens, e.g. \"gas\"");
  }
  if (def.version().empty()) {
    v.out.report_violation(field_path(v.path, "version"), "instrument-version-required",
                           "an instrument definition must carry its version");
  }
  if (def.indicators().empty()) {
    v.out.report_violation(field_path(v.path, "indicators"), "instrument-indicators-required",
                           "an instrument needs at least one indicator");
  }
  std::set<std::string> codes;
  for (int i = 0; i < def.indicators_size(); ++i) {
    const v1::Indicator& ind = def.indicators(i);
    const std::string path = item_path(v.path, "indicators", i);
    if (ind.code().empty() || !codes.insert(ind.code()).second) {
      v.out.report_violation(field_path(path, "code"), "instrument-indicator-code",
                             "indicator codes must be present and unique within the instrument");
    }
    if (ind.scale().min() >= ind.scale().max()) {
      v.out.report_violation(field_path(path, "scale"), "instrument-scale-range",
                             "a scale needs min < max, got %s", {range_text(ind.scale())});
      continue;
    }
    std::set<int> values;
    for (int p = 0; p < ind.scale().points_size(); ++p) {
      const int value = ind.scale().points(p).value();
      if (value < ind.scale().min() || value > ind.scale().max() || !values.insert(value).second) {
        v.out.report_violation(item_path(field_path(path, "scale"), "points", p), "instrument-scale-point",
                               "scale point %1$s is outside %2$s or repeated",
                               {std::to_string(value), range_text(ind.scale())});
      }
    }
  }
}

void check_progress(const Visit& v) {
  const auto& p = static_cast<const v1::Progress&>(v.msg);
  check_definitions_unique(p.instruments(), v.path, v.out);
  const DefinitionIndex defs = index_definitions(p.instruments());
  for (int i = 0; i < p.entries_size(); ++i) {
    const v1::ProgressAssessment& e = p.entries(i);
    const std::string path = item_path(v.path, "entries", i);
    const v1::InstrumentDefinition* def = check_scores(
        defs, e.has_instrument(), e.instrument(), e.respondent(), e.scores(), path, v.out);
    // Health scores are special-category data and must stay in work_ability (docs/MODEL.md, Sensitivity).
    if (def != nullptr && def->health_data()) {
      v.out.report_violation(field_path(path, "instrument"), "health-instrument-outside-work-ability",
                             "%s records health data: keep its scores in work_ability", {quote(def->id())});
    }
    if (!e.has_step() || e.step().instrument_id().empty()) continue;
    // A step model is an instrument whose first indicator's scale lists the steps.
    const v1::InstrumentDefinition* model =
        find_definition(defs, e.step().instrument_id(), e.step().instrument_version());
    if (model == nullptr || model->indicators().empty()) {
      v.out.report_violation(field_path(path, "step"), "step-instrument-unknown",
                             "step model %s is not among this section's instruments",
                             {quote(e.step().instrument_id())});
    } else if (e.step().step() < model->indicators(0).scale().min() ||
               e.step().step() > model->indicators(0).scale().max()) {
      v.out.report_violation(field_path(field_path(path, "step"), "step"), "step-out-of-scale",
                             "step %1$s is outside %2$s",
                             {std::to_string(e.step().step()), range_text(model->indicators(0).scale())});
    }
  }
}

void check_work_ability(const Visit& v) {
  const auto& w = static_cast<const v1::WorkAbility&>(v.msg);
  check_definitions_unique(w.instruments(), v.path, v.out);
  const DefinitionIndex defs = index_definitions(w.instruments());
  for (int i = 0; i < w.entries_size(); ++i) {
    const v1::WorkAbilityEntry& e = w.entries(i);
    check_scores(defs, e.has_instrument(), e.instrument(), e.respondent(), e.scores(),
                 item_path(v.path, "entries", i), v.out);
  }
}

}  // namespace kartla::model
