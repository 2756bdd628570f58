/* SPDX-License-Identifier: Apache-2.0 */
// What an agency card must say about the agency before it is signed (docs/SPEC.md §4.2).
#pragma once

#include <string>
#include <string_view>

#include "identity/identity.h"

namespace kartla::identity {

// "556036-0793" → "5560360793" (Swedish organisationsnummer, Luhn-checked) or "0209602-6"
// (Finnish Y-tunnus, mod-11-checked). Error(invalid_argument) saying which check failed.
std::string normalized_organisation_number(std::string_view text);

// Owners carry no name, organisation or role (data minimisation); agencies must carry all three,
// valid; trust roots a name. Error(invalid_argument) otherwise.
void check_card_details(NewIdentity& options);

}  // namespace kartla::identity
