// SPDX-License-Identifier: Apache-2.0
// content.json (docs/MODEL.md, Validation rules; docs/SPEC.md §7.8 step 2): section content a
// reader validates, each vector one section's protobuf bytes with the violations it MUST report,
// written here by hand from MODEL.md (never read back from the library). The programme_followup
// section is covered rule by rule, with the legal basis its grant needs (a sharing_ledger grant);
// the steps of the service (interventions' service_steps, an activity's service_step) likewise.
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "generator.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "kartla/v1/programme_followup.pb.h"
#include "kartla/v1/sharing_ledger.pb.h"

namespace kartla::vectors {
namespace {

struct Expected {
  std::string field;
  std::string rule;
};

template <typename M>
M from_json(const std::string& json) {
  M message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &message, options);
  if (!status.ok()) throw std::runtime_error("content.json: sample JSON does not parse: " + std::string(status.message()));
  return message;
}

template <typename M>
std::string json_of(const M& message) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok())
    throw std::runtime_error("content.json: cannot print sample JSON");
  return out;
}

class ContentVectors {
 public:
  template <typename M>
  void add(const std::string& section, const std::string& name, const std::string& comment, const M& message,
           const std::vector<Expected>& violations) {
    std::string bytes;
    if (!message.SerializeToString(&bytes)) throw std::runtime_error("content.json: cannot serialize " + name);
    Json v = Json::object();
    v.add("tc_id", Json::number(++count_));
    v.add("name", Json::string(name));
    v.add("section", Json::string(section));
    v.add("comment", Json::string(comment));
    v.add("content", Json::hex(ByteView(bytes)));
    v.add("content_json", Json::string(json_of(message)));
    v.add("valid", Json::boolean(violations.empty()));
    Json list = Json::array();
    for (const Expected& e : violations) {
      Json item = Json::object();
      item.add("field", Json::string(e.field));
      item.add("rule", Json::string(e.rule));
      list.push(std::move(item));
    }
    v.add("violations", std::move(list));
    vectors_.push(std::move(v));
  }

  Json take() { return std::move(vectors_); }

 private:
  uint64_t count_ = 0;
  Json vectors_ = Json::array();
};

// ---- programme_followup: a participant of STEGA who moved through three phases and left for work.

const char* const kFollowup = R"({
  "id": "followup-1", "programme_name": "STEGA", "funding_ref": "23-073-S02",
  "project_owner": {"se_orgnr": "2120001140", "name": "Landskrona stad"},
  "gender": {"system": "kartla-gender", "code": "woman"},
  "status_at_entry": {"system": "kartla-labour-market-status", "code": "long-term-unemployed"},
  "entered_on": {"year": 2025, "month": 2, "day": 3},
  "phases": [
    {"phase": {"instrument_id": "stega-phase", "instrument_version": "2", "step": 1}, "entered_on": {"year": 2025, "month": 2, "day": 3}},
    {"phase": {"instrument_id": "stega-phase", "instrument_version": "2", "step": 2}, "entered_on": {"year": 2025, "month": 6, "day": 2}},
    {"phase": {"instrument_id": "stega-phase", "instrument_version": "2", "step": 3}, "entered_on": {"year": 2025, "month": 10, "day": 6}}],
  "exited_on": {"year": 2026, "month": 3, "day": 31},
  "status_at_exit": {"system": "kartla-followup-outcome", "code": "employed"},
  "status_six_months_after_exit": {"system": "kartla-followup-outcome", "code": "employed"},
  "participation": [
    {"from": {"year": 2025, "month": 2, "day": 3}, "percent_of_full_time": 25},
    {"from": {"year": 2025, "month": 6, "day": 2}, "percent_of_full_time": 50},
    {"from": {"year": 2025, "month": 10, "day": 6}, "percent_of_full_time": 100}],
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2026-04-01T09:00:00Z"}
})";

