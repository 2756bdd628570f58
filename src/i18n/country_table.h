/* SPDX-License-Identifier: Apache-2.0 */
// The ISO 3166-1 table generated at build time from Debian's iso-codes (embed_countries.cmake),
// and the iso-codes translations of its names embedded beside it (CMakeLists.txt).
#pragma once

#include <cstddef>
#include <string_view>

namespace kartla::i18n {

struct CountryRow {
  const char* code;         // "SE": alpha-2, upper case
  const char* name;         // "Iran, Islamic Republic of": the standard's English name
  const char* common_name;  // "Iran": the everyday English name, "" when it is the name itself
};

extern const CountryRow kCountryRows[];  // sorted by code
extern const size_t kCountryRowCount;

// iso-codes' compiled translations (iso_3166-1.mo) of the names, per language; the msgids are the
// English `name` and `common_name` strings.
std::string_view embedded_countries_sv();
std::string_view embedded_countries_fi();
std::string_view embedded_countries_ar();
std::string_view embedded_countries_so();
std::string_view embedded_countries_ti();
std::string_view embedded_countries_fa_AF();

}  // namespace kartla::i18n
