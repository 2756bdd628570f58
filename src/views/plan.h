/* SPDX-License-Identifier: Apache-2.0 */
// The action plan as a person reads it: main goals with their sub-goals nested under them (the
// schema links them by parent id), each goal with the activities that serve it, who carries each
// activity, in which phase, its status and dates. Activities that serve no known goal are listed
// after the goals, so nothing in the plan is left out of the view.
#pragma once

#include <string>

#include "views/steps.h"
#include "views/view_options.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/views.pb.h"

namespace kartla::views {

// `step_models`: the step-model definitions the record holds (for phase labels); may be empty.
v1::PlanView plan_view(const v1::ActionPlan& plan, const InstrumentDefinitions& step_models, const ViewOptions& options);
std::string plan_text(const v1::ActionPlan& plan, const InstrumentDefinitions& step_models, const ViewOptions& options);

}  // namespace kartla::views