void followup_vectors(ContentVectors& out) {
  using F = v1::ProgrammeFollowup;
  const F base = from_json<F>(kFollowup);
  out.add("programme_followup", "followup_full", "every field set: three STEGA phases, left for work, in work six months later",
          base, {});
  F still = base;
  still.clear_exited_on();
  still.clear_status_at_exit();
  still.clear_status_six_months_after_exit();
  still.clear_gender();
  out.add("programme_followup", "followup_still_taking_part",
          "no exit yet, no outcome, gender unset (counts as not stated): valid", still, {});

  struct Case {
    const char* name;
    const char* comment;
    std::function<void(F&)> change;
    std::vector<Expected> expected;
  };
  const std::vector<Case> cases = {
      {"followup_no_programme", "programme_name empty", [](F& f) { f.clear_programme_name(); },
       {{"programme_name", "followup-programme-required"}}},
      {"followup_gender_unknown_code", "gender \"female\": not a kartla-gender code",
       [](F& f) { f.mutable_gender()->set_code("female"); }, {{"gender", "kartla-gender-code"}}},
      {"followup_gender_other_system", "gender from kartla-followup-outcome (a valid code there)",
       [](F& f) {
         f.mutable_gender()->set_system("kartla-followup-outcome");
         f.mutable_gender()->set_code("other");
       },
       {{"gender", "coding-system-not-allowed"}}},
      {"followup_status_at_entry_unknown", "status_at_entry \"arbetslos\"",
       [](F& f) { f.mutable_status_at_entry()->set_code("arbetslos"); },
       {{"status_at_entry", "kartla-labour-market-status-code"}}},
      {"followup_status_at_exit_unknown", "status_at_exit \"work\"", [](F& f) { f.mutable_status_at_exit()->set_code("work"); },
       {{"status_at_exit", "kartla-followup-outcome-code"}}},
      {"followup_six_months_unknown", "status_six_months_after_exit \"Employed\" (codes are lower case)",
       [](F& f) { f.mutable_status_six_months_after_exit()->set_code("Employed"); },
       {{"status_six_months_after_exit", "kartla-followup-outcome-code"}}},
      {"followup_phase_zero", "the second phase transition names phase 0",
       [](F& f) { f.mutable_phases(1)->mutable_phase()->set_step(0); }, {{"phases[1].phase", "followup-phase-required"}}},
      {"followup_phase_no_scheme", "the only phase transition names no phase scheme",
       [](F& f) {
         f.mutable_phases()->DeleteSubrange(1, 2);
         f.mutable_phases(0)->mutable_phase()->clear_instrument_id();
       },
       {{"phases[0].phase", "followup-phase-required"}}},
      {"followup_phase_no_date", "the second phase transition has no date",
       [](F& f) { f.mutable_phases(1)->clear_entered_on(); }, {{"phases[1].entered_on", "followup-phase-date-required"}}},
      {"followup_phase_two_schemes", "the third phase transition names another phase scheme",
       [](F& f) { f.mutable_phases(2)->mutable_phase()->set_instrument_id("other-phases"); },
       {{"phases[2].phase.instrument_id", "followup-phase-scheme"}}},
      {"followup_phase_out_of_order", "phase 3 entered 2025-05-01, before phase 2 (2025-06-02)",
       [](F& f) {
         f.mutable_phases(2)->mutable_entered_on()->set_month(5);
         f.mutable_phases(2)->mutable_entered_on()->set_day(1);
       },
       {{"phases[2].entered_on", "followup-phase-order"}}},
      {"followup_exit_before_entry", "exited 2025-01-31, before entering 2025-02-03",
       [](F& f) {
         f.mutable_exited_on()->set_year(2025);
         f.mutable_exited_on()->set_month(1);
       },
       {{"exited_on", "followup-exit-order"}}},
      {"followup_exit_not_a_date", "exited on 2026-02-30", [](F& f) { f.mutable_exited_on()->set_month(2); f.mutable_exited_on()->set_day(30); },
       {{"exited_on", "date-real"}}},
      {"followup_outcome_without_exit", "a status at exit but no exited_on (and no six-month status)",
       [](F& f) {
         f.clear_exited_on();
         f.clear_status_six_months_after_exit();
       },
       {{"status_at_exit", "followup-outcome-needs-exit"}}},
      {"followup_six_months_without_exit", "a status six months after exit but no exited_on",
       [](F& f) {
         f.clear_exited_on();
         f.clear_status_at_exit();
       },
       {{"status_six_months_after_exit", "followup-outcome-needs-exit"}}},
      {"followup_degree_zero", "participation degree 0 %", [](F& f) { f.mutable_participation(0)->set_percent_of_full_time(0); },
       {{"participation[0].percent_of_full_time", "participation-degree-range"}}},
      {"followup_degree_over_full_time", "participation degree 101 %",
       [](F& f) { f.mutable_participation(2)->set_percent_of_full_time(101); },
       {{"participation[2].percent_of_full_time", "participation-degree-range"}}},
      {"followup_degree_no_date", "the second participation degree has no date",
       [](F& f) { f.mutable_participation(1)->clear_from(); }, {{"participation[1].from", "participation-date-required"}}},
      {"followup_degree_out_of_order", "the third participation degree dated 2025-03-01, before the second",
       [](F& f) {
         f.mutable_participation(2)->mutable_from()->set_month(3);
         f.mutable_participation(2)->mutable_from()->set_day(1);
       },
       {{"participation[2].from", "participation-order"}}},
      {"followup_no_id", "the entry has no id", [](F& f) { f.clear_id(); }, {{"id", "entry-id-required"}}},
      {"followup_no_assertion", "the entry has no provenance", [](F& f) { f.clear_assertion(); },
       {{"assertion", "assertion-required"}}},
  };
  for (const Case& c : cases) {
    F f = base;
    c.change(f);
    out.add("programme_followup", c.name, c.comment, f, c.expected);
  }
}

