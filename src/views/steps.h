/* SPDX-License-Identifier: Apache-2.0 */
// Programme steps (STEGA phase 2, ...) read with the step model's own labels. Step models are
// instrument definitions pinned in the progress or work_ability section, so a view that shows a
// step from another section (the action plan) is handed the definitions the record holds.
#pragma once

#include <string>
#include <vector>

#include "views/view_options.h"
#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/types.pb.h"
#include "kartla/v1/work_ability.pb.h"

namespace kartla::views {

using InstrumentDefinitions = std::vector<const v1::InstrumentDefinition*>;

// The step models pinned in the sections given (either may be null), progress's first: they
// point into those messages, which must outlive the result.
InstrumentDefinitions step_models(const v1::Progress* progress, const v1::WorkAbility* work_ability);

// The label of the step in its model's first indicator's scale, in the preferred language; ""
// when the model is not among `models` or has no label for that step.
std::string step_label(const v1::ProgrammeStep& step, const InstrumentDefinitions& models, const ViewOptions& options);

// "Phase 2: parallel efforts (stega-phase step 2)"; without the step model "step 2 (its name is in a
// section not shown here)", never the model's id alone.
std::string step_text(const v1::ProgrammeStep& step, const InstrumentDefinitions& models, const ViewOptions& options);

}  // namespace kartla::views
