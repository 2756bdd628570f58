// SPDX-License-Identifier: Apache-2.0
#include "identity/agency_role.h"

#include <array>

namespace kartla::identity {
namespace {

constexpr std::array<AgencyRole, 8> kRoles = {{
    {1, "municipal_labour_unit", "municipal labour-market unit"},
    {2, "employment_service", "public employment service"},
    {3, "social_insurance", "social insurance agency"},
    {4, "health_care", "regional health care"},
    {5, "validation_provider", "validation provider"},
    {6, "education_provider", "education provider"},
    {7, "employer", "employer"},
    {8, "other", "other organisation"},
}};

}  // namespace

const AgencyRole* agency_role_by_name(std::string_view name) {
  for (const auto& role : kRoles)
    if (role.name == name) return &role;
  return nullptr;
}

const AgencyRole* agency_role_by_number(uint32_t number) {
  for (const auto& role : kRoles)
    if (role.number == number) return &role;
  return nullptr;
}

const AgencyRole* agency_roles_begin() { return kRoles.data(); }
size_t agency_role_count() { return kRoles.size(); }

std::string agency_role_names() {
  std::string out;
  for (const auto& role : kRoles) out += (out.empty() ? "" : ", ") + std::string(role.name);
  return out;
}

}  // namespace kartla::identity
