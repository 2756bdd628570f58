/* SPDX-License-Identifier: Apache-2.0 */
// The who-is-involved list an owner may tell an agency in a grant (docs/SPEC.md §7.9), taken from
// the action plan's `involved` entries field by field: only the agency's name, registry number,
// role, since-when, current contact and lead mark are copied, so nothing of what an agency knows
// (goals, activities, notes, meetings) can reach the list.
#pragma once

#include <vector>

#include "format/involved_notice.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "model/record.h"

namespace kartla::share {

// One notice per involved agency of the plan, in the plan's order.
std::vector<format::InvolvedNotice> involved_from_plan(const v1::ActionPlan& plan);

// The list from the record's action plan. Error(not_found) if the record holds no action plan,
// or its plan names no involved agency: consent to tell an empty list is a mistake to report.
std::vector<format::InvolvedNotice> involved_from_record(const model::Record& record);

// The ledger keeps what was told (so a re-issued grant tells the same) and gives it back.
void record_told(const std::vector<format::InvolvedNotice>& list, v1::ShareGrantRecord& entry);
std::vector<format::InvolvedNotice> told_in(const v1::ShareGrantRecord& entry);

}  // namespace kartla::share
