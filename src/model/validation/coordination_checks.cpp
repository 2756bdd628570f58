// SPDX-License-Identifier: Apache-2.0
// The coordination part of the action plan (docs/MODEL.md, `action_plan`: InvolvedAgency,
// ContactPerson, CoordinationMeeting): who is involved and who leads, a contact history that shows
// each change of caseworker, and meetings that name only agencies the plan lists.
#include <set>
#include <string>

#include "kartla/v1/action_plan.pb.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"
#include "model/validation/values.h"

namespace kartla::model {

void check_involved_agency(const Visit& v) {
  const auto& a = static_cast<const v1::InvolvedAgency&>(v.msg);
  if (!names_an_org(a.agency()))
    v.out.report_violation(field_path(v.path, "agency"), "involved-agency-unnamed",
                           "name the agency or give its organisation number");
  if (is_empty(a.since()))
    v.out.report_violation(field_path(v.path, "since"), "involved-since-required",
                           "say since when the agency is involved");
  for (int i = 0; i < a.contacts_size(); ++i) {
    const v1::ContactPerson& c = a.contacts(i);
    const std::string path = item_path(v.path, "contacts", i);
    // A contact is a person or a pseudonym, never both: a pseudonym is there so that a person can
    // be reached without being named in the record.
    if (c.name().empty() == c.pseudonym().empty())
      v.out.report_violation(path, "contact-name-or-pseudonym",
                             "give the contact's name or a pseudonymous contact, not both");
    if (is_empty(c.since())) {
      v.out.report_violation(field_path(path, "since"), "contact-since-required",
                             "say since when this is the contact");
    } else if (i > 0 && !is_empty(a.contacts(i - 1).since()) &&
               compare_partial(c.since(), a.contacts(i - 1).since()) <= 0) {
      // Oldest first, each from a later date: the last is the contact now, and every change of
      // caseworker is a line of its own (the BIP study: changing caseworker hurts).
      v.out.report_violation(field_path(path, "since"), "contacts-in-order",
                             "contacts are listed oldest first: %1$s is not after %2$s",
                             {to_text(c.since()), to_text(a.contacts(i - 1).since())});
    }
  }
}

void check_coordination_meeting(const Visit& v) {
  const auto& m = static_cast<const v1::CoordinationMeeting&>(v.msg);
  if (m.date().year() == 0 || m.date().month() == 0 || m.date().day() == 0)
    v.out.report_violation(field_path(v.path, "date"), "meeting-date-required",
                           "a meeting has a full date (year, month, day)");
  else if (!is_empty(m.next_meeting()) && compare_partial(m.next_meeting(), m.date()) <= 0)
    v.out.report_violation(field_path(v.path, "next_meeting"), "meeting-next-after",
                           "the next meeting %1$s is not after this one %2$s",
                           {to_text(m.next_meeting()), to_text(m.date())});
  if (m.present_size() == 0)
    v.out.report_violation(field_path(v.path, "present"), "meeting-present-required",
                           "name the agencies present");
  std::set<std::string> seen;
  for (int i = 0; i < m.present_size(); ++i)
    if (!seen.insert(m.present(i)).second)
      v.out.report_violation(item_path(v.path, "present", i), "meeting-present-twice",
                             "%s is named twice", {quote(m.present(i))});
  for (int i = 0; i < m.next_steps_size(); ++i)
    if (m.next_steps(i).action().empty())
      v.out.report_violation(field_path(item_path(v.path, "next_steps", i), "action"), "next-step-action-required",
                             "say what is to be done");
}

// Plan-wide: one lead agency, and meetings and next steps that name agencies the plan lists.
void check_coordination(const Visit& v, const v1::ActionPlan& plan) {
  std::set<std::string> agencies;
  int leads = 0;
  for (int i = 0; i < plan.involved_size(); ++i) {
    agencies.insert(plan.involved(i).id());
    if (plan.involved(i).lead() && ++leads == 2)
      v.out.report_violation(field_path(item_path(v.path, "involved", i), "lead"), "lead-agency-once",
                             "only one agency leads (huvudman); %s is a second",
                             {quote(plan.involved(i).id())});
  }
  for (int i = 0; i < plan.meetings_size(); ++i) {
    const v1::CoordinationMeeting& m = plan.meetings(i);
    const std::string path = item_path(v.path, "meetings", i);
    for (int p = 0; p < m.present_size(); ++p)
      if (agencies.count(m.present(p)) == 0)
        v.out.report_violation(item_path(path, "present", p), "meeting-agency-unknown",
                               "no involved agency has id %s", {quote(m.present(p))});
    for (int s = 0; s < m.next_steps_size(); ++s)
      if (agencies.count(m.next_steps(s).agency_id()) == 0)
        v.out.report_violation(field_path(item_path(path, "next_steps", s), "agency_id"), "meeting-agency-unknown",
                               "no involved agency has id %s", {quote(m.next_steps(s).agency_id())});
  }
}

}  // namespace kartla::model
