// SPDX-License-Identifier: Apache-2.0
#include "format/involved_notice.h"

namespace kartla::format {
namespace {

bool digits(const std::string& s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(const std::string& s, size_t from, size_t n) { return std::stoi(s.substr(from, n)); }

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a day of 1-31: the month's own length is the action plan's
// rule, not the wire format's).
bool is_partial_date(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(s, 0, 4) || number(s, 0, 4) < 1000) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(s, 5, 2) || number(s, 5, 2) < 1 || number(s, 5, 2) > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(s, 8, 2) || number(s, 8, 2) < 1 || number(s, 8, 2) > 31) return false;
  }
  return true;
}

}  // namespace

std::string involved_list_problem(const std::vector<InvolvedNotice>& list) {
  if (list.size() > kMaxInvolvedNotices) return "more than 32 involved agencies";
  size_t leads = 0;
  for (const InvolvedNotice& n : list) {
    // The plan names an agency by its name, its registry number or both (docs/MODEL.md).
    if (n.name.empty() && n.organisation_number.empty()) return "an involved agency has neither name nor number";
    if (n.name.size() > kMaxInvolvedNameBytes || n.organisation_number.size() > kMaxInvolvedNameBytes)
      return "an involved agency's name or number is too long";
    if (n.role.size() > kMaxInvolvedRoleBytes) return "an involved agency's role is too long";
    if (!is_partial_date(n.since)) return "an involved agency's 'since' is not YYYY, YYYY-MM or YYYY-MM-DD";
    if (!n.contact_name.empty() && !n.contact_pseudonym.empty())
      return "an involved agency names both a contact and a pseudonymous contact";
    if (n.contact_name.size() > kMaxInvolvedNameBytes || n.contact_pseudonym.size() > kMaxInvolvedNameBytes)
      return "an involved agency's contact is too long";
    if (n.lead) ++leads;
  }
  if (leads > 1) return "more than one involved agency leads";
  return {};
}

}  // namespace kartla::format
