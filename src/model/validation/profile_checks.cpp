// SPDX-License-Identifier: Apache-2.0
// Profile details (docs/MODEL.md, `profile`).
#include "kartla/v1/profile.pb.h"
#include "model/validation/type_checks.h"

namespace kartla::model {
namespace {

// E.164: "+", a country code starting 1–9, at most 15 digits in all (ITU-T E.164 §6). Kartla
// stores the international form so a number works from any country.
bool is_e164(const std::string& s) {
  if (s.size() < 8 || s.size() > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9') return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Deliberately loose: one "@", something before it, a dotted domain after it, no spaces.
// Deliverability is the mail system's business; this catches swapped fields and typos.
bool looks_like_email(const std::string& s) {
  const size_t at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
  if (s.size() > 254 || s.find_first_of(" \t\r\n") != std::string::npos) return false;
  const std::string domain = s.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != std::string::npos && dot != 0 && domain.back() != '.';
}

}  // namespace

void check_contact(const Visit& v) {
  const auto& c = static_cast<const v1::Contact&>(v.msg);
  if (!c.email().empty() && !looks_like_email(c.email())) {
    v.out.report_violation(field_path(v.path, "email"), "contact-email-shape", "not an e-mail address");
  }
  if (!c.phone().empty() && !is_e164(c.phone())) {
    v.out.report_violation(field_path(v.path, "phone"), "contact-phone-e164",
                           "write the number in international form, e.g. +46701740605");
  }
}

void check_interpreter(const Visit& v) {
  const auto& i = static_cast<const v1::Interpreter&>(v.msg);
  if (i.needed() && !i.has_language()) {
    v.out.report_violation(field_path(v.path, "language"), "interpreter-language-required",
                           "an interpreter need must say for which language");
  }
}

}  // namespace kartla::model
