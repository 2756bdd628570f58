// The validation report handed out by kartla_validate_section*: every violation with its field
// path, rule id and message, as JSON.
#pragma once

#include <string>
#include <vector>

#include "model/section_registry.h"
#include "model/validation/validate.h"

namespace kartla::report {

// {"section": NAME, "valid": BOOL, "violations": [{"field", "rule", "message"}, ...]}
std::string violations_json(const model::SectionInfo& info, const std::vector<model::Violation>& violations);

}  // namespace kartla::report