// ---- the legal basis: a sharing_ledger grant naming programme_followup.

const char* const kGrant = R"({"grants": [{
  "id": "grant-followup", "agency_fingerprint": "3f2a 9c41 7d0e 55b8 a1c3 0f6e 2b9d 8e74",
  "agency_name": "Landskrona stad", "sections": ["programme_followup"], "purpose": "STEGA uppfoljning",
  "gdpr_art6_basis": {"system": "gdpr-art6", "code": "6.1.e"},
  "granted_at": "2026-04-01T09:00:00Z"}]})";

void basis_vectors(ContentVectors& out) {
  using L = v1::SharingLedger;
  const L base = from_json<L>(kGrant);
  out.add("sharing_ledger", "followup_grant_public_task", "programme_followup shared under Art. 6(1)(e): valid", base, {});
  L legal = base;
  legal.mutable_grants(0)->mutable_gdpr_art6_basis()->set_code("6.1.c");
  out.add("sharing_ledger", "followup_grant_legal_obligation", "programme_followup shared under Art. 6(1)(c): valid", legal, {});
  L consent = base;
  consent.mutable_grants(0)->mutable_gdpr_art6_basis()->set_code("6.1.a");
  out.add("sharing_ledger", "followup_grant_consent", "programme_followup shared under consent, Art. 6(1)(a)", consent,
          {{"grants[0].gdpr_art6_basis", "grant-followup-basis"}});
  L none = base;
  none.mutable_grants(0)->clear_gdpr_art6_basis();
  out.add("sharing_ledger", "followup_grant_no_basis", "programme_followup shared with no Art. 6 basis", none,
          {{"grants[0].gdpr_art6_basis", "grant-followup-basis"}});
}

// ---- steps of the service: an intervention taken part in at several steps, one of them twice.

const char* const kInterventions = R"({"entries": [{
  "id": "int-guidance", "title": "Yksiloohjaus",
  "type": {"system": "kartla-intervention-type", "code": "guidance"},
  "period": {"start": {"year": 2019, "month": 1, "day": 14}, "end": {"year": 2020, "month": 6, "day": 30}},
  "service_steps": [
    {"step": {"system": "vasa-participation-step", "code": "resources-and-goals", "version": "1"},
     "period": {"start": {"year": 2019, "month": 1, "day": 14}, "end": {"year": 2019, "month": 12, "day": 20}}},
    {"step": {"system": "vasa-participation-step", "code": "life-skills", "version": "1"},
     "period": {"start": {"year": 2019, "month": 9, "day": 2}, "end": {"year": 2019, "month": 11, "day": 29}}},
    {"step": {"system": "vasa-participation-step", "code": "guidance-onward", "version": "1"},
     "period": {"start": {"year": 2020, "month": 1, "day": 7}}},
    {"step": {"system": "vasa-participation-step", "code": "life-skills", "version": "1"},
     "period": {"start": {"year": 2020, "month": 3, "day": 2}}}],
  "assertion": {"source": "PROFESSIONAL_OBSERVED", "asserted_at": "2020-06-30T12:00:00Z",
                "asserted_by_org": {"fi_ytunnus": "0209602-6", "name": "Vaasan kaupunki"}}}]})";

