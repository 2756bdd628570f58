// SPDX-License-Identifier: Apache-2.0
// docs/SPEC.md §7.9: the who-is-involved list. With the person's consent a grant tells its agency
// which agencies work with the person; the list is signed with the grant's terms, reaches an
// agency that was not given the action plan, survives a re-issue, and carries nothing of what
// any agency knows: tested on the bytes each agency receives and over random plans.
#include <catch2/catch.hpp>

#include <random>

#include "crypto/box.h"
#include "kartla/v1/action_plan.pb.h"
#include "share/case_bundle.h"
#include "share/involved_list.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

// Text that appears only in what the agencies know (section content and the plan's other fields):
// none of it may reach an agency through the list.
const char* const kSecrets[] = {"GOAL-SECRET-7f3", "ACTIVITY-SECRET-91a", "MEETING-SECRET-c04", "UNIT-SECRET-e55",
                                "OLD-CONTACT-SECRET-2b8", "INVOLVED-ID-SECRET-d19", "PROFILE-SECRET-a6e"};

void set_date(v1::PartialDate* d, int y, int m, int day) {
  d->set_year(y);
  d->set_month(m);
  d->set_day(day);
}

v1::InvolvedAgency* add_agency(v1::ActionPlan& plan, const std::string& id, const std::string& name,
                               const std::string& orgnr, const std::string& role) {
  v1::InvolvedAgency* a = plan.add_involved();
  a->set_id(id);
  a->mutable_agency()->set_name(name);
  a->mutable_agency()->set_se_orgnr(orgnr);
  a->mutable_role()->set_system("kartla-agency-role");
  a->mutable_role()->set_code(role);
  set_date(a->mutable_since(), 2025, 9, 1);
  return a;
}

v1::ActionPlan plan_with_secrets() {
  v1::ActionPlan plan;
  v1::Goal* goal = plan.add_goals();
  goal->set_id("g1");
  goal->set_text(kSecrets[0]);
  v1::Activity* act = plan.add_activities();
  act->set_id("a1");
  act->set_title(kSecrets[1]);
  act->add_goal_ids("g1");
  v1::InvolvedAgency* kommun =
      add_agency(plan, std::string("kommun-") + kSecrets[5], "Landskrona stad", "2120001140", "municipal_labour_unit");
  kommun->set_lead(true);
  kommun->mutable_agency()->set_unit(kSecrets[3]);
  v1::ContactPerson* old = kommun->add_contacts();
  old->set_name(kSecrets[4]);
  set_date(old->mutable_since(), 2025, 9, 1);
  v1::ContactPerson* now = kommun->add_contacts();
  now->set_name("Sara Lind");
  set_date(now->mutable_since(), 2026, 1, 12);
  v1::InvolvedAgency* af = add_agency(plan, "af", "Arbetsförmedlingen", "2021005489", "employment_service");
  v1::ContactPerson* team = af->add_contacts();
  team->set_pseudonym("handläggare 3");
  set_date(team->mutable_since(), 2025, 10, 1);
  v1::CoordinationMeeting* m = plan.add_meetings();
  m->set_id("m1");
  set_date(m->mutable_date(), 2026, 2, 3);
  m->add_present("af");
  m->add_agreements(kSecrets[2]);
  return plan;
}

const std::vector<format::InvolvedNotice>& expected_list() {
  static const std::vector<format::InvolvedNotice> list = {
      {"Landskrona stad", "2120001140", "municipal_labour_unit", "2025-09-01", "Sara Lind", "", true},
      {"Arbetsförmedlingen", "2021005489", "employment_service", "2025-09-01", "", "handläggare 3", false}};
  return list;
}

model::Record record_with_plan() {
  model::Record r = new_record({{"profile", kSecrets[6]}});
  r.write_section(section("action_plan"), plan_with_secrets().SerializeAsString());
  return r;
}

share::IssuedGrant share_telling(model::Record& record, const identity::Identity& agency,
                                 const std::vector<std::string>& sections, bool tell = true) {
  share::ShareRequest request;
  request.agency_card_file = agency.card_file();
  request.sections = sections;
  request.purpose = "samordningsmöte 2026-02-03";
  request.now = kNow;
  request.expires_at = kNow + 30 * 86400;
  request.tell_involved = tell;
  return share::share_sections(record, request);
}

