// SPDX-License-Identifier: Apache-2.0
#include "share/involved_list.h"

#include <cstdio>

#include "base/error.h"
#include "model/section_registry.h"

namespace kartla::share {
namespace {

std::string date_text(const v1::PartialDate& d) {
  char text[16];
  if (d.month() == 0) {
    std::snprintf(text, sizeof text, "%04d", d.year());
  } else if (d.day() == 0) {
    std::snprintf(text, sizeof text, "%04d-%02d", d.year(), d.month());
  } else {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year(), d.month(), d.day());
  }
  return text;
}

std::string organisation_number(const v1::OrgRef& org) {
  if (!org.se_orgnr().empty()) return org.se_orgnr();
  if (!org.fi_ytunnus().empty()) return org.fi_ytunnus();
  return org.foreign_id();
}

}  // namespace

std::vector<format::InvolvedNotice> involved_from_plan(const v1::ActionPlan& plan) {
  std::vector<format::InvolvedNotice> list;
  for (const v1::InvolvedAgency& agency : plan.involved()) {
    format::InvolvedNotice n;
    n.name = agency.agency().name();
    n.organisation_number = organisation_number(agency.agency());
    n.role = agency.role().code();
    n.since = date_text(agency.since());
    // The last contact is the one now (action_plan.proto); earlier ones stay in the plan.
    if (agency.contacts_size() > 0) {
      const v1::ContactPerson& now = agency.contacts(agency.contacts_size() - 1);
      n.contact_name = now.name();
      n.contact_pseudonym = now.name().empty() ? now.pseudonym() : std::string();
    }
    n.lead = agency.lead();
    list.push_back(std::move(n));
  }
  return list;
}

std::vector<format::InvolvedNotice> involved_from_record(const model::Record& record) {
  const model::SectionInfo& info = model::section_by_name("action_plan");
  if (!record.has_section(info))
    fail(Code::not_found, "there is no action plan to tell the involved agencies from");
  const crypto::SecretBuffer bytes = record.read_section(info);
  v1::ActionPlan plan;
  if (!plan.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    fail(Code::format, "the action plan does not parse");
  std::vector<format::InvolvedNotice> list = involved_from_plan(plan);
  if (list.empty()) fail(Code::not_found, "the action plan names no involved agency to tell");
  return list;
}

void record_told(const std::vector<format::InvolvedNotice>& list, v1::ShareGrantRecord& entry) {
  entry.clear_told_involved();
  for (const format::InvolvedNotice& n : list) format::write_involved_notice(n, *entry.add_told_involved());
}

std::vector<format::InvolvedNotice> told_in(const v1::ShareGrantRecord& entry) {
  std::vector<format::InvolvedNotice> list;
  for (const v1::InvolvedAgencyNotice& n : entry.told_involved()) list.push_back(format::read_involved_notice(n));
  return list;
}

}  // namespace kartla::share
