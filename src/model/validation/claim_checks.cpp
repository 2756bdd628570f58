// SPDX-License-Identifier: Apache-2.0
// Attestation claims (docs/SPEC.md §13.2) under the rules section content obeys. A claim is what
// every reader shows next to an entry ("validated at SeQF 3 by OCN"), signed by an agency the
// owner cannot correct: a level or method no code system knows, or a date that never was, would
// be shown as if it meant something (issue 10 item 7).
#include <string>
#include <string_view>

#include "codes/calendar.h"
#include "format/attestation_codec.h"
#include "codes/code_systems.h"
#include "model/validation/findings.h"
#include "model/validation/quote.h"
#include "model/validation/validate.h"

namespace kartla::model {
namespace {

// The systems a claim's level may name: every system a level field of the section schemas takes
// (competences, education, languages): qualification frameworks, education levels, language
// levels, OCN levels, SFI courses and grades. An occupation or a country is not a level.
constexpr std::string_view kLevelSystems[] = {"seqf",      "finqf",   "eqf", "isced-2011", "sun-2020-level",
                                              "ocn-level", "cefr",    "yki", "sfi-kurs",   "se-betyg"};

constexpr std::string_view kMethodSystem = "kartla-method";

// OCN: 1 credit = 10 notional hours; the same bound as ValidationResult.credits.
constexpr uint32_t kMaxCreditsHundredths = 1000 * 100;

bool is_level_system(std::string_view key) {
  for (std::string_view s : kLevelSystems)
    if (s == key) return true;
  return false;
}

std::string level_systems_text() {
  std::string text;
  for (std::string_view s : kLevelSystems) {
    if (!text.empty()) text += ", ";
    text += s;
  }
  return text;
}

void check_level(const format::Claim& c, Findings& out) {
  if (c.level_system.empty() && c.level_code.empty()) return;
  if (c.level_system.empty()) {
    out.report_violation("claim.level_system", "coding-system-required",
                         "a level must name its code system (e.g. \"seqf\")");
    return;
  }
  const codes::CodeSystem* system = codes::find_code_system(c.level_system);
  if (system == nullptr) {
    out.report_violation("claim.level_system", "coding-system-unknown",
                         "unknown code system %s (see docs/MODEL.md)", {quote(c.level_system)});
    return;
  }
  if (!is_level_system(c.level_system)) {
    out.report_violation("claim.level_system", "coding-system-not-allowed",
                         "a claim's level takes %1$s, not %2$s",
                         {level_systems_text(), quote(c.level_system)});
    return;
  }
  if (c.level_code.empty()) {
    out.report_violation("claim.level_code", "coding-code-required", "a level must have a code");
  } else if (!codes::code_is_valid(*system, c.level_code)) {
    out.report_violation("claim.level_code", system->code_rule,
                         "%1$s is not a %2$s code: expected %3$s",
                         {quote(c.level_code), system->key, system->expected});
  }
}

void check_method(const format::Claim& c, Findings& out) {
  if (c.method.empty()) return;
  const codes::CodeSystem* methods = codes::find_code_system(kMethodSystem);
  if (methods == nullptr || !codes::code_is_valid(*methods, c.method)) {
    if (methods != nullptr) {
      out.report_violation("claim.method", methods->code_rule, "%1$s is not a kartla-method code: expected %2$s",
                           {quote(c.method), methods->expected});
    } else {
      out.report_violation("claim.method", "kartla-method-code",
                           "%s is not a kartla-method code: expected a Kartla method key", {quote(c.method)});
    }
  }
}

bool digits(std::string_view s) {
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return !s.empty();
}

int number(std::string_view s) {
  int v = 0;
  for (char ch : s) v = v * 10 + (ch - '0');
  return v;
}

// YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists, in the years PartialDate allows
// (1800-2199: "0000" or "20250" is a typing error, not a date).
void check_date(const format::Claim& c, Findings& out) {
  const std::string_view d = c.date;
  if (d.empty()) return;
  const bool shaped = (d.size() == 4 || d.size() == 7 || d.size() == 10) && digits(d.substr(0, 4)) &&
                      (d.size() < 7 || (d[4] == '-' && digits(d.substr(5, 2)))) &&
                      (d.size() < 10 || (d[7] == '-' && digits(d.substr(8, 2))));
  if (!shaped) {
    out.report_violation("claim.date", "date-real", "%s is not YYYY, YYYY-MM or YYYY-MM-DD", {quote(d)});
    return;
  }
  const int year = number(d.substr(0, 4));
  if (year < 1800 || year > 2199) {
    out.report_violation("claim.date", "date-real",
                         "year must be a four-digit year 1800–2199, not %s", {quote(d.substr(0, 4))});
    return;
  }
  if (d.size() == 4) return;
  const int month = number(d.substr(5, 2));
  if (month < 1 || month > 12) {
    out.report_violation("claim.date", "date-real", "month must be 1–12 in %s", {quote(d)});
    return;
  }
  if (d.size() == 10 && !codes::is_real_date(year, month, number(d.substr(8, 2))))
    out.report_violation("claim.date", "date-real", "%s is not a real date", {quote(d)});
}

void check_credits(const format::Claim& c, Findings& out) {
  if (c.credits_hundredths > kMaxCreditsHundredths)
    out.report_violation("claim.credits_hundredths", "validation-credits-range",
                         "credits must be between 0 and 1000 (credits_hundredths at most 100000)");
}

}  // namespace

std::vector<Violation> validate_claim(const format::Claim& claim) {
  std::vector<Violation> violations;
  Findings out(violations);
  // In field-number order (level_system 2, level_code 3, method 4, date 5, credits 6), as
  // validate_section reports in field order.
  check_level(claim, out);
  check_method(claim, out);
  check_date(claim, out);
  check_credits(claim, out);
  return violations;
}

}  // namespace kartla::model
