// SPDX-License-Identifier: Apache-2.0
// The coordination part of the plan view (views/coordination.h): the lead agency first, each
// agency's contact now and every earlier one, so a change of caseworker shows; a meeting with the
// agencies present by name, what was agreed and who does what next.
#include <catch2/catch.hpp>

#include "kartla/v1/action_plan.pb.h"
#include "views/plan.h"
#include "report_test_support.h"

namespace kartla::views {
namespace {

using test::from_json;

const char* kPlan = R"({
  "involved": [
    {"id": "af", "agency": {"name": "Arbetsförmedlingen"}, "since": {"year": 2023, "month": 3},
     "role": {"system": "kartla-agency-role", "code": "employment_service"},
     "contacts": [{"name": "Jonas Berg", "since": {"year": 2023, "month": 3, "day": 1}},
                  {"name": "Leila Haddad", "since": {"year": 2025, "month": 5, "day": 12}}]},
    {"id": "kommun", "agency": {"name": "Landskrona stad"}, "since": {"year": 2024, "month": 9}, "lead": true,
     "contacts": [{"name": "Sara Lind", "since": {"year": 2024, "month": 9}}]},
    {"id": "fk", "agency": {"name": "Försäkringskassan"}, "since": {"year": 2024},
     "contacts": [{"pseudonym": "Team Landskrona", "since": {"year": 2024}}]}
  ],
  "meetings": [
    {"id": "m1", "date": {"year": 2025, "month": 6, "day": 16}, "present": ["kommun", "af"],
     "agreements": ["Arbetsträning från augusti"],
     "next_steps": [{"agency_id": "af", "action": "Anvisa arbetsträning", "due": {"year": 2025, "month": 8, "day": 1}}],
     "next_meeting": {"year": 2025, "month": 9, "day": 15}}
  ]
})";

}  // namespace

TEST_CASE("the plan text names the lead agency first and shows each change of caseworker", "[plan][coordination]") {
  const auto plan = from_json<v1::ActionPlan>(kPlan);
  const std::string text = plan_text(plan, {}, {});
  const size_t lead = text.find("Landskrona stad, since 2024-09 - LEAD AGENCY (huvudman)");
  const size_t af = text.find("Arbetsförmedlingen, public employment service");
  REQUIRE(lead != std::string::npos);
  REQUIRE(af != std::string::npos);
  CHECK(lead < af);
  CHECK(text.find("Contact: Leila Haddad, since 2025-05-12\n") != std::string::npos);
  CHECK(text.find("Earlier contact: Jonas Berg, since 2023-03-01\n") != std::string::npos);
  CHECK(text.find("Contact changed 1 time\n") != std::string::npos);
  CHECK(text.find("Contact: Team Landskrona (pseudonymous contact), since 2024\n") != std::string::npos);
  CHECK(text.find("Coordination meeting 2025-06-16 (m1)\n") != std::string::npos);
  CHECK(text.find("Present: Landskrona stad; Arbetsförmedlingen\n") != std::string::npos);
  CHECK(text.find("Agreed: Arbetsträning från augusti\n") != std::string::npos);
  CHECK(text.find("Next: Arbetsförmedlingen: Anvisa arbetsträning (by 2025-08-01)\n") != std::string::npos);
  CHECK(text.find("Next meeting: 2025-09-15\n") != std::string::npos);
}

TEST_CASE("the typed plan lists the agencies, the lead first, with current and earlier contacts",
          "[plan][coordination]") {
  const auto view = plan_view(from_json<v1::ActionPlan>(kPlan), {}, {});
  REQUIRE(view.involved_size() == 3);
  CHECK(view.involved(0).id() == "kommun");
  CHECK(view.involved(0).lead());
  CHECK(view.involved(1).contact().name() == "Leila Haddad");
  REQUIRE(view.involved(1).earlier_contacts_size() == 1);
  CHECK(view.involved(1).earlier_contacts(0).name() == "Jonas Berg");
  CHECK(view.involved(2).contact().pseudonym());
  REQUIRE(view.meetings_size() == 1);
  CHECK(view.meetings(0).present(1) == "Arbetsförmedlingen");
  CHECK(view.meetings(0).next_steps(0).due() == "2025-08-01");
}

TEST_CASE("a plan without agencies or meetings reads as before", "[plan][coordination]") {
  const std::string text = plan_text(from_json<v1::ActionPlan>(R"({})"), {}, {});
  CHECK(text.find("Agencies involved") == std::string::npos);
  CHECK(text.find("Coordination meeting") == std::string::npos);
}

}  // namespace kartla::views
