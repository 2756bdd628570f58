// SPDX-License-Identifier: Apache-2.0
// One case per section-level validation rule: a valid section that passes cleanly and a minimal
// change that breaks exactly that rule, reported at the expected field path.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/competences.pb.h"
#include "kartla/v1/documents.pb.h"
#include "kartla/v1/education.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "kartla/v1/languages.pb.h"
#include "kartla/v1/notes.pb.h"
#include "kartla/v1/profile.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "kartla/v1/work_experience.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

using test::describe;
using test::has_violation;

struct RuleCase {
  std::string rule;
  const google::protobuf::Message* type;
  std::string valid;
  std::string invalid;
  std::string path;
};

const std::string A = R"("assertion":{"source":"SELF_REPORTED","asserted_at":"2024-01-01T00:00:00Z"})";
const std::string ORG = R"({"se_orgnr":"2120001140","name":"Landskrona stad"})";

// Languages sections with one entry whose body is given.
std::string lang(const std::string& body) {
  return R"({"entries":[{"id":"l1","language":{"system":"iso-639-3","code":"swe"},)" + body + A + "}]}";
}
std::string sfi(const std::string& sfi_body) { return lang(R"("sfi":{)" + sfi_body + "},"); }
std::string profile(const std::string& body) { return "{" + body + A + "}"; }
std::string education(const std::string& entries) { return R"({"entries":[)" + entries + "]}"; }
std::string edu(const std::string& id, const std::string& body) {
  return R"({"id":")" + id + R"(","title":"x",)" + body + A + "}";
}
std::string competence(const std::string& body) {
  return R"({"entries":[{"id":"c1",)" + body + A + "}]}";
}
std::string validation(const std::string& body) {
  return competence(R"("free_text":"Kallskänk","validation":{)" + body + "},");
}
const std::string VALIDATION_OK =
    R"("assessor_org":)" + ORG + R"(,"certificate_document_id":"doc-1","credits":5)";
std::string work_exp(const std::string& body) {
  return R"({"entries":[{"id":"w1",)" + body + A + "}]}";
}
std::string work_ability(const std::string& body) {
  return R"({"entries":[{"id":"wa1",)" + body + A + "}]}";
}
std::string plan(const std::string& goals, const std::string& activities) {
  return R"({"goals":[)" + goals + R"(],"activities":[)" + activities + "]," + A + "}";
}
// A plan with no goals, the agencies involved and its coordination meetings (JSON lists' insides).
std::string coordination(const std::string& involved, const std::string& meetings) {
  return R"({"involved":[)" + involved + R"(],"meetings":[)" + meetings + "]," + A + "}";
}
std::string involved(const std::string& id, const std::string& body,
                     const std::string& contacts = R"({"name":"Eva Holm","since":{"year":2024,"month":9}})") {
  return R"({"id":")" + id + R"(","agency":{"se_orgnr":"2120001140","name":"Landskrona stad"},)" +
         R"("role":{"system":"kartla-agency-role","code":"municipal_labour_unit"},)" + body + R"("contacts":[)" +
         contacts + "]," + A + "}";
}
const std::string kSince = R"("since":{"year":2024,"month":9},)";
std::string meeting(const std::string& body) { return R"({"id":"m1",)" + body + A + "}"; }
const std::string kMeetingDay = R"("date":{"year":2025,"month":2,"day":3},)";

std::string goal(const std::string& id, const std::string& body) {
  return R"({"id":")" + id + R"(","text":"x",)" + body + A + "}";
}
std::string activity(const std::string& body) { return R"({"id":"a1","title":"x",)" + body + A + "}"; }
std::string interventions(const std::string& entries) { return R"({"entries":[)" + entries + "]}"; }
std::string intervention(const std::string& id, const std::string& body) {
  return R"({"id":")" + id + R"(",)" + body + A + "}";
}
std::string document(const std::string& body) {
  return R"({"entries":[{"id":"d1",)" + body + A + "}]}";
}
std::string note(const std::string& body, const std::string& assertion_time = "2024-01-01T00:00:00Z") {
  return R"({"entries":[{"id":"n1",)" + body +
         R"("assertion":{"source":"SELF_REPORTED","asserted_at":")" + assertion_time + R"("}}]})";
}

