// SPDX-License-Identifier: Apache-2.0
#include "i18n/countries.h"

#include <algorithm>
#include <cstring>

#include "i18n/country_table.h"
#include "i18n/mo_reader.h"

namespace kartla::i18n {
namespace {

// Parsed once, on first use, and never changed (as messages.cpp's catalogues). English has none:
// the table's own names are English.
const MoCatalogue* translations(Language language) {
  static const MoCatalogue sv(embedded_countries_sv());
  static const MoCatalogue fi(embedded_countries_fi());
  static const MoCatalogue ar(embedded_countries_ar());
  static const MoCatalogue so(embedded_countries_so());
  static const MoCatalogue ti(embedded_countries_ti());
  static const MoCatalogue fa_AF(embedded_countries_fa_AF());
  switch (language) {
    case Language::sv: return &sv;
    case Language::fi: return &fi;
    case Language::ar: return &ar;
    case Language::so: return &so;
    case Language::ti: return &ti;
    case Language::fa_AF: return &fa_AF;
    case Language::en: break;
  }
  return nullptr;
}

const CountryRow* find_row(std::string_view code) {
  const CountryRow* begin = kCountryRows;
  const CountryRow* end = kCountryRows + kCountryRowCount;
  const CountryRow* row =
      std::lower_bound(begin, end, code, [](const CountryRow& r, std::string_view c) { return r.code < c; });
  return row != end && row->code == code ? row : nullptr;
}

std::string_view translated(const MoCatalogue* catalogue, std::string_view english) {
  if (catalogue == nullptr || english.empty()) return {};
  return plural_form(catalogue->find(english), 0);
}

}  // namespace

std::string_view country_name(Language language, std::string_view code) {
  const CountryRow* row = find_row(code);
  if (row == nullptr) return {};
  const std::string_view common = row->common_name;
  const std::string_view name = row->name;
  const MoCatalogue* catalogue = translations(language);
  // The everyday name reads best ("Iran", "Syria"); a translator may have done only the standard one.
  for (const std::string_view english : {common, name}) {
    const std::string_view found = translated(catalogue, english);
    if (!found.empty()) return found;
  }
  return common.empty() ? name : common;
}

}  // namespace kartla::i18n
