// SPDX-License-Identifier: Apache-2.0
// Education entries (docs/MODEL.md, `education`).
#include "kartla/v1/education.pb.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"

namespace kartla::model {

// Only one education can be the highest completed one, and it must be completed.
void check_education(const Visit& v) {
  const auto& ed = static_cast<const v1::Education&>(v.msg);
  int first_highest = -1;
  for (int i = 0; i < ed.entries_size(); ++i) {
    const v1::EducationEntry& e = ed.entries(i);
    if (!e.highest_completed()) continue;
    const std::string path = field_path(item_path(v.path, "entries", i), "highest_completed");
    if (first_highest >= 0) {
      v.out.report_violation(path, "education-highest-completed",
                             "only one education can be the highest completed; entries[%s] already is",
                             {std::to_string(first_highest)});
    } else {
      first_highest = i;
    }
    if (e.status() != v1::EducationEntry::COMPLETED) {
      v.out.report_violation(path, "education-highest-completed",
                             "the highest completed education must have status COMPLETED");
    }
  }
}

void check_education_entry(const Visit& v) {
  const auto& e = static_cast<const v1::EducationEntry&>(v.msg);
  // SeQF levels are referenced one-to-one to EQF levels (MYH; docs/MODEL.md, rule nqf-eqf-consistent), so a
  // SeQF level and an EQF level on the same entry must agree. FiNQF is also referenced level for
  // level, but that is not confirmed (docs/MODEL.md, Known gaps), so it is not enforced.
  if (e.nqf_level().system() == "seqf" && e.has_eqf_level() &&
      e.nqf_level().code() != e.eqf_level().code()) {
    v.out.report_violation(field_path(v.path, "eqf_level"), "nqf-eqf-consistent",
                           "SeQF level %1$s is EQF level %2$s, not %3$s",
                           {quote(e.nqf_level().code()), quote(e.nqf_level().code()), quote(e.eqf_level().code())});
  }
}

}  // namespace kartla::model