// Instruments for progress and work ability.
const std::string INSTR_1_5 =
    R"({"id":"demo","version":"1","indicators":[)"
    R"({"code":"self-only","scale":{"min":1,"max":5},"rater":"PARTICIPANT"},)"
    R"({"code":"pro-only","scale":{"min":1,"max":5},"rater":"PROFESSIONAL"},)"
    R"({"code":"per-goal","scale":{"min":-2,"max":2},"per_target":true}]})";
const std::string STEPS =
    R"({"id":"steps","version":"1","indicators":[{"code":"step","scale":{"min":1,"max":3}}]})";
const std::string HEALTH =
    R"({"id":"health","version":"1","health_data":true,"indicators":[{"code":"x","scale":{"min":0,"max":10}}]})";
std::string progress(const std::string& instruments, const std::string& entry_body) {
  return R"({"instruments":[)" + instruments + R"(],"entries":[{"id":"p1",)" + entry_body + A + "}]}";
}
std::string assessed(const std::string& scores, const std::string& respondent = "RESPONDENT_PARTICIPANT",
                     const std::string& instrument = R"({"id":"demo","version":"1"})") {
  return R"("instrument":)" + instrument + R"(,"respondent":")" + respondent + R"(","scores":[)" + scores + "],";
}

std::string ledger(const std::string& grant_body, const std::string& events = "") {
  return R"({"grants":[{"id":"g1","agency_fingerprint":"AB12-CD34","purpose":"kartläggning",)"
         R"("granted_at":"2024-01-01T00:00:00Z",)" +
         grant_body + R"(}],"access_events":[)" + events + "]}";
}
const std::string SECTIONS_OK = R"("sections":["profile","education"])";
std::string event(const std::string& id, const std::string& body) {
  return R"({"id":")" + id + R"(","grant_id":"g1",)" + body + "}";
}
const std::string H1 = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";  // 32 bytes of 0x01
const std::string H2 = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";  // 32 bytes of 0x02

