/* SPDX-License-Identifier: Apache-2.0 */
// The who-is-involved list a grant may carry (docs/SPEC.md §7.9): the agencies that work with the
// person, told to an agency with the person's consent. Each field is a fact about an agency (its
// name, registry number, role, the date it became involved and whom to contact there), never
// about what it knows, so the list can travel outside the sections it describes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kartla::format {

struct InvolvedNotice {
  std::string name;
  std::string organisation_number;
  std::string role;               // kartla-agency-role code; may be empty
  std::string since;              // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::string contact_name;       // at most one of contact_name, contact_pseudonym
  std::string contact_pseudonym;
  bool lead = false;              // huvudman; at most one entry

  friend bool operator==(const InvolvedNotice& a, const InvolvedNotice& b) {
    return a.name == b.name && a.organisation_number == b.organisation_number && a.role == b.role &&
           a.since == b.since && a.contact_name == b.contact_name && a.contact_pseudonym == b.contact_pseudonym &&
           a.lead == b.lead;
  }
};

// A meeting seats a handful of agencies; the caps keep a grant small whatever a writer is asked.
inline constexpr size_t kMaxInvolvedNotices = 32;
inline constexpr size_t kMaxInvolvedNameBytes = 200;   // name, organisation number, contact
inline constexpr size_t kMaxInvolvedRoleBytes = 64;

// The reason the list breaks a rule of SPEC §7.9, or "" if it keeps them all.
std::string involved_list_problem(const std::vector<InvolvedNotice>& list);

// The list is carried by two messages with the same fields: the grant's terms (container.proto)
// and the owner's sharing ledger (sharing_ledger.proto). One copy in each direction for both.
template <class Message>
void write_involved_notice(const InvolvedNotice& n, Message& out) {
  out.set_name(n.name);
  out.set_organisation_number(n.organisation_number);
  out.set_role(n.role);
  out.set_since(n.since);
  out.set_contact_name(n.contact_name);
  out.set_contact_pseudonym(n.contact_pseudonym);
  out.set_lead(n.lead);
}

template <class Message>
InvolvedNotice read_involved_notice(const Message& n) {
  return {n.name(), n.organisation_number(), n.role(), n.since(), n.contact_name(), n.contact_pseudonym(), n.lead()};
}

}  // namespace kartla::format
