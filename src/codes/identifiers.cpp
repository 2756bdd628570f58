// SPDX-License-Identifier: Apache-2.0
#include "codes/identifiers.h"

#include "codes/calendar.h"

namespace kartla::codes {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// `reason` is a catalogue msgid (xgettext extracts fail's second argument here as in the rest of
// the library, src/i18n/update-catalogue.sh), so content validation can say it in any language.
IdCheck fail(std::string_view rule, const char* reason) { return IdCheck{rule, reason}; }

// Personnummer and samordningsnummer share everything but the day offset (Skatteverket:
// samordningsnummer "day of birth + 60").
IdCheck check_swedish_person(std::string_view s, int day_offset, std::string_view format_rule,
                             std::string_view date_rule, std::string_view luhn_rule) {
  // Stored form only: 12 digits, no "-"/"+" (those are presentation; docs/MODEL.md, `NationalId`).
  if (s.size() != 12 || !all_digits(s)) {
    return fail(format_rule, "expected 12 digits YYYYMMDDNNNC without separator");
  }
  const int century = digits_value(s.substr(0, 2));
  if (century < 18 || century > 20) return fail(format_rule, "century must be 18, 19 or 20");
  const int year = digits_value(s.substr(0, 4));
  const int month = digits_value(s.substr(4, 2));
  const int day = digits_value(s.substr(6, 2)) - day_offset;
  if (!is_real_date(year, month, day)) {
    if (day_offset == 0) return fail(date_rule, "the date of birth does not exist");
    return fail(date_rule, "day minus 60 is not a real date of birth");
  }
  // Luhn runs over the 10-digit form YYMMDDNNNC, without the century.
  if (!luhn_ok(s.substr(2))) return fail(luhn_rule, "check digit does not match (Luhn)");
  return {};
}

int hetu_century(char sign) {
  switch (sign) {
    case '+': return 1800;
    case '-': case 'Y': case 'X': case 'W': case 'V': case 'U': return 1900;
    case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': return 2000;
    default: return 0;
  }
}

}  // namespace

bool luhn_ok(std::string_view digits) {
  if (!all_digits(digits)) return false;
  int sum = 0;
  bool twice = false;  // the check digit itself (rightmost) is not doubled
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

IdCheck check_se_personnummer(std::string_view s) {
  return check_swedish_person(s, 0, "se-personnummer-format", "se-personnummer-date",
                              "se-personnummer-luhn");
}

IdCheck check_se_samordningsnummer(std::string_view s) {
  return check_swedish_person(s, 60, "se-samordningsnummer-format", "se-samordningsnummer-date",
                              "se-samordningsnummer-luhn");
}

IdCheck check_fi_henkilotunnus(std::string_view s) {
  static constexpr std::string_view kCheckChars = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  if (s.size() != 11 || !all_digits(s.substr(0, 6)) || !all_digits(s.substr(7, 3)) ||
      hetu_century(s[6]) == 0 || kCheckChars.find(s[10]) == std::string_view::npos) {
    return fail("fi-henkilotunnus-format",
                "expected DDMMYYCZZZQ with century sign + - Y X W V U A B C D E F");
  }
  const int year = hetu_century(s[6]) + digits_value(s.substr(4, 2));
  if (!is_real_date(year, digits_value(s.substr(2, 2)), digits_value(s.substr(0, 2)))) {
    return fail("fi-henkilotunnus-date", "the date of birth does not exist in that century");
  }
  // 000 and 001 are never issued (DVV); 900–999 are temporary numbers but valid.
  if (digits_value(s.substr(7, 3)) < 2) {
    return fail("fi-henkilotunnus-individual-number", "individual number must be 002–999");
  }
  // The century sign is not part of the check (DVV): DDMMYYZZZ as one number, mod 31.
  long long n = 0;
  for (char c : s.substr(0, 6)) n = n * 10 + (c - '0');
  for (char c : s.substr(7, 3)) n = n * 10 + (c - '0');
  if (kCheckChars[static_cast<size_t>(n % 31)] != s[10]) {
    return fail("fi-henkilotunnus-check", "check character does not match (mod 31)");
  }
  return {};
}

bool fi_henkilotunnus_is_temporary(std::string_view s) {
  return check_fi_henkilotunnus(s).ok() && digits_value(s.substr(7, 3)) >= 900;
}

IdCheck check_se_orgnr(std::string_view s) {
  if (s.size() != 10 || !all_digits(s)) {
    return fail("se-orgnr-format", "expected 10 digits without separator");
  }
  // Organisation numbers have a "month" of 20 or more, which keeps them apart from personnummer
  // (a sole trader's number is the owner's personnummer and is personal data: docs/MODEL.md, `NationalId`).
  if (s[2] < '2') return fail("se-orgnr-group", "third digit must be 2 or more");
  if (!luhn_ok(s)) return fail("se-orgnr-luhn", "check digit does not match (Luhn)");
  return {};
}

IdCheck check_fi_ytunnus(std::string_view s) {
  if (s.size() != 9 || !all_digits(s.substr(0, 7)) || s[7] != '-' || !all_digits(s.substr(8))) {
    return fail("fi-ytunnus-format", "expected NNNNNNN-C");
  }
  static constexpr int kWeights[7] = {7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 7; ++i) sum += (s[i] - '0') * kWeights[i];
  const int r = sum % 11;
  // Remainder 1 would need check digit 10: such numbers are never issued.
  const int expected = r == 0 ? 0 : 11 - r;
  if (r == 1 || expected != s[8] - '0') {
    return fail("fi-ytunnus-check", "check digit does not match (weighted mod 11)");
  }
  return {};
}

}  // namespace kartla::codes
