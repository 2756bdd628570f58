/* SPDX-License-Identifier: Apache-2.0 */
// The coordination part of the action plan as a person reads it: who is involved and who leads
// (huvudman), each agency's contact now and before (a change of caseworker shows), and the
// coordination meetings with what was agreed and who does what next.
#pragma once

#include <string>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/views.pb.h"
#include "i18n/messages.h"

namespace kartla::views {

// Fills PlanView.involved and .meetings.
void set_coordination(v1::PlanView& view, const v1::ActionPlan& plan);

// The same as text lines, each ending in a newline; empty when the plan lists no agency and no
// meeting.
std::string coordination_text(const v1::ActionPlan& plan, i18n::Language language = i18n::Language::en);

}  // namespace kartla::views
