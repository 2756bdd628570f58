/* SPDX-License-Identifier: Apache-2.0 */
// The documented set of agency roles carried in agency cards (docs/SPEC.md §4.2). Numbers are
// frozen: they are signed into cards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <optional>
#include <string_view>

namespace kartla::identity {

struct AgencyRole {
  uint32_t number;
  std::string_view name;   // for the CLI: --role NAME
  std::string_view label;  // for people
};

// The whole list, in number order; names are NUL-terminated literals (the C ABI hands them out).
const AgencyRole* agency_roles_begin();
size_t agency_role_count();

const AgencyRole* agency_role_by_name(std::string_view name);
const AgencyRole* agency_role_by_number(uint32_t number);
// "municipal_labour_unit, employment_service, ..." for error messages and help.
std::string agency_role_names();

}  // namespace kartla::identity
