// The validation report handed out by kartla_validate_section*: every violation with its field
// path, rule id and message, as JSON. The caller runs the validation; this only lays it out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kartla::views {

struct ReportedViolation {
  std::string field;
  std::string rule;
  std::string message;
};

// {"section": NAME, "valid": BOOL, "violations": [{"field", "rule", "message"}, ...]}
std::string violations_json(std::string_view section, const std::vector<ReportedViolation>& violations);

}  // namespace kartla::views