// The whole plaintext of the agency's grant in `file`: everything the list travels in.
std::string grant_plaintext(const identity::Identity& agency, const std::string& file) {
  Loose l = take_apart(file);
  const LooseGrant& g = grant_for(l, agency);
  auto plain = crypto::open_sealed_bounded(agency.box_keys(), g.bytes, format::kMaxGrantBytes + 64);
  REQUIRE(plain.has_value());
  return plain->view().to_string();
}

struct CaseFixture {
  TempDir dir;
  std::string bundle;  // profile for A (no action plan), action_plan for B; both told
  CaseFixture() {
    model::Record r = record_with_plan();
    const auto a = share_telling(r, agency_a(), {"profile"});
    const auto b = share_telling(r, agency_b(), {"action_plan"});
    r.save(dir.file("r.kartla"));
    share::export_case_bundle(r, {a.grant_id_hex, b.grant_id_hex}, kNow, dir.file("meeting.kartla"));
    bundle = read_plain(dir.file("meeting.kartla"));
  }
};

const CaseFixture& cx() {
  static const CaseFixture f;
  return f;
}

}  // namespace

TEST_CASE("the plan's involved agencies become the list, field by field", "[involved]") {
  CHECK(share::involved_from_plan(plan_with_secrets()) == expected_list());
}

TEST_CASE("each agency of a case bundle sees who is involved, even without the action plan", "[involved]") {
  const share::AgencyView a = view_as(agency_a(), cx().bundle);
  CHECK(a.involved() == expected_list());
  CHECK(code_of([&] { (void)a.read_section(section("action_plan"), kNow); }) == Code::not_shared);
  CHECK(view_as(agency_b(), cx().bundle).involved() == expected_list());
  // An agency with no grant in the file is told nothing.
  CHECK(view_as(agency_c(), cx().bundle).involved().empty());
}

TEST_CASE("the list carries no section content, on the bytes each agency receives", "[involved]") {
  for (const identity::Identity* agency : {&agency_a(), &agency_b()}) {
    const std::string plain = grant_plaintext(*agency, cx().bundle);
    for (const char* secret : kSecrets) {
      INFO(secret);
      CHECK(plain.find(secret) == std::string::npos);
    }
    // Control: what the list does carry is in these very bytes.
    CHECK(plain.find("handläggare 3") != std::string::npos);
    CHECK(plain.find("Sara Lind") != std::string::npos);
  }
}

TEST_CASE("property: whatever else the plan holds, the list is the same bytes", "[involved][property]") {
  // The list is a function of the told fields alone: randomising every other field of the plan
  // (goals, activities, meetings, the agencies' ids and units, older contacts) never changes it.
  std::mt19937 rng(20260203);
  auto random_text = [&rng] {
    std::string s(1 + rng() % 40, 'x');
    for (char& c : s) c = static_cast<char>('a' + rng() % 26);
    return s;
  };
  const v1::ActionPlan base = plan_with_secrets();
  const auto expected = share::involved_from_plan(base);
  for (int round = 0; round < 300; ++round) {
    v1::ActionPlan plan = base;
    plan.mutable_goals(0)->set_text(random_text());
    plan.mutable_activities(0)->set_title(random_text());
    plan.mutable_activities(0)->set_description(random_text());
    for (int i = 0; i < static_cast<int>(rng() % 4); ++i) plan.add_goals()->set_text(random_text());
    plan.mutable_meetings(0)->add_agreements(random_text());
    for (auto& a : *plan.mutable_involved()) {
      a.set_id(random_text());
      a.mutable_agency()->set_unit(random_text());
      if (a.contacts_size() > 1) a.mutable_contacts(0)->set_name(random_text());
    }
    INFO("round " << round);
    REQUIRE(share::involved_from_plan(plan) == expected);
  }
}

