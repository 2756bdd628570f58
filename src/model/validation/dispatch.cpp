// SPDX-License-Identifier: Apache-2.0
// Which check runs for which message type. Keyed by the generated descriptors, so a type added
// to the schemas without a check simply gets the generic rules (enums, entries, Codings inside).
#include <unordered_map>

#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/competences.pb.h"
#include "kartla/v1/documents.pb.h"
#include "kartla/v1/education.pb.h"
#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "kartla/v1/languages.pb.h"
#include "kartla/v1/notes.pb.h"
#include "kartla/v1/profile.pb.h"
#include "kartla/v1/programme_followup.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "kartla/v1/types.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "model/validation/type_checks.h"

namespace kartla::model {
namespace {

using Table = std::unordered_map<const google::protobuf::Descriptor*, Check>;

Table build_table() {
  return {
      {v1::Coding::descriptor(), check_coding},
      {v1::PartialDate::descriptor(), check_partial_date},
      {v1::Period::descriptor(), check_period},
      {v1::NationalId::descriptor(), check_national_id},
      {v1::OrgRef::descriptor(), check_org_ref},
      {v1::Assertion::descriptor(), check_assertion},
      {google::protobuf::Timestamp::descriptor(), check_timestamp},
      {v1::InstrumentDefinition::descriptor(), check_instrument_definition},
      {v1::Progress::descriptor(), check_progress},
      {v1::WorkAbility::descriptor(), check_work_ability},
      {v1::Contact::descriptor(), check_contact},
      {v1::Interpreter::descriptor(), check_interpreter},
      {v1::Education::descriptor(), check_education},
      {v1::EducationEntry::descriptor(), check_education_entry},
      {v1::CompetenceEntry::descriptor(), check_competence_entry},
      {v1::ValidationResult::descriptor(), check_validation_result},
      {v1::LanguageEntry::descriptor(), check_language_entry},
      {v1::SfiStudies::descriptor(), check_sfi_studies},
      {v1::IcfObservation::descriptor(), check_icf_observation},
      {v1::Capacity::descriptor(), check_capacity},
      {v1::ActionPlan::descriptor(), check_action_plan},
      {v1::Goal::descriptor(), check_goal},
      {v1::InvolvedAgency::descriptor(), check_involved_agency},
      {v1::CoordinationMeeting::descriptor(), check_coordination_meeting},
      {v1::Interventions::descriptor(), check_interventions},
      {v1::InterventionEntry::descriptor(), check_intervention_entry},
      {v1::ServiceStepParticipation::descriptor(), check_service_step},
      {v1::DocumentEntry::descriptor(), check_document_entry},
      {v1::NoteEntry::descriptor(), check_note_entry},
      {v1::ShareGrantRecord::descriptor(), check_share_grant},
      {v1::SharingLedger::descriptor(), check_sharing_ledger},
      {v1::ProgrammeFollowup::descriptor(), check_programme_followup},
  };
}

}  // namespace

Check check_for(const google::protobuf::Descriptor* type) {
  static const Table table = build_table();
  const auto it = table.find(type);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace kartla::model
