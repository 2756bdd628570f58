/* SPDX-License-Identifier: Apache-2.0 */
// Stegförflyttning: each indicator's movement over time, from the dated assessments of the
// progress section (and, when asked, the work_ability section). Instruments are data: labels and
// scales come from the definitions pinned in the section, so a new instrument needs no code.
//
// One series per instrument version, indicator, target (the goal a GAS score rates) and
// respondent: a participant's self-rating and a caseworker's rating of the same indicator are
// different measurements and are never mixed into one line. Programme steps recorded with the
// assessments (ProgressAssessment.step) form their own series per step model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "i18n/messages.h"
#include "views/view_options.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/views.pb.h"
#include "kartla/v1/work_ability.pb.h"

namespace kartla::views {

struct ProgressPoint {
  int64_t at = 0;  // Unix seconds of the assessment
  int32_t value = 0;
};

struct ProgressSeries {
  std::string section;  // "progress" or "work_ability"
  bool is_step = false;  // a programme step recorded with the assessments, not a score
  std::string instrument_id;
  std::string instrument_version;
  std::string instrument_title;  // in the preferred language; the id when the definition is absent
  bool placeholder_wording = false;
  bool health_data = false;
  std::string indicator;        // Indicator.code
  std::string indicator_label;  // the code when the definition is absent
  std::string target_id;        // per-target indicators (GAS): the goal scored
  std::string target_label;     // the goal's text from the action plan, when the record has it
  std::string respondent;       // "participant", "professional", "joint", "unspecified", "mixed"
  bool scale_known = false;     // false when the definition is not pinned in the section
  int32_t scale_min = 0;
  int32_t scale_max = 0;
  bool higher_is_better = true;
  std::string scale_min_label;  // anchor labels of the scale ends, when defined
  std::string scale_max_label;
  std::vector<ProgressPoint> points;  // in time order, at least one

  const ProgressPoint& first() const { return points.front(); }
  const ProgressPoint& latest() const { return points.back(); }
  int64_t change() const { return int64_t{latest().value} - first().value; }
  // "better", "worse" or "unchanged", by the scale's direction.
  std::string direction() const;
};

struct ProgressSummary {
  std::vector<ProgressSeries> series;
  int64_t from = 0;  // earliest and latest assessment over all series (0 when none)
  int64_t to = 0;
};

// Either section may be null (absent from the record). The action plan, when given, supplies
// the text of the goals that GAS scores rate.
ProgressSummary summarize_progress(const v1::Progress* progress, const v1::WorkAbility* work_ability,
                                   const v1::ActionPlan* plan, const ViewOptions& options);

// Renderings of a summary: the typed result (every number and word of the text, for programs),
// a table, and a chart whose layout and scaling are documented in progress_svg.cpp.
v1::ProgressView progress_view(const ProgressSummary& summary);
// The table: one row per indicator, one column per respondent, in `language`.
std::string progress_text(const ProgressSummary& summary, i18n::Language language = i18n::Language::en);
// The chart, labelled in `language`.
std::string progress_svg(const ProgressSummary& summary, i18n::Language language = i18n::Language::en);

}  // namespace kartla::views
