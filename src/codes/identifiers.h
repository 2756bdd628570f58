/* SPDX-License-Identifier: Apache-2.0 */
// Offline checks of person and organisation identifiers (docs/MODEL.md, `NationalId` and `OrgRef`; rules se-*, fi-*).
// Every check takes the STORED form (no presentation separators except Y-tunnus's hyphen) and
// never allocates for a valid input. Here, below both model and identity (src/LAYERS), because
// content validation and agency cards must judge an organisation number by the same rules.
#pragma once

#include <string>
#include <string_view>

namespace kartla::codes {

// The outcome of an identifier check: valid, or the stable id of the first rule it breaks and
// a reason a person can act on: a msgid of the catalogue (docs/I18N.md), English as written and
// translated where it is shown, a literal with static lifetime.
struct IdCheck {
  std::string_view rule;  // empty when valid, e.g. "se-personnummer-luhn"
  const char* reason = "";

  bool ok() const { return rule.empty(); }
  explicit operator bool() const { return ok(); }
};

// Swedish personnummer, stored as 12 digits YYYYMMDDNNNC (century 18, 19 or 20). Rules:
// se-personnummer-format, se-personnummer-date, se-personnummer-luhn (Skatteverket).
IdCheck check_se_personnummer(std::string_view stored);
// Swedish samordningsnummer: as a personnummer with the day of birth + 60 (day 61–91).
// Rules: se-samordningsnummer-format, -date, -luhn (Skatteverket SKV 707).
IdCheck check_se_samordningsnummer(std::string_view stored);
// Finnish henkilötunnus DDMMYYCZZZQ with the century signs of the 2023 reform
// (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s). Rules: fi-henkilotunnus-format, -date,
// -individual-number (ZZZ 002–999), -check (mod 31 check character; DVV).
IdCheck check_fi_henkilotunnus(std::string_view stored);
// Swedish organisationsnummer, 10 digits. Rules: se-orgnr-format, se-orgnr-group (third digit
// ≥ 2, so it can never be a personnummer), se-orgnr-luhn.
IdCheck check_se_orgnr(std::string_view stored);
// Finnish Y-tunnus NNNNNNN-C. Rules: fi-ytunnus-format, fi-ytunnus-check (weights
// 7,9,10,5,8,4,2, mod 11; remainder 1 is never issued).
IdCheck check_fi_ytunnus(std::string_view stored);

inline bool valid_se_personnummer(std::string_view s) { return check_se_personnummer(s).ok(); }
inline bool valid_se_samordningsnummer(std::string_view s) {
  return check_se_samordningsnummer(s).ok();
}
inline bool valid_fi_henkilotunnus(std::string_view s) { return check_fi_henkilotunnus(s).ok(); }
inline bool valid_se_orgnr(std::string_view s) { return check_se_orgnr(s).ok(); }
inline bool valid_fi_ytunnus(std::string_view s) { return check_fi_ytunnus(s).ok(); }

// A valid henkilötunnus with individual number 900–999 is a temporary or test number (DVV);
// callers may want to flag it. Returns false for malformed input.
bool fi_henkilotunnus_is_temporary(std::string_view stored);

// The Luhn (mod 10) check over a string of digits, check digit last. False on a non-digit.
bool luhn_ok(std::string_view digits);

}  // namespace kartla::codes
