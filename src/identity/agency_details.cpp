// SPDX-License-Identifier: Apache-2.0
#include "identity/agency_details.h"

#include "base/error.h"
#include "codes/identifiers.h"
#include "identity/agency_role.h"

namespace kartla::identity {

std::string normalized_organisation_number(std::string_view text) {
  // A Finnish Y-tunnus keeps its hyphen (that is its stored form); a Swedish one drops it.
  if (text.size() == 9 && text[7] == '-') {
    const auto check = codes::check_fi_ytunnus(text);
    if (!check)
      fail(Code::invalid_argument,
           localizable("not a valid Finnish business id (Y-tunnus): %s", {localizable(check.reason)}));
    return std::string(text);
  }
  std::string digits(text);
  if (digits.size() == 11 && digits[6] == '-') digits.erase(6, 1);
  const auto check = codes::check_se_orgnr(digits);
  if (!check)
    fail(Code::invalid_argument, localizable("not a valid Swedish organisation number (NNNNNN-NNNN) or Finnish "
                                             "Y-tunnus (NNNNNNN-N): %s", {localizable(check.reason)}));
  return digits;
}

void check_card_details(NewIdentity& options) {
  switch (options.kind) {
    case format::CardKind::owner:
      if (!options.name.empty() || !options.organisation_number.empty() || options.role != 0)
        fail(Code::invalid_argument, "an owner card carries no name, organisation or role");
      return;
    case format::CardKind::agency:
      if (options.name.empty()) fail(Code::invalid_argument, "an agency needs a name");
      options.organisation_number = normalized_organisation_number(options.organisation_number);
      if (agency_role_by_number(options.role) == nullptr)
        fail(Code::invalid_argument, "unknown agency role (roles: %s)", {std::string(agency_role_names())});
      return;
    case format::CardKind::trust_root:
      if (options.name.empty()) fail(Code::invalid_argument, "a trust root needs a name");
      return;
  }
  fail(Code::invalid_argument, "unknown identity kind");
}

}  // namespace kartla::identity
