// SPDX-License-Identifier: Apache-2.0
#include "model/section_registry.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "base/error.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/competences.pb.h"
#include "kartla/v1/documents.pb.h"
#include "kartla/v1/education.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "kartla/v1/languages.pb.h"
#include "kartla/v1/notes.pb.h"
#include "kartla/v1/profile.pb.h"
#include "kartla/v1/programme_followup.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "kartla/v1/work_experience.pb.h"

namespace kartla::model {
namespace {

using google::protobuf::Message;

struct Row {
  SectionInfo info;
  const Message& (*prototype)();
};

template <typename T>
const Message& prototype_of() {
  return T::default_instance();
}

// Ids are frozen: they are bound into every section ciphertext (docs/SPEC.md §5.1).
const std::vector<Row>& rows() {
  static const std::vector<Row> table = {
      {{1, "profile", "kartla.v1.Profile", false, false}, &prototype_of<v1::Profile>},
      {{2, "education", "kartla.v1.Education", false, false}, &prototype_of<v1::Education>},
      {{3, "work_experience", "kartla.v1.WorkExperience", false, false}, &prototype_of<v1::WorkExperience>},
      {{4, "competences", "kartla.v1.Competences", false, false}, &prototype_of<v1::Competences>},
      {{5, "languages", "kartla.v1.Languages", false, false}, &prototype_of<v1::Languages>},
      {{6, "work_ability", "kartla.v1.WorkAbility", true, false}, &prototype_of<v1::WorkAbility>},
      {{7, "action_plan", "kartla.v1.ActionPlan", false, false}, &prototype_of<v1::ActionPlan>},
      {{8, "progress", "kartla.v1.Progress", false, false}, &prototype_of<v1::Progress>},
      {{9, "interventions", "kartla.v1.Interventions", false, false}, &prototype_of<v1::Interventions>},
      {{10, "documents", "kartla.v1.Documents", false, false}, &prototype_of<v1::Documents>},
      {{11, "notes", "kartla.v1.Notes", false, false}, &prototype_of<v1::Notes>},
      {{12, "sharing_ledger", "kartla.v1.SharingLedger", false, true}, &prototype_of<v1::SharingLedger>},
      // Shared only for a programme's follow-up report, under its own legal basis (docs/SPEC.md §7.8).
      {{13, "programme_followup", "kartla.v1.ProgrammeFollowup", false, false},
       &prototype_of<v1::ProgrammeFollowup>},
  };
  return table;
}

const Row& row_of(const SectionInfo& info) {
  for (const Row& row : rows())
    if (row.info.id == info.id) return row;
  fail(Code::internal, "section is not in the registry");
}

}  // namespace

const std::vector<SectionInfo>& all_sections() {
  static const std::vector<SectionInfo> infos = [] {
    std::vector<SectionInfo> out;
    for (const Row& row : rows()) out.push_back(row.info);
    return out;
  }();
  return infos;
}

const SectionInfo& section_by_name(std::string_view name) {
  for (const SectionInfo& info : all_sections())
    if (info.name == name) return info;
  std::string known;
  for (const SectionInfo& info : all_sections()) known += (known.empty() ? "" : ", ") + std::string(info.name);
  fail(Code::invalid_argument, "unknown section '%1$s' (sections: %2$s)", {std::string(name), known});
}

const SectionInfo* section_by_id(uint32_t id) {
  for (const SectionInfo& info : all_sections())
    if (info.id == id) return &info;
  return nullptr;
}

const google::protobuf::Descriptor& section_descriptor(const SectionInfo& info) {
  return *row_of(info).prototype().GetDescriptor();
}

std::unique_ptr<google::protobuf::Message> new_section_message(const SectionInfo& info) {
  return std::unique_ptr<Message>(row_of(info).prototype().New());
}

}  // namespace kartla::model
