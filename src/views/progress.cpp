// SPDX-License-Identifier: Apache-2.0
#include "views/progress.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "views/text.h"

namespace kartla::views {
namespace {

using InstrumentList = google::protobuf::RepeatedPtrField<v1::InstrumentDefinition>;

std::string respondent_name(v1::Respondent r) {
  switch (r) {
    case v1::RESPONDENT_PARTICIPANT: return "participant";
    case v1::RESPONDENT_PROFESSIONAL: return "professional";
    case v1::RESPONDENT_JOINT: return "joint";
    default: return "unspecified";
  }
}

bool same_day(int64_t a, int64_t b) {
  const auto day = [](int64_t t) { return t >= 0 ? t / 86400 : -((-t + 86399) / 86400); };
  return day(a) == day(b);
}

// Series are ordered by section, then the order instruments are pinned in the section, then
// the indicator's place in its definition, then the order targets first appear, then respondent.
struct SeriesKey {
  int section = 0;
  int instrument_rank = 0;
  std::string instrument_id;
  std::string instrument_version;
  int is_step = 0;
  int indicator_rank = 0;
  std::string indicator;
  int target_rank = 0;
  std::string target_id;
  int respondent = 0;  // enum value; -1 for step series (respondents merged)

  auto tie() const {
    return std::tie(section, instrument_rank, instrument_id, instrument_version, is_step, indicator_rank, indicator,
                    target_rank, target_id, respondent);
  }
  bool operator<(const SeriesKey& o) const { return tie() < o.tie(); }
};

class Collector {
 public:
  Collector(const ViewOptions& options, const v1::ActionPlan* plan) : options_(options), plan_(plan) {}

  void begin_section(int section_rank, const std::string& section, const InstrumentList& instruments) {
    section_rank_ = section_rank;
    section_ = section;
    instruments_ = &instruments;
  }

  void add_scores(const v1::InstrumentRef& ref, int64_t at, v1::Respondent respondent,
                  const google::protobuf::RepeatedPtrField<v1::Score>& scores) {
    const int def_index = find(ref.id(), ref.version());
    const v1::InstrumentDefinition* def = definition(def_index);
    for (const v1::Score& score : scores) {
      if (!score.has_value()) continue;  // not answered
      const int indicator_index = find_indicator(def, score.indicator());
      const v1::Indicator* indicator = indicator_index >= 0 ? &def->indicators(indicator_index) : nullptr;
      SeriesKey key = base_key(def_index, ref.id(), ref.version(), indicator_index, score.indicator());
      key.target_rank = target_rank(score.target_id());
      key.target_id = score.target_id();
      key.respondent = static_cast<int>(respondent);
      ProgressSeries& s = series_for(key, def, indicator, score.indicator(), ref.id(), ref.version());
      s.respondent = respondent_name(respondent);
      s.target_id = score.target_id();
      s.target_label = goal_text(score.target_id());
      s.points.push_back({at, score.value()});
    }
  }

  void add_step(const v1::ProgrammeStep& step, int64_t at, v1::Respondent respondent) {
    if (step.instrument_id().empty()) return;
    const int def_index = find(step.instrument_id(), step.instrument_version());
    const v1::InstrumentDefinition* def = definition(def_index);
    // A step model is an instrument with one indicator whose scale points are the steps.
    const v1::Indicator* indicator = def != nullptr && def->indicators_size() > 0 ? &def->indicators(0) : nullptr;
    const std::string code = indicator != nullptr ? indicator->code() : "step";
    SeriesKey key =
        base_key(def_index, step.instrument_id(), step.instrument_version(), indicator != nullptr ? 0 : -1, code);
    key.is_step = 1;
    key.respondent = -1;
    ProgressSeries& s = series_for(key, def, indicator, code, step.instrument_id(), step.instrument_version());
    s.is_step = true;
    const std::string who = respondent_name(respondent);
    s.respondent = s.respondent.empty() || s.respondent == who ? who : "mixed";
    // The same step is usually carried by every assessment of one day (the participant's and
    // the caseworker's): one point per day and step.
    for (const ProgressPoint& p : s.points)
      if (same_day(p.at, at) && p.value == step.step()) return;
    s.points.push_back({at, step.step()});
  }

  ProgressSummary finish() {
    ProgressSummary summary;
    for (auto& entry : series_) {
      ProgressSeries& s = entry.second;
      std::stable_sort(s.points.begin(), s.points.end(),
                       [](const ProgressPoint& a, const ProgressPoint& b) { return a.at < b.at; });
      if (summary.series.empty() || s.points.front().at < summary.from) summary.from = s.points.front().at;
      if (summary.series.empty() || s.points.back().at > summary.to) summary.to = s.points.back().at;
      summary.series.push_back(std::move(s));
    }
    return summary;
  }