void service_step_vectors(ContentVectors& out) {
  using I = v1::Interventions;
  const I base = from_json<I>(kInterventions);
  out.add("interventions", "service_steps_several_and_again",
          "four steps of the service, two at once and life-skills taken part in twice: valid", base, {});
  struct Case {
    const char* name;
    const char* comment;
    std::function<void(v1::ServiceStepParticipation&)> change;
    std::vector<Expected> expected;
  };
  const std::string at = "entries[0].service_steps[1]";
  const std::vector<Case> cases = {
      {"service_step_unknown_code", "step \"step-2\": not a vasa-participation-step code",
       [](auto& s) { s.mutable_step()->set_code("step-2"); }, {{at + ".step", "vasa-participation-step-code"}}},
      {"service_step_no_version", "the step's Coding has no version (the list is pinned to edition 1)",
       [](auto& s) { s.mutable_step()->clear_version(); }, {{at + ".step", "coding-version-required"}}},
      {"service_step_other_edition", "the step's Coding names edition 2, which this list does not have",
       [](auto& s) { s.mutable_step()->set_version("2"); }, {{at + ".step", "coding-version-mismatch"}}},
      {"service_step_other_system", "an intervention type where a step of the service belongs",
       [](auto& s) {
         s.mutable_step()->set_system("kartla-intervention-type");
         s.mutable_step()->set_code("guidance");
         s.mutable_step()->clear_version();
       },
       {{at + ".step", "coding-system-not-allowed"}}},
      {"service_step_missing", "a participation with dates but no step", [](auto& s) { s.clear_step(); },
       {{at + ".step", "service-step-required"}}},
      {"service_step_no_start", "a participation with an end but no start",
       [](auto& s) { s.mutable_period()->clear_start(); }, {{at + ".period.start", "service-step-start-required"}}},
      {"service_step_ends_before_start", "a participation that ends 2019-08-30, before it starts 2019-09-02",
       [](auto& s) {
         s.mutable_period()->mutable_end()->set_month(8);
         s.mutable_period()->mutable_end()->set_day(30);
       },
       {{at + ".period.end", "period-order"}}},
  };
  for (const Case& c : cases) {
    I i = base;
    c.change(*i.mutable_entries(0)->mutable_service_steps(1));
    out.add("interventions", c.name, c.comment, i, c.expected);
  }

  const v1::ActionPlan plan = from_json<v1::ActionPlan>(R"({"activities": [{
    "id": "act-group", "title": "Ryhmatoiminta",
    "service_step": {"system": "vasa-participation-step", "code": "life-skills", "version": "1"},
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2018-10-08T11:00:00Z"}}],
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2018-10-08T11:00:00Z"}})");
  out.add("action_plan", "activity_service_step", "an activity that is part of step 2 of the service: valid", plan, {});
  v1::ActionPlan wrong = plan;
  wrong.mutable_activities(0)->mutable_service_step()->set_code("2");
  out.add("action_plan", "activity_service_step_unknown", "an activity naming step \"2\" instead of its code", wrong,
          {{"activities[0].service_step", "vasa-participation-step-code"}});
}

}  // namespace

Json content_vectors() {
  ContentVectors vectors;
  followup_vectors(vectors);
  basis_vectors(vectors);
  service_step_vectors(vectors);
  Json doc = Json::object();
  doc.add("file", Json::string("content.json"));
  doc.add("spec", Json::string("docs/MODEL.md (Validation rules; programme_followup; ServiceStepParticipation); "
                               "docs/SPEC.md section 7.8 step 2"));
  doc.add("notes", Json::string(
                       "Each vector is one section's content as protobuf bytes (content; content_json is the same "
                       "in protobuf JSON, for reading). A reader validating it with the rules of docs/MODEL.md MUST "
                       "report exactly the violations listed (field path and rule id, in field order), and none when "
                       "valid is true. Negative vectors change one thing in the first valid vector of their section."));
  doc.add("vectors", vectors.take());
  return doc;
}

}  // namespace kartla::vectors
