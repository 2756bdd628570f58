// SPDX-License-Identifier: Apache-2.0
#include "views/coordination.h"

#include <cstdint>
#include <map>
#include <vector>

#include "views/labels.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {
namespace {

// The lead agency first, the others in plan order: the first line answers "who leads?".
std::vector<const v1::InvolvedAgency*> lead_first(const v1::ActionPlan& plan) {
  std::vector<const v1::InvolvedAgency*> out;
  for (const auto& a : plan.involved())
    if (a.lead()) out.push_back(&a);
  for (const auto& a : plan.involved())
    if (!a.lead()) out.push_back(&a);
  return out;
}

// How a meeting names an agency: the organisation as it reads, or the id when the plan lists no
// such agency (validation reports that; a view still shows what is there).
std::string agency_named(const v1::ActionPlan& plan, const std::string& id, Language l = Language::en) {
  for (const auto& a : plan.involved())
    if (a.id() == id) return org_text(a.agency(), l);
  return id;
}

void set_contact(v1::PlanContact& out, const v1::ContactPerson& c) {
  out.set_name(c.name().empty() ? c.pseudonym() : c.name());
  out.set_pseudonym(c.name().empty());
  out.set_since(date_text(c.since()));
}

std::string contact_text(const v1::ContactPerson& c, Language l) {
  const std::string who = c.name().empty() ? fill(tr(l, "%s (pseudonymous contact)"), {one_line(c.pseudonym())})
                                           : one_line(c.name());
  const std::string since = date_text(c.since());
  return since.empty() ? who : who + ", " + fill(tr(l, "since %s"), {since});
}

}  // namespace

void set_coordination(v1::PlanView& view, const v1::ActionPlan& plan) {
  for (const v1::InvolvedAgency* a : lead_first(plan)) {
    v1::PlanAgency& out = *view.add_involved();
    out.set_id(a->id());
    out.set_agency(org_text(a->agency()));
    if (a->has_role()) out.set_role(coding_text(a->role()));
    out.set_since(date_text(a->since()));
    out.set_lead(a->lead());
    const int n = a->contacts_size();
    if (n > 0) set_contact(*out.mutable_contact(), a->contacts(n - 1));
    for (int i = n - 2; i >= 0; --i) set_contact(*out.add_earlier_contacts(), a->contacts(i));
    if (a->has_assertion()) out.set_provenance(provenance_text(a->assertion()));
  }
  for (const v1::CoordinationMeeting& m : plan.meetings()) {
    v1::PlanMeeting& out = *view.add_meetings();
    out.set_id(m.id());
    out.set_date(date_text(m.date()));
    for (const std::string& id : m.present()) out.add_present(agency_named(plan, id));
    for (const std::string& a : m.agreements()) out.add_agreements(a);
    for (const v1::NextStep& s : m.next_steps()) {
      v1::PlanNextStep& step = *out.add_next_steps();
      step.set_agency(agency_named(plan, s.agency_id()));
      step.set_action(s.action());
      step.set_due(date_text(s.due()));
    }
    out.set_next_meeting(date_text(m.next_meeting()));
    if (m.has_assertion()) out.set_provenance(provenance_text(m.assertion()));
  }
}

std::string coordination_text(const v1::ActionPlan& plan, Language l) {
  std::string out;
  const auto line = [&](int depth, const std::string& text) { out += std::string(2 * depth, ' ') + text + "\n"; };
  if (plan.involved_size() > 0) {
    line(0, "");
    line(0, tr(l, "Agencies involved:"));
    for (const v1::InvolvedAgency* a : lead_first(plan)) {
      std::string head = org_text(a->agency(), l);
      if (a->has_role()) head += ", " + coding_text(a->role(), l);
      if (a->has_since()) head += ", " + fill(tr(l, "since %s"), {date_text(a->since())});
      // TRANSLATORS: after the agency's name; "huvudman" is the Swedish term for the lead agency.
      if (a->lead()) head += " - " + tr(l, "LEAD AGENCY (huvudman)");
      line(1, head);
      const int n = a->contacts_size();
      if (n == 0) line(2, tr(l, "Contact: none named"));
      if (n > 0) line(2, fill(tr(l, "Contact: %s"), {contact_text(a->contacts(n - 1), l)}));
      // Every earlier contact, newest first: how many times the person has had to start over.
      for (int i = n - 2; i >= 0; --i) line(2, fill(tr(l, "Earlier contact: %s"), {contact_text(a->contacts(i), l)}));
      if (n > 1) {
        const auto changes = static_cast<uint64_t>(n - 1);
        line(2, fill(trn(l, "Contact changed %s time", "Contact changed %s times", changes), {std::to_string(changes)}));
      }
    }
  }
  for (const v1::CoordinationMeeting& m : plan.meetings()) {
    line(0, "");
    line(0, fill(tr(l, "Coordination meeting %s (%s)"), {date_text(m.date()), one_line(m.id())}));
    std::string present;
    for (const std::string& id : m.present()) present += (present.empty() ? "" : "; ") + agency_named(plan, id, l);
    line(1, fill(tr(l, "Present: %s"), {present}));
    for (const std::string& a : m.agreements()) line(1, fill(tr(l, "Agreed: %s"), {one_line(a)}));
    for (const v1::NextStep& s : m.next_steps()) {
      // TRANSLATORS: a next step agreed at a meeting: the agency, then what it will do.
      std::string step = fill(tr(l, "Next: %s: %s"), {agency_named(plan, s.agency_id(), l), one_line(s.action())});
      if (s.has_due()) step += " " + fill(tr(l, "(by %s)"), {date_text(s.due())});
      line(1, step);
    }
    if (m.has_next_meeting()) line(1, fill(tr(l, "Next meeting: %s"), {date_text(m.next_meeting())}));
  }
  return out;
}

}  // namespace kartla::views