TEST_CASE("a list altered after signing is refused", "[involved]") {
  const std::function<void(format::Grant&)> edits[] = {
      [](format::Grant& g) { g.terms.involved[1].name = "Försäkringskassan"; },
      [](format::Grant& g) { g.terms.involved[0].lead = false; },
      [](format::Grant& g) { g.terms.involved.pop_back(); },
      [](format::Grant& g) { g.terms.involved.clear(); },
  };
  for (size_t i = 0; i < sizeof edits / sizeof edits[0]; ++i) {
    INFO("edit " << i);
    Loose l = take_apart(cx().bundle);
    format::Grant g = open_grant_as(agency_a(), grant_for(l, agency_a()).bytes);
    edits[i](g);
    grant_for(l, agency_a()).bytes = format::seal_grant(g);
    CHECK(code_of([&] { (void)view_as(agency_a(), with_original_signature(l)); }) == Code::signature);
    // Control: the same edit signed by the owner opens, and shows the edited list.
    CHECK(view_as(agency_a(), resign_as_owner(l)).involved() == g.terms.involved);
  }
}

TEST_CASE("nothing is told without consent, and consent needs a list to tell", "[involved]") {
  TempDir dir;
  model::Record r = record_with_plan();
  const auto g = share_telling(r, agency_a(), {"profile"}, false);
  r.save(dir.file("r.kartla"));
  const std::string bundle = bundle_of(r, g.grant_id_hex, dir);
  CHECK(view_as(agency_a(), bundle).involved().empty());
  CHECK(grant_plaintext(agency_a(), bundle).find("Landskrona stad") == std::string::npos);

  model::Record bare = new_record({{"profile", "p"}});
  CHECK(code_of([&] { share_telling(bare, agency_a(), {"profile"}); }) == Code::not_found);
  model::Record empty_plan = new_record({{"profile", "p"}, {"action_plan", "plan"}});
  CHECK(code_of([&] { share_telling(empty_plan, agency_a(), {"profile"}); }) == Code::not_found);
}

TEST_CASE("a grant re-issued after another agency's revocation tells the same list", "[involved]") {
  TempDir dir;
  model::Record r = record_with_plan();
  const auto a = share_telling(r, agency_a(), {"profile"});
  share_telling(r, agency_b(), {"profile"}, false);
  r.save(dir.file("r.kartla"));
  share::revoke_agency(r, agency_b().card_file(), kNow + 10);
  r.save(dir.file("r.kartla"));
  const share::AgencyView view = view_as(agency_a(), bundle_of(r, a.grant_id_hex, dir, "after.kartla"));
  CHECK(view.read_section(section("profile"), kNow + 20).view().to_string().find(kSecrets[6]) != std::string::npos);
  CHECK(view.involved() == expected_list());
}

TEST_CASE("format: the list's rules are enforced when writing and reading", "[involved]") {
  using format::involved_list_problem;
  CHECK(involved_list_problem(expected_list()).empty());
  auto with = [](const std::function<void(format::InvolvedNotice&)>& edit) {
    std::vector<format::InvolvedNotice> list = expected_list();
    edit(list[0]);
    return involved_list_problem(list);
  };
  CHECK_FALSE(with([](auto& n) { n.name.clear(), n.organisation_number.clear(); }).empty());
  CHECK_FALSE(with([](auto& n) { n.contact_pseudonym = "team"; }).empty());  // both contacts
  CHECK_FALSE(with([](auto& n) { n.since = "2025-13"; }).empty());
  CHECK_FALSE(with([](auto& n) { n.since = "25-01-01"; }).empty());
  CHECK_FALSE(with([](auto& n) { n.since = "2025-01-32"; }).empty());
  CHECK_FALSE(with([](auto& n) { n.name.assign(201, 'n'); }).empty());
  CHECK_FALSE(with([](auto& n) { n.role.assign(65, 'r'); }).empty());
  CHECK(with([](auto& n) { n.since = "2025"; }).empty());
  CHECK(with([](auto& n) { n.since = "2025-02"; }).empty());
  std::vector<format::InvolvedNotice> two_leads = expected_list();
  two_leads[1].lead = true;
  CHECK_FALSE(involved_list_problem(two_leads).empty());
  std::vector<format::InvolvedNotice> many(format::kMaxInvolvedNotices + 1, expected_list()[1]);
  CHECK_FALSE(involved_list_problem(many).empty());

  // A grant breaking a rule is refused when sealed (the reader's refusal, E_FORMAT, is a
  // negative vector: tests/vectors/bundle_negative.json).
  Loose l = take_apart(cx().bundle);
  format::Grant g = open_grant_as(agency_a(), grant_for(l, agency_a()).bytes);
  g.terms.involved = two_leads;
  CHECK(code_of([&] { (void)format::seal_grant(g); }) == Code::invalid_argument);
}
