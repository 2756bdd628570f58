// SPDX-License-Identifier: Apache-2.0
// Work-ability details (docs/MODEL.md, `work_ability`). Scores are checked in instrument_checks.cpp.
#include <cmath>

#include "kartla/v1/work_ability.pb.h"
#include "model/validation/type_checks.h"

namespace kartla::model {
namespace {

// WHO ICF generic qualifier: 0–4 extent of the problem, 8 not specified, 9 not applicable
// (THL, "ICF-koder och bedömningsfaktorer").
bool is_icf_qualifier(int q) { return (q >= 0 && q <= 4) || q == 8 || q == 9; }

}  // namespace

void check_icf_observation(const Visit& v) {
  const auto& o = static_cast<const v1::IcfObservation&>(v.msg);
  if (o.has_qualifier_1() && !is_icf_qualifier(o.qualifier_1())) {
    v.out.report_violation(field_path(v.path, "qualifier_1"), "icf-qualifier-range",
                           "ICF qualifiers are 0–4, 8 or 9");
  }
  if (o.has_qualifier_2() && !is_icf_qualifier(o.qualifier_2())) {
    v.out.report_violation(field_path(v.path, "qualifier_2"), "icf-qualifier-range",
                           "ICF qualifiers are 0–4, 8 or 9");
  }
  // Only environmental factors (e-codes) are barriers or facilitators.
  const bool is_environment = !o.category().code().empty() && o.category().code()[0] == 'e';
  if (o.environment() != v1::IcfObservation::ENVIRONMENT_UNSPECIFIED && !is_environment) {
    v.out.report_violation(field_path(v.path, "environment"), "icf-environment-sign",
                           "only e-codes (environmental factors) are barriers or facilitators");
  }
}

void check_capacity(const Visit& v) {
  const auto& c = static_cast<const v1::Capacity&>(v.msg);
  if (c.has_hours_per_week() &&
      (!std::isfinite(c.hours_per_week()) || c.hours_per_week() < 0 || c.hours_per_week() > 60)) {
    v.out.report_violation(field_path(v.path, "hours_per_week"), "hours-per-week-range",
                           "hours per week must be between 0 and 60");
  }
}

}  // namespace kartla::model
