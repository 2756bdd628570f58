/* SPDX-License-Identifier: Apache-2.0 */
// The catalogue of validation rule ids: every id validate_section or the identifier checks can
// report, with one line saying what it protects. docs/MODEL.md explains them for integrators;
// the unit tests check that every id here has a valid and an invalid case.
#pragma once

#include <string_view>
#include <vector>

namespace kartla::model {

struct RuleInfo {
  std::string_view id;
  std::string_view summary;
};

// Fixed rules first, then the code-format rule of each registered code system.
const std::vector<RuleInfo>& validation_rules();

// True for the rules that judge an entry against the rest of its section (an instrument pinned
// beside it, another entry it names). An entry checked on its own, as an agency writes a
// contribution without holding the section, cannot be judged by these; the owner's accept checks
// the whole merged section (docs/SPEC.md §13.4, §13.5).
bool rule_needs_whole_section(std::string_view rule);

}  // namespace kartla::model
