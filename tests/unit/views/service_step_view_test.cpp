// SPDX-License-Identifier: Apache-2.0
// The steps of the service in the views (docs/MODEL.md, `ServiceStepParticipation`): the record
// view shows each step taken part in as its name and dates, and the plan shows an activity's
// step, in English, Swedish and Finnish, never the code.
#include <catch2/catch.hpp>

#include <string>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "views/plan.h"
#include "views/readable.h"
#include "report_test_support.h"

namespace kartla::views {
namespace {

using test::from_json;

const char* kInterventions = R"({"entries": [{"id": "int-guidance", "title": "Yksilöohjaus",
  "service_steps": [
    {"step": {"system": "vasa-participation-step", "code": "resources-and-goals", "version": "1"},
     "period": {"start": {"year": 2019, "month": 1, "day": 14}, "end": {"year": 2019, "month": 12, "day": 20}}},
    {"step": {"system": "vasa-participation-step", "code": "life-skills", "version": "1"},
     "period": {"start": {"year": 2019, "month": 9, "day": 2}}}],
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2019-01-14T00:00:00Z"}}]})";

const char* kPlan = R"({"activities": [{"id": "act-group", "title": "Ryhmätoiminta", "status": "PLAN_STATUS_DONE",
  "service_step": {"system": "vasa-participation-step", "code": "life-skills", "version": "1"}}]})";

ViewOptions in(const char* language) {
  ViewOptions o;
  o.language = language;
  return o;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the record view lists each step of the service taken part in, with its dates, in the reader's language",
          "[readable][service-step]") {
  const auto interventions = from_json<v1::Interventions>(kInterventions);
  const std::string en = section_text({"interventions"}, interventions, {}, in("en"));
  INFO(en);
  CHECK(contains(en, "    Service steps:\n"
                     "      - step 3: resources, skills, needs and wishes (goal-directed paths), 2019-01-14 – 2019-12-20\n"
                     "      - step 2: life skills and well-being, since 2019-09-02\n"));
  const std::string sv = section_text({"interventions"}, interventions, {}, in("sv"));
  INFO(sv);
  CHECK(contains(sv, "Steg i tjänsten:\n"));
  CHECK(contains(sv, "- steg 2: livskompetens och välbefinnande, "));
  const std::string fi = section_text({"interventions"}, interventions, {}, in("fi"));
  INFO(fi);
  CHECK(contains(fi, "Palvelun askeleet:\n"));
  CHECK(contains(fi, "- askel 2: elämänhallinta ja hyvinvointi, "));
  for (const std::string* text : {&en, &sv, &fi}) {
    CHECK_FALSE(contains(*text, "life-skills"));
    CHECK_FALSE(contains(*text, "vasa-participation-step"));
  }
}

TEST_CASE("the plan names an activity's step of the service in the reader's language", "[plan][service-step]") {
  const auto plan = from_json<v1::ActionPlan>(kPlan);
  CHECK(contains(plan_text(plan, {}, in("en")), "    Service step: step 2: life skills and well-being\n"));
  CHECK(contains(plan_text(plan, {}, in("sv")), "    Steg i tjänsten: steg 2: livskompetens och välbefinnande\n"));
  CHECK(contains(plan_text(plan, {}, in("fi")), "    Palvelun askel: askel 2: elämänhallinta ja hyvinvointi\n"));
  CHECK(plan_view(plan, {}, in("sv")).activities(0).service_step() == "steg 2: livskompetens och välbefinnande");
  CHECK(plan_view(plan, {}, in("en")).activities(0).service_step() == "step 2: life skills and well-being");
  // An activity without one says nothing of it.
  v1::ActionPlan without = plan;
  without.mutable_activities(0)->clear_service_step();
  CHECK_FALSE(contains(plan_text(without, {}, in("en")), "Service step"));
  CHECK(plan_view(without, {}, in("en")).activities(0).service_step().empty());
}

}  // namespace kartla::views