std::vector<RuleCase> cases() {
  const auto* P = &v1::Profile::default_instance();
  const auto* E = &v1::Education::default_instance();
  const auto* W = &v1::WorkExperience::default_instance();
  const auto* C = &v1::Competences::default_instance();
  const auto* L = &v1::Languages::default_instance();
  const auto* WA = &v1::WorkAbility::default_instance();
  const auto* AP = &v1::ActionPlan::default_instance();
  const auto* PR = &v1::Progress::default_instance();
  const auto* I = &v1::Interventions::default_instance();
  const auto* D = &v1::Documents::default_instance();
  const auto* N = &v1::Notes::default_instance();
  const auto* SL = &v1::SharingLedger::default_instance();
  return {
      // Identifiers inside a section: the path names the oneof member.
      {"se-personnummer-luhn", P, profile(R"("national_id":{"se_personnummer":"196408233234"},)"),
       profile(R"("national_id":{"se_personnummer":"196408233243"},)"), "national_id.se_personnummer"},
      {"se-samordningsnummer-date", P, profile(R"("national_id":{"se_samordningsnummer":"197010632391"},)"),
       profile(R"("national_id":{"se_samordningsnummer":"197010032391"},)"), "national_id.se_samordningsnummer"},
      {"fi-henkilotunnus-check", P, profile(R"("national_id":{"fi_henkilotunnus":"131052-308T"},)"),
       profile(R"("national_id":{"fi_henkilotunnus":"131052-308A"},)"), "national_id.fi_henkilotunnus"},
      {"national-id-empty", P, profile(""), profile(R"("national_id":{},)"), "national_id"},
      {"se-orgnr-luhn", W, work_exp(R"("employer":{"se_orgnr":"5560360793"},)"),
       work_exp(R"("employer":{"se_orgnr":"5560360794"},)"), "entries[0].employer.se_orgnr"},
      {"fi-ytunnus-check", W, work_exp(R"("employer":{"fi_ytunnus":"0209602-6"},)"),
       work_exp(R"("employer":{"fi_ytunnus":"0209602-7"},)"), "entries[0].employer.fi_ytunnus"},
      {"orgref-foreign-country", W,
       work_exp(R"("employer":{"foreign_id":"HRB 1234","country":{"system":"iso-3166-1","code":"DE"}},)"),
       work_exp(R"("employer":{"foreign_id":"HRB 1234"},)"), "entries[0].employer.country"},
      {"orgref-empty", W, work_exp(R"("employer":{"name":"Bageri"},)"), work_exp(R"("employer":{"unit":"kök"},)"),
       "entries[0].employer"},
      // Codings.
      {"coding-system-required", L, lang(""),
       R"({"entries":[{"id":"l1","language":{"code":"swe"},)" + A + "}]}", "entries[0].language"},
      {"coding-system-unknown", L, lang(""),
       R"({"entries":[{"id":"l1","language":{"system":"iso-639-9","code":"swe"},)" + A + "}]}",
       "entries[0].language"},
      {"coding-system-not-allowed", L, lang(""),
       R"({"entries":[{"id":"l1","language":{"system":"cefr","code":"B1"},)" + A + "}]}", "entries[0].language"},
      {"coding-code-required", L, lang(""),
       R"({"entries":[{"id":"l1","language":{"system":"iso-639-3"},)" + A + "}]}", "entries[0].language"},
      {"coding-version-required", W,
       work_exp(R"("occupation":{"system":"jobtech","code":"DJh5_yyF_hEM","version":"22"},)"),
       work_exp(R"("occupation":{"system":"jobtech","code":"DJh5_yyF_hEM"},)"), "entries[0].occupation"},
      {"coding-version-mismatch", W, work_exp(R"("ssyk":{"system":"ssyk-2012","code":"5311","version":"2012"},)"),
       work_exp(R"("ssyk":{"system":"ssyk-2012","code":"5311","version":"1996"},)"), "entries[0].ssyk"},
      {"cefr-level", L, lang(R"("writing":{"system":"cefr","code":"C2"},)"),
       lang(R"("writing":{"system":"cefr","code":"B3"},)"), "entries[0].writing"},
      // Dates.
      {"date-real", E, education(edu("e1", R"("period":{"start":{"year":2020,"month":2,"day":29}},)")),
       education(edu("e1", R"("period":{"start":{"year":2021,"month":2,"day":29}},)")), "entries[0].period.start"},
      {"period-order", E,
       education(edu("e1", R"("period":{"start":{"year":2019,"month":8},"end":{"year":2019,"month":8,"day":1}},)")),
       education(edu("e1", R"("period":{"start":{"year":2019,"month":8},"end":{"year":2019,"month":7}},)")),
       "entries[0].period.end"},
      // Entries and provenance.
      {"entry-id-required", L, lang(""),
       R"({"entries":[{"language":{"system":"iso-639-3","code":"swe"},)" + A + "}]}", "entries[0].id"},
      {"entry-id-shape", L, lang(""),
       R"({"entries":[{"id":"l 1","language":{"system":"iso-639-3","code":"swe"},)" + A + "}]}", "entries[0].id"},
      {"entry-id-unique", E, education(edu("e1", "") + "," + edu("e2", "")),
       education(edu("e1", "") + "," + edu("e1", "")), "entries[1].id"},
      {"assertion-required", L, lang(""), R"({"entries":[{"id":"l1","language":{"system":"iso-639-3","code":"swe"}}]})",
       "entries[0].assertion"},
      {"assertion-source-required", N, note(R"("text":"x",)"),
       R"({"entries":[{"id":"n1","text":"x","assertion":{"asserted_at":"2024-01-01T00:00:00Z"}}]})",
       "entries[0].assertion.source"},
      {"assertion-time-required", N, note(R"("text":"x",)"),
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"SELF_REPORTED"}}]})", "entries[0].assertion.asserted_at"},
      {"assertion-org-required", N,
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"PROFESSIONAL_OBSERVED","asserted_by_org":)" + ORG +
           R"(,"asserted_at":"2024-01-01T00:00:00Z"}}]})",
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"PROFESSIONAL_OBSERVED","asserted_by_role":"coach",)"
       R"("asserted_at":"2024-01-01T00:00:00Z"}}]})",
       "entries[0].assertion.asserted_by_org"},
      {"assertion-method-required", N,
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"ASSESSED_INSTRUMENT","asserted_at":"2024-01-01T00:00:00Z",)"
       R"("method":{"system":"kartla-instrument","code":"gas","version":"1"}}}]})",
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"ASSESSED_INSTRUMENT","asserted_at":"2024-01-01T00:00:00Z"}}]})",
       "entries[0].assertion.method"},
      {"assertion-evidence-required", N,
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"CREDENTIAL","asserted_by_org":)" + ORG +
           R"(,"asserted_at":"2024-01-01T00:00:00Z","evidence_document_ids":["doc-1"]}}]})",
       R"({"entries":[{"id":"n1","text":"x","assertion":{"source":"CREDENTIAL","asserted_by_org":)" + ORG +
           R"(,"asserted_at":"2024-01-01T00:00:00Z"}}]})",
       "entries[0].assertion.evidence_document_ids"},
      // Profile.
      {"contact-email-shape", P, profile(R"("contact":{"email":"a.b@example.org"},)"),
       profile(R"("contact":{"email":"a.b@example"},)"), "contact.email"},
      {"contact-phone-e164", P, profile(R"("contact":{"phone":"+46701740605"},)"),
       profile(R"("contact":{"phone":"070-1740605"},)"), "contact.phone"},
      {"interpreter-language-required", P,
       profile(R"("interpreter":{"needed":true,"language":{"system":"iso-639-3","code":"kmr"}},)"),
       profile(R"("interpreter":{"needed":true},)"), "interpreter.language"},
      // Education.
      {"education-highest-completed", E,
       education(edu("e1", R"("status":"COMPLETED","highest_completed":true,)") + "," + edu("e2", R"("status":"COMPLETED",)")),
       education(edu("e1", R"("status":"COMPLETED","highest_completed":true,)") + "," +
                 edu("e2", R"("status":"COMPLETED","highest_completed":true,)")),
       "entries[1].highest_completed"},
      {"nqf-eqf-consistent", E,
       education(edu("e1", R"("nqf_level":{"system":"seqf","code":"4"},"eqf_level":{"system":"eqf","code":"4"},)")),
       education(edu("e1", R"("nqf_level":{"system":"seqf","code":"4"},"eqf_level":{"system":"eqf","code":"5"},)")),
       "entries[0].eqf_level"},
      // Competences.
      {"competence-skill-or-text", C, competence(R"("free_text":"Kallskänk",)"), competence(R"("self_rating":3,)"),
       "entries[0]"},
      {"self-rating-range", C, competence(R"("free_text":"x","self_rating":5,)"),
       competence(R"("free_text":"x","self_rating":6,)"), "entries[0].self_rating"},
      {"validation-assessor-required", C, validation(VALIDATION_OK),
       validation(R"("certificate_document_id":"doc-1","credits":5)"), "entries[0].validation.assessor_org"},
      {"validation-certificate-required", C, validation(VALIDATION_OK),
       validation(R"("assessor_org":)" + ORG + R"(,"credits":5)"), "entries[0].validation.certificate_document_id"},
      {"validation-credits-range", C, validation(VALIDATION_OK),
       validation(R"("assessor_org":)" + ORG + R"(,"certificate_document_id":"doc-1","credits":-1)"),
       "entries[0].validation.credits"},
      {"ocn-level", C, validation(VALIDATION_OK + R"(,"level":{"system":"ocn-level","code":"3"})"),
       validation(VALIDATION_OK + R"(,"level":{"system":"ocn-level","code":"4"})"), "entries[0].validation.level"},
      // Languages and SFI.
      {"language-required", L, lang(""), R"({"entries":[{"id":"l1",)" + A + "}]}", "entries[0].language"},
      {"sfi-study-path-required", L,
       sfi(R"("study_path":{"system":"sfi-studievag","code":"1"},"current_course":{"system":"sfi-kurs","code":"A"})"),
       sfi(R"("current_course":{"system":"sfi-kurs","code":"A"})"), "entries[0].sfi.study_path"},
      {"sfi-course-in-study-path", L,
       sfi(R"("study_path":{"system":"sfi-studievag","code":"2"},"current_course":{"system":"sfi-kurs","code":"B"})"),
       sfi(R"("study_path":{"system":"sfi-studievag","code":"3"},"current_course":{"system":"sfi-kurs","code":"B"})"),
       "entries[0].sfi.current_course"},
      {"sfi-national-test-course", L,
       sfi(R"("study_path":{"system":"sfi-studievag","code":"1"},"results":[{"course":{"system":"sfi-kurs","code":"B"},)"
           R"("grade":{"system":"se-betyg","code":"E"},"national_test_taken":true}])"),
       sfi(R"("study_path":{"system":"sfi-studievag","code":"1"},"results":[{"course":{"system":"sfi-kurs","code":"A"},)"
           R"("grade":{"system":"se-betyg","code":"E"},"national_test_taken":true}])"),
       "entries[0].sfi.results[0].national_test_taken"},
      // Work ability.
      {"icf-qualifier-range", WA, work_ability(R"("icf":[{"category":{"system":"icf","code":"d845"},"qualifier_1":9}],)"),
       work_ability(R"("icf":[{"category":{"system":"icf","code":"d845"},"qualifier_1":5}],)"), "entries[0].icf[0].qualifier_1"},
      {"icf-environment-sign", WA,
       work_ability(R"("icf":[{"category":{"system":"icf","code":"e310"},"qualifier_1":2,"environment":"FACILITATOR"}],)"),
       work_ability(R"("icf":[{"category":{"system":"icf","code":"d240"},"qualifier_1":2,"environment":"FACILITATOR"}],)"),
       "entries[0].icf[0].environment"},
      {"hours-per-week-range", WA, work_ability(R"("capacity":{"hours_per_week":0},)"),
       work_ability(R"("capacity":{"hours_per_week":61},)"), "entries[0].capacity.hours_per_week"},
      // Instruments and scores.
      {"instrument-id", PR, progress(STEPS, ""), progress(R"({"id":"Steps 1","version":"1","indicators":[{"code":"s","scale":{"min":1,"max":3}}]})", ""),
       "instruments[0].id"},
      {"instrument-version-required", PR, progress(STEPS, ""),
       progress(R"({"id":"steps","indicators":[{"code":"s","scale":{"min":1,"max":3}}]})", ""), "instruments[0].version"},
      {"instrument-indicators-required", PR, progress(STEPS, ""), progress(R"({"id":"steps","version":"1"})", ""),
       "instruments[0].indicators"},
      {"instrument-indicator-code", PR, progress(STEPS, ""),
       progress(R"({"id":"steps","version":"1","indicators":[{"code":"s","scale":{"min":1,"max":3}},{"code":"s","scale":{"min":1,"max":3}}]})", ""),
       "instruments[0].indicators[1].code"},
      {"instrument-scale-range", PR, progress(STEPS, ""),
       progress(R"({"id":"steps","version":"1","indicators":[{"code":"s","scale":{"min":3,"max":3}}]})", ""),
       "instruments[0].indicators[0].scale"},
      {"instrument-scale-point", PR,
       progress(R"({"id":"steps","version":"1","indicators":[{"code":"s","scale":{"min":1,"max":3,"points":[{"value":3}]}}]})", ""),
       progress(R"({"id":"steps","version":"1","indicators":[{"code":"s","scale":{"min":1,"max":3,"points":[{"value":4}]}}]})", ""),
       "instruments[0].indicators[0].scale.points[0]"},
      {"instrument-definition-unique", PR, progress(STEPS + "," + INSTR_1_5, ""), progress(STEPS + "," + STEPS, ""),
       "instruments[1]"},
      {"score-instrument-required", PR, progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":3})")),
       progress(INSTR_1_5, R"("respondent":"RESPONDENT_PARTICIPANT","scores":[{"indicator":"self-only","value":3}],)"),
       "entries[0].instrument"},
      {"score-instrument-unknown", PR, progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":3})")),
       progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":3})", "RESPONDENT_PARTICIPANT",
                                    R"({"id":"demo","version":"2"})")),
       "entries[0].instrument"},
      {"respondent-required", PR, progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":3})")),
       progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":3})", "RESPONDENT_UNSPECIFIED")),
       "entries[0].respondent"},
      {"score-indicator-unknown", PR, progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":3})")),
       progress(INSTR_1_5, assessed(R"({"indicator":"nosuch","value":3})")), "entries[0].scores[0].indicator"},
      {"score-duplicate", PR,
       progress(INSTR_1_5, assessed(R"({"indicator":"per-goal","value":1,"target_id":"g1"},{"indicator":"per-goal","value":0,"target_id":"g2"})")),
       progress(INSTR_1_5, assessed(R"({"indicator":"per-goal","value":1,"target_id":"g1"},{"indicator":"per-goal","value":0,"target_id":"g1"})")),
       "entries[0].scores[1]"},
      {"score-out-of-scale", PR, progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":5})")),
       progress(INSTR_1_5, assessed(R"({"indicator":"self-only","value":6})")), "entries[0].scores[0].value"},
      {"score-target-required", PR, progress(INSTR_1_5, assessed(R"({"indicator":"per-goal","value":-2,"target_id":"g1"})")),
       progress(INSTR_1_5, assessed(R"({"indicator":"per-goal","value":-2})")), "entries[0].scores[0].target_id"},
      {"score-rater-mismatch", PR,
       progress(INSTR_1_5, assessed(R"({"indicator":"pro-only","value":2})", "RESPONDENT_PROFESSIONAL")),
       progress(INSTR_1_5, assessed(R"({"indicator":"pro-only","value":2})", "RESPONDENT_PARTICIPANT")),
       "entries[0].scores[0]"},
      {"health-instrument-outside-work-ability", PR, progress(HEALTH, ""),
       progress(HEALTH, assessed(R"({"indicator":"x","value":4})", "RESPONDENT_PARTICIPANT", R"({"id":"health","version":"1"})")),
       "entries[0].instrument"},
      {"step-instrument-unknown", PR, progress(STEPS, R"("step":{"instrument_id":"steps","instrument_version":"1","step":3},)"),
       progress(STEPS, R"("step":{"instrument_id":"phases","instrument_version":"1","step":3},)"), "entries[0].step"},
      {"step-out-of-scale", PR, progress(STEPS, R"("step":{"instrument_id":"steps","instrument_version":"1","step":1},)"),
       progress(STEPS, R"("step":{"instrument_id":"steps","instrument_version":"1","step":4},)"), "entries[0].step.step"},
      // Action plan.
      {"goal-parent-unknown", AP, plan(goal("g1", "") + "," + goal("g2", R"("parent_goal_id":"g1",)"), ""),
       plan(goal("g1", "") + "," + goal("g2", R"("parent_goal_id":"g9",)"), ""), "goals[1].parent_goal_id"},
      {"goal-parent-cycle", AP, plan(goal("g1", "") + "," + goal("g2", R"("parent_goal_id":"g1",)"), ""),
       plan(goal("g1", R"("parent_goal_id":"g2",)") + "," + goal("g2", R"("parent_goal_id":"g1",)"), ""),
       "goals[0].parent_goal_id"},
      {"activity-goal-unknown", AP, plan(goal("g1", ""), activity(R"("goal_ids":["g1"],)")),
       plan(goal("g1", ""), activity(R"("goal_ids":["g2"],)")), "activities[0].goal_ids[0]"},
      {"activity-done-needs-end", AP,
       plan(goal("g1", ""), activity(R"("status":"PLAN_STATUS_DONE","actual":{"start":{"year":2024},"end":{"year":2024}},)")),
       plan(goal("g1", ""), activity(R"("status":"PLAN_STATUS_DONE","actual":{"start":{"year":2024}},)")),
       "activities[0].actual"},
      {"gas-level-range", AP, plan(goal("g1", R"("gas_levels":[{"level":-2},{"level":2}],)"), ""),
       plan(goal("g1", R"("gas_levels":[{"level":-2},{"level":3}],)"), ""), "goals[0].gas_levels[1].level"},
      // Coordination: who is involved, who leads, contacts over time, meetings.
      {"involved-agency-unnamed", AP, coordination(involved("k", kSince), ""),
       coordination(R"({"id":"k","agency":{},)" + kSince + A + "}", ""), "involved[0].agency"},
      {"involved-since-required", AP, coordination(involved("k", kSince), ""), coordination(involved("k", ""), ""),
       "involved[0].since"},
      {"contact-name-or-pseudonym", AP,
       coordination(involved("k", kSince, R"({"pseudonym":"handläggare 3","since":{"year":2024}})"), ""),
       coordination(involved("k", kSince, R"({"name":"Eva","pseudonym":"h3","since":{"year":2024}})"), ""),
       "involved[0].contacts[0]"},
      {"contact-since-required", AP, coordination(involved("k", kSince), ""),
       coordination(involved("k", kSince, R"({"name":"Eva"})"), ""), "involved[0].contacts[0].since"},
      {"contacts-in-order", AP,
       coordination(involved("k", kSince,
                             R"({"name":"Eva","since":{"year":2024,"month":9}},{"name":"Omar","since":{"year":2025,"month":1}})"),
                    ""),
       coordination(involved("k", kSince,
                             R"({"name":"Eva","since":{"year":2025,"month":1}},{"name":"Omar","since":{"year":2024,"month":9}})"),
                    ""),
       "involved[0].contacts[1].since"},
      {"lead-agency-once", AP,
       coordination(involved("k", kSince + R"("lead":true,)") + "," + involved("af", kSince), ""),
       coordination(involved("k", kSince + R"("lead":true,)") + "," + involved("af", kSince + R"("lead":true,)"), ""),
       "involved[1].lead"},
      {"meeting-date-required", AP, coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],)")),
       coordination(involved("k", kSince), meeting(R"("date":{"year":2025,"month":2},"present":["k"],)")),
       "meetings[0].date"},
      {"meeting-next-after", AP,
       coordination(involved("k", kSince),
                    meeting(kMeetingDay + R"("present":["k"],"next_meeting":{"year":2025,"month":3,"day":3},)")),
       coordination(involved("k", kSince),
                    meeting(kMeetingDay + R"("present":["k"],"next_meeting":{"year":2025,"month":2,"day":3},)")),
       "meetings[0].next_meeting"},
      {"meeting-present-required", AP, coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],)")),
       coordination(involved("k", kSince), meeting(kMeetingDay)), "meetings[0].present"},
      {"meeting-present-twice", AP, coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],)")),
       coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k","k"],)")), "meetings[0].present[1]"},
      {"meeting-agency-unknown", AP,
       coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],"next_steps":[{"agency_id":"k","action":"Boka praktik"}],)")),
       coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],"next_steps":[{"agency_id":"fk","action":"Boka praktik"}],)")),
       "meetings[0].next_steps[0].agency_id"},
      {"next-step-action-required", AP,
       coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],"next_steps":[{"agency_id":"k","action":"Boka praktik"}],)")),
       coordination(involved("k", kSince), meeting(kMeetingDay + R"("present":["k"],"next_steps":[{"agency_id":"k"}],)")),
       "meetings[0].next_steps[0].action"},
      // Interventions.
      {"parallel-with-unknown", I,
       interventions(intervention("i1", R"("parallel_with":["i2"],)") + "," + intervention("i2", "")),
       interventions(intervention("i1", R"("parallel_with":["i1"],)") + "," + intervention("i2", "")),
       "entries[0].parallel_with[0]"},
      {"hours-per-week-range", I, interventions(intervention("i1", R"("hours_per_week":60,)")),
       interventions(intervention("i1", R"("hours_per_week":-1,)")), "entries[0].hours_per_week"},
      // Documents ("aGk=" is "hi"; H1 is 32 bytes).
      {"document-sha256-length", D, document(R"("external_ref":"f.pdf","sha256":")" + H1 + R"(",)"),
       document(R"("external_ref":"f.pdf","sha256":"aGk=",)"), "entries[0].sha256"},
      {"document-size-matches", D, document(R"("inline_content":"aGk=","size_bytes":"2","sha256":")" + H1 + R"(",)"),
       document(R"("inline_content":"aGk=","size_bytes":"3","sha256":")" + H1 + R"(",)"), "entries[0].size_bytes"},
      {"document-media-type", D, document(R"("media_type":"application/pdf",)"),
       document(R"("media_type":"pdf",)"), "entries[0].media_type"},
      {"document-health-flag", D, document(R"("kind":"MEDICAL_STATEMENT","health_data":true,)"),
       document(R"("kind":"MEDICAL_STATEMENT",)"), "entries[0].health_data"},
      // Notes.
      {"note-text-required", N, note(R"("text":"x",)"), note(""), "entries[0].text"},
      {"note-retention-order", N, note(R"("text":"x","delete_after":"2025-01-01T00:00:00Z",)"),
       note(R"("text":"x","delete_after":"2023-01-01T00:00:00Z",)"), "entries[0].delete_after"},
      // Sharing ledger.
      {"grant-fingerprint-required", SL, ledger(SECTIONS_OK),
       R"({"grants":[{"id":"g1","purpose":"p","granted_at":"2024-01-01T00:00:00Z",)" + SECTIONS_OK + "}]}",
       "grants[0].agency_fingerprint"},
      {"grant-sections-required", SL, ledger(SECTIONS_OK), ledger(R"("agency_name":"x")"), "grants[0].sections"},
      {"grant-section-name", SL, ledger(SECTIONS_OK), ledger(R"("sections":["profile","WorkAbility"])"),
       "grants[0].sections[1]"},
      {"grant-purpose-required", SL, ledger(SECTIONS_OK),
       R"({"grants":[{"id":"g1","agency_fingerprint":"AB","granted_at":"2024-01-01T00:00:00Z",)" + SECTIONS_OK + "}]}",
       "grants[0].purpose"},
      {"grant-time-required", SL, ledger(SECTIONS_OK),
       R"({"grants":[{"id":"g1","agency_fingerprint":"AB","purpose":"p",)" + SECTIONS_OK + "}]}", "grants[0].granted_at"},
      {"grant-expiry-order", SL, ledger(SECTIONS_OK + R"(,"expires_at":"2024-06-01T00:00:00Z")"),
       ledger(SECTIONS_OK + R"(,"expires_at":"2023-06-01T00:00:00Z")"), "grants[0].expires_at"},
      {"grant-revocation-order", SL, ledger(SECTIONS_OK + R"(,"revoked_at":"2024-06-01T00:00:00Z")"),
       ledger(SECTIONS_OK + R"(,"revoked_at":"2023-06-01T00:00:00Z")"), "grants[0].revoked_at"},
      {"grant-art9-basis", SL,
       ledger(R"("sections":["work_ability"],"gdpr_art9_basis":{"system":"gdpr-art9","code":"9.2.a"})"),
       ledger(R"("sections":["work_ability"])"), "grants[0].gdpr_art9_basis"},
      {"access-event-grant-unknown", SL, ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-01T00:00:00Z")")),
       ledger(SECTIONS_OK, R"({"id":"e1","grant_id":"g7","action":"GRANT","at":"2024-01-01T00:00:00Z"})"),
       "access_events[0].grant_id"},
      {"access-event-section-not-granted", SL,
       ledger(SECTIONS_OK, event("e1", R"("action":"VIEW","sections":["education"],"at":"2024-01-02T00:00:00Z")")),
       ledger(SECTIONS_OK, event("e1", R"("action":"VIEW","sections":["notes"],"at":"2024-01-02T00:00:00Z")")),
       "access_events[0].sections[0]"},
      {"access-event-order", SL,
       ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-01T00:00:00Z")") + "," +
                               event("e2", R"("action":"VIEW","at":"2024-01-02T00:00:00Z")")),
       ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-02T00:00:00Z")") + "," +
                               event("e2", R"("action":"VIEW","at":"2024-01-01T00:00:00Z")")),
       "access_events[1].at"},
      {"access-event-hash-length", SL,
       ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-01T00:00:00Z","hash":")" + H1 + R"(")")),
       ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-01T00:00:00Z","hash":"aGk=")")),
       "access_events[0].hash"},
      {"access-event-chain", SL,
       ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-01T00:00:00Z","hash":")" + H1 + R"(")") + "," +
                               event("e2", R"("action":"VIEW","at":"2024-01-02T00:00:00Z","prev_hash":")" + H1 +
                                               R"(","hash":")" + H2 + R"(")")),
       ledger(SECTIONS_OK, event("e1", R"("action":"GRANT","at":"2024-01-01T00:00:00Z","hash":")" + H1 + R"(")") + "," +
                               event("e2", R"("action":"VIEW","at":"2024-01-02T00:00:00Z","prev_hash":")" + H2 +
                                               R"(","hash":")" + H2 + R"(")")),
       "access_events[1].prev_hash"},
  };
}

