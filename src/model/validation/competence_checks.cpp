// SPDX-License-Identifier: Apache-2.0
// Competences and their validation results (docs/MODEL.md, `competences`; rules validation-*).
#include <cmath>

#include "kartla/v1/competences.pb.h"
#include "model/validation/type_checks.h"
#include "model/validation/values.h"

namespace kartla::model {

void check_competence_entry(const Visit& v) {
  const auto& c = static_cast<const v1::CompetenceEntry&>(v.msg);
  if (!c.has_skill() && c.free_text().empty()) {
    v.out.report_violation(v.path, "competence-skill-or-text",
                           "a competence needs a skill concept or a description in words");
  }
  if (c.has_self_rating() && (c.self_rating() < 1 || c.self_rating() > 5)) {
    v.out.report_violation(field_path(v.path, "self_rating"), "self-rating-range",
                           "self-rating is 1 (has tried it) … 5 (can teach it)");
  }
}

// A validated competence is only worth more than a self-rating if someone accountable assessed
// it and a certificate exists (docs/MODEL.md, rules validation-assessor-required, validation-certificate-required).
void check_validation_result(const Visit& v) {
  const auto& r = static_cast<const v1::ValidationResult&>(v.msg);
  if (!(r.has_assessor_org() && names_an_org(r.assessor_org()))) {
    v.out.report_violation(field_path(v.path, "assessor_org"), "validation-assessor-required",
                           "a validation result names the assessing organisation");
  }
  if (r.certificate_document_id().empty()) {
    v.out.report_violation(field_path(v.path, "certificate_document_id"), "validation-certificate-required",
                           "a validation result refers to its certificate (kompetensintyg) in documents");
  }
  // OCN: 1 credit = 10 notional hours; a negative, NaN or absurd credit value is an error.
  if (!std::isfinite(r.credits()) || r.credits() < 0 || r.credits() > 1000) {
    v.out.report_violation(field_path(v.path, "credits"), "validation-credits-range",
                           "credits must be between 0 and 1000");
  }
}

}  // namespace kartla::model
