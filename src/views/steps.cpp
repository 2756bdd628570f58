// SPDX-License-Identifier: Apache-2.0
#include "views/steps.h"

#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/types.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {

InstrumentDefinitions step_models(const v1::Progress* progress, const v1::WorkAbility* work_ability) {
  InstrumentDefinitions out;
  if (progress != nullptr)
    for (const v1::InstrumentDefinition& d : progress->instruments()) out.push_back(&d);
  if (work_ability != nullptr)
    for (const v1::InstrumentDefinition& d : work_ability->instruments()) out.push_back(&d);
  return out;
}

std::string step_label(const v1::ProgrammeStep& step, const InstrumentDefinitions& models, const ViewOptions& options) {
  const v1::InstrumentDefinition* model = nullptr;
  for (const v1::InstrumentDefinition* d : models) {
    if (d->id() != step.instrument_id()) continue;
    if (model == nullptr || d->version() == step.instrument_version()) model = d;
  }
  if (model == nullptr || model->indicators_size() == 0) return {};
  for (const v1::ScalePoint& p : model->indicators(0).scale().points())
    if (p.value() == step.step()) return one_line(localized(p.label(), options.language));
  return {};
}

std::string step_text(const v1::ProgrammeStep& step, const InstrumentDefinitions& models, const ViewOptions& options) {
  const Language language = language_of(options);
  const std::string label = step_label(step, models, options);
  // Without its step model (pinned in progress or work_ability, which a bundle may not share) the
  // step has no name here: say so in words rather than show the model's id, a key, as if it were
  // one ("stega-phase step 3").
  if (label.empty())
    return fill(tr(language, "step %s (its name is in a section not shown here)"), {std::to_string(step.step())});
  const std::string reference =
      fill(tr(language, "%s step %s"), {one_line(step.instrument_id()), std::to_string(step.step())});
  return label + " (" + reference + ")";
}

}  // namespace kartla::views
