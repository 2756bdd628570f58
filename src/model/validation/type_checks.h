/* SPDX-License-Identifier: Apache-2.0 */
// Internal: one function per checked message type, grouped by the file that implements it.
// Each reports under `v.path`; the walker has already checked enums and entry ids.
#pragma once

#include "kartla/v1/action_plan.pb.h"
#include "model/validation/checks.h"

namespace kartla::model {

// common_checks.cpp — the shared types of types.proto and google.protobuf.Timestamp.
void check_coding(const Visit& v);
void check_partial_date(const Visit& v);
void check_period(const Visit& v);
void check_national_id(const Visit& v);
void check_org_ref(const Visit& v);
void check_assertion(const Visit& v);
void check_timestamp(const Visit& v);

// instrument_checks.cpp — instrument definitions and the scores given under them.
void check_instrument_definition(const Visit& v);
void check_progress(const Visit& v);
void check_work_ability(const Visit& v);

// followup_checks.cpp
void check_programme_followup(const Visit& v);

// profile_checks.cpp
void check_contact(const Visit& v);
void check_interpreter(const Visit& v);

// education_checks.cpp
void check_education(const Visit& v);
void check_education_entry(const Visit& v);

// competence_checks.cpp
void check_competence_entry(const Visit& v);
void check_validation_result(const Visit& v);

// language_checks.cpp
void check_language_entry(const Visit& v);
void check_sfi_studies(const Visit& v);

// work_ability_checks.cpp
void check_icf_observation(const Visit& v);
void check_capacity(const Visit& v);

// action_plan_checks.cpp
void check_action_plan(const Visit& v);
void check_goal(const Visit& v);

// coordination_checks.cpp — who is involved, contacts over time, coordination meetings.
void check_involved_agency(const Visit& v);
void check_coordination_meeting(const Visit& v);
// Called by check_action_plan: rules across the plan's agencies and meetings.
void check_coordination(const Visit& v, const v1::ActionPlan& plan);

// record_checks.cpp — interventions, documents, notes.
void check_interventions(const Visit& v);
void check_intervention_entry(const Visit& v);
void check_service_step(const Visit& v);
void check_document_entry(const Visit& v);
void check_note_entry(const Visit& v);

// sharing_ledger_checks.cpp
void check_share_grant(const Visit& v);
void check_sharing_ledger(const Visit& v);

}  // namespace kartla::model