 private:
  // The index of the pinned definition, or -1. Validation pins exact versions; content written
  // before it may not have, so a definition of the same id is the fallback.
  int find(const std::string& id, const std::string& version) const {
    int same_id = -1;
    for (int i = 0; i < instruments_->size(); ++i) {
      const v1::InstrumentDefinition& d = instruments_->Get(i);
      if (d.id() != id) continue;
      if (d.version() == version) return i;
      if (same_id < 0) same_id = i;
    }
    return same_id;
  }

  const v1::InstrumentDefinition* definition(int index) const {
    return index < 0 ? nullptr : &instruments_->Get(index);
  }

  // The index of the indicator in the definition, or -1.
  static int find_indicator(const v1::InstrumentDefinition* def, const std::string& code) {
    if (def == nullptr) return -1;
    for (int i = 0; i < def->indicators_size(); ++i)
      if (def->indicators(i).code() == code) return i;
    return -1;
  }

  // Unknown instruments and indicators sort after the known ones, by their codes.
  SeriesKey base_key(int def_index, const std::string& id, const std::string& version, int indicator_index,
                     const std::string& code) const {
    SeriesKey key;
    key.section = section_rank_;
    key.instrument_rank = def_index >= 0 ? def_index : instruments_->size();
    key.instrument_id = id;
    key.instrument_version = version;
    key.indicator_rank = indicator_index >= 0 ? indicator_index : 1 << 30;
    key.indicator = code;
    return key;
  }

  int target_rank(const std::string& target) {
    return targets_.emplace(target, static_cast<int>(targets_.size())).first->second;
  }

  std::string goal_text(const std::string& goal_id) const {
    if (plan_ == nullptr || goal_id.empty()) return {};
    for (const v1::Goal& g : plan_->goals())
      if (g.id() == goal_id) return one_line(g.text());
    return {};
  }

  ProgressSeries& series_for(const SeriesKey& key, const v1::InstrumentDefinition* def, const v1::Indicator* indicator,
                             const std::string& code, const std::string& id, const std::string& version) {
    const auto inserted = series_.try_emplace(key);
    ProgressSeries& s = inserted.first->second;
    if (!inserted.second) return s;
    s.section = section_;
    s.instrument_id = id;
    s.instrument_version = version;
    s.instrument_title = def != nullptr ? one_line(localized(def->title(), options_.language)) : std::string();
    if (s.instrument_title.empty()) s.instrument_title = id;
    s.placeholder_wording = def != nullptr && def->placeholder_wording();
    s.health_data = def != nullptr && def->health_data();
    s.indicator = code;
    s.indicator_label = indicator != nullptr ? one_line(localized(indicator->label(), options_.language)) : std::string();
    if (s.indicator_label.empty()) s.indicator_label = code;
    if (indicator != nullptr && indicator->has_scale() && indicator->scale().min() < indicator->scale().max()) {
      const v1::Scale& scale = indicator->scale();
      s.scale_known = true;
      s.scale_min = scale.min();
      s.scale_max = scale.max();
      s.higher_is_better = scale.higher_is_better();
      for (const v1::ScalePoint& p : scale.points()) {
        if (p.value() == scale.min()) s.scale_min_label = one_line(localized(p.label(), options_.language));
        if (p.value() == scale.max()) s.scale_max_label = one_line(localized(p.label(), options_.language));
      }
    }
    return s;
  }

  const ViewOptions& options_;
  const v1::ActionPlan* plan_;
  int section_rank_ = 0;
  std::string section_;
  const InstrumentList* instruments_ = nullptr;
  std::map<std::string, int> targets_;
  std::map<SeriesKey, ProgressSeries> series_;
};

}  // namespace

std::string ProgressSeries::direction() const {
  const int64_t c = change();
  if (c == 0) return "unchanged";
  return (c > 0) == higher_is_better ? "better" : "worse";
}

ProgressSummary summarize_progress(const v1::Progress* progress, const v1::WorkAbility* work_ability,
                                   const v1::ActionPlan* plan, const ViewOptions& options) {
  Collector collect(options, plan);
  if (progress != nullptr) {
    collect.begin_section(0, "progress", progress->instruments());
    for (const v1::ProgressAssessment& a : progress->entries()) {
      const int64_t at = a.assessed_at().seconds();
      collect.add_scores(a.instrument(), at, a.respondent(), a.scores());
      if (a.has_step()) collect.add_step(a.step(), at, a.respondent());
    }
  }
  if (work_ability != nullptr && options.include_work_ability) {
    collect.begin_section(1, "work_ability", work_ability->instruments());
    for (const v1::WorkAbilityEntry& e : work_ability->entries()) {
      if (!e.has_instrument()) continue;
      collect.add_scores(e.instrument(), e.observed_at().seconds(), e.respondent(), e.scores());
    }
  }
  return collect.finish();
}

}  // namespace kartla::views