std::unique_ptr<google::protobuf::Message> parse(const google::protobuf::Message& type, const std::string& json) {
  std::unique_ptr<google::protobuf::Message> m(type.New());
  std::string error;
  INFO(json);
  INFO(error);
  REQUIRE(test::parse_json(json, m.get(), &error));
  return m;
}

}  // namespace

TEST_CASE("goal-parent-cycle: every goal on a cycle is reported, a goal hanging off it is not", "[validation]") {
  const auto cyclic_plan = parse(v1::ActionPlan::default_instance(),
                          plan(goal("g1", R"("parent_goal_id":"g3",)") + "," + goal("g2", R"("parent_goal_id":"g1",)") +
                                   "," + goal("g3", R"("parent_goal_id":"g2",)") + "," +
                                   goal("g4", R"("parent_goal_id":"g1",)"),
                               ""));
  const auto v = test::validate(*cyclic_plan);
  INFO(describe(v));
  for (const char* path : {"goals[0].parent_goal_id", "goals[1].parent_goal_id", "goals[2].parent_goal_id"}) {
    CHECK(has_violation(v, "goal-parent-cycle", path));
  }
  CHECK_FALSE(has_violation(v, "goal-parent-cycle", "goals[3].parent_goal_id"));
}

TEST_CASE("every section rule has a valid and an invalid case", "[validation]") {
  for (const RuleCase& c : cases()) {
    DYNAMIC_SECTION(c.rule << " at " << c.path) {
      const auto valid = test::validate(*parse(*c.type, c.valid));
      INFO("valid case:\n" << describe(valid));
      CHECK(valid.empty());
      const auto invalid = test::validate(*parse(*c.type, c.invalid));
      INFO("invalid case:\n" << describe(invalid));
      CHECK(has_violation(invalid, c.rule, c.path));
    }
  }
}

}  // namespace kartla::model
