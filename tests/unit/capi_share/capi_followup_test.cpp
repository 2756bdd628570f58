// SPDX-License-Identifier: Apache-2.0
// The follow-up report through the C ABI (kartla/experimental/followup.h, docs/SPEC.md §7.8), as a
// project owner would make it: a dozen participants, each with their own identity and record,
// share `programme_followup` with the project owner's agency identity under Art. 6(1)(e), and
// the owner reports over the bundles. The expected figures are worked out by hand below from
// the participants' data, not read back from the library.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../json_squeeze.h"
#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::kNow;
using capi_test::TempDir;
const std::string kPass = "follow-up passphrase";
constexpr const char* kPurpose = "STEGA: uppföljning till ESF-rådet";
constexpr int64_t kDay = 86400;
constexpr int64_t kReportAt = kNow + 30 * kDay;

struct Participant {
  const char* gender;
  int highest_phase;
  const char* at_exit;
  const char* six_months;
};

// The dozen, and the figures they give (worked by hand):
//   gender: 5 woman, 7 man, 0 non-binary, 0 not-stated                    (12 participants)
//   highest phase: "1" 2, "2" 5, "3" 5. "1" is below 5, so suppressed; one hidden cell is 12 - 5 -
//     5, so the smallest other ("2", 5, the first of two) is hidden too; "3": 5 = 417 per mille
//   status: participating 0, exited 12 (1000 per mille)
//   at exit: employed 5 = 5/12 = 41.7 %, job-seeking 7 = 58.3 %, studies/other/unknown 0
//   six months after: employed 6 = 50.0 %, studies 6 = 50.0 %
const std::vector<Participant>& dozen() {
  static const std::vector<Participant> d = {
      {"woman", 3, "employed", "employed"},   {"woman", 3, "employed", "employed"},
      {"woman", 2, "job-seeking", "studies"}, {"woman", 2, "job-seeking", "studies"},
      {"woman", 1, "job-seeking", "studies"}, {"man", 3, "employed", "employed"},
      {"man", 3, "employed", "employed"},     {"man", 3, "employed", "employed"},
      {"man", 2, "job-seeking", "employed"},  {"man", 2, "job-seeking", "studies"},
      {"man", 2, "job-seeking", "studies"},   {"man", 1, "job-seeking", "studies"},
  };
  return d;
}

std::string coding(const char* system, const std::string& code) {
  return std::string(R"({"system": ")") + system + R"(", "code": ")" + code + R"("})";
}

std::string followup_json(const Participant& p, const std::string& programme = "STEGA") {
  std::string phases;
  for (int step = 1; step <= p.highest_phase; ++step) {
    phases += (step == 1 ? "" : ", ") + std::string(R"({"phase": {"instrument_id": "stega-phases", "step": )") +
              std::to_string(step) + R"(}, "entered_on": {"year": 2025, "month": )" + std::to_string(step * 3) + "}}";
  }
  return R"({"id": "stega-2025", "programme_name": ")" + programme + R"(", "funding_ref": "23-073-S02",)" +
         R"( "gender": )" + coding("kartla-gender", p.gender) + "," +
         R"( "status_at_entry": )" + coding("kartla-labour-market-status", "long-term-unemployed") + "," +
         R"( "entered_on": {"year": 2025, "month": 2}, "phases": [)" + phases + "]," +
         R"( "exited_on": {"year": 2025, "month": 11},)" +
         R"( "status_at_exit": )" + coding("kartla-followup-outcome", p.at_exit) + "," +
         R"( "status_six_months_after_exit": )" + coding("kartla-followup-outcome", p.six_months) + "," +
         R"( "participation": [{"from": {"year": 2025, "month": 2}, "percent_of_full_time": 25},)" +
         R"( {"from": {"year": 2025, "month": 6}, "percent_of_full_time": 100}],)" +
         R"( "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-11-30T00:00:00Z"}})";
}

kartla::identity new_owner() {
  const kartla_identity_options o = capi_test::cheap_kdf();
  return kartla::identity::create(kPass, &o).identity;
}

struct Programme {
  TempDir dir;
  kartla::identity project_owner = [] {
    const kartla_identity_options o = capi_test::cheap_kdf();
    return kartla::identity::create_agency("Landskrona kommun, STEGA", "212000-1140", "municipal_labour_unit", kPass,
                                           &o)
        .identity;
  }();
  std::vector<std::string> bundles;  // one per participant of the dozen, in order

  // A participant's record with `sections` (JSON by name) shared with the project owner; returns
  // the bundle's path.
  std::string share(const std::string& name, const std::vector<std::pair<std::string, std::string>>& sections,
                    int64_t expires_at = kNow + 365 * kDay, const std::string& art6 = "6.1.e") {
    kartla::identity owner = new_owner();
    kartla::record r = kartla::record::create(owner);
    r.set_clock(kNow);
    std::vector<std::string> names;
    for (const auto& [section, json] : sections) {
      r.set_section_json(section, json);
      names.push_back(section);
    }
    const std::string record = dir.file(name + ".kartla");
    r.save(record);
    const std::string grant = r.share(project_owner.card().str(), names, kPurpose, expires_at, kNow, "", art6);
    r.save(record);
    const std::string bundle = dir.file(name + ".bundle");
    r.export_bundle(grant, bundle);
    return bundle;
  }

  Programme() {
    for (size_t i = 0; i < dozen().size(); ++i)
      bundles.push_back(share("p" + std::to_string(i), {{"programme_followup", followup_json(dozen()[i])}}));
  }
};

const Programme& programme() {
  static const Programme p;
  return p;
}

struct Outcome {
  kartla_status status;
  std::string json;  // squeezed
  std::string error;
};

Outcome report(const kartla::identity& agency, const std::vector<std::string>& paths, int64_t at = kReportAt) {
  std::vector<const char*> c_paths;
  for (const auto& p : paths) c_paths.push_back(p.c_str());
  kartla_buffer out = KARTLA_BUFFER_INIT;
  const kartla_status status =
      kartla_followup_report(agency.get(), c_paths.data(), c_paths.size(), at, KARTLA_ENCODING_JSON, &out);
  Outcome o{status, json_squeezed(std::string(reinterpret_cast<const char*>(out.data), out.len)), kartla_last_error()};
  if (status != KARTLA_OK) CHECK(out.data == nullptr);  // all or nothing: no figures on a refusal
  kartla_buffer_free(&out);
  return o;
}

std::string cell(const char* key, unsigned count, bool suppressed, unsigned per_mille) {
  return std::string(R"({"key":")") + key + R"(","count":)" + std::to_string(count) +
         R"(,"suppressed":)" + (suppressed ? "true" : "false") + R"(,"per_mille":)" + std::to_string(per_mille) + "}";
}

}  // namespace

TEST_CASE("a dozen participants give the hand-computed figures, with small cells suppressed") {
  const Programme& p = programme();
  const Outcome o = report(p.project_owner, p.bundles);
  REQUIRE(o.status == KARTLA_OK);
  CHECK(o.json.find(R"("programme_name":"STEGA","funding_ref":"23-073-S02","minimum_group":5,"participants":12)") !=
        std::string::npos);
  CHECK(o.json.find(R"("by_gender":[)" + cell("woman", 5, false, 417) + "," + cell("man", 7, false, 583) + "," +
                    cell("non-binary", 0, false, 0) + "," + cell("not-stated", 0, false, 0) + "]") != std::string::npos);
  CHECK(o.json.find(R"("by_highest_phase":[)" + cell("1", 0, true, 0) + "," + cell("2", 0, true, 0) + "," +
                    cell("3", 5, false, 417) + "]") != std::string::npos);
  CHECK(o.json.find(R"("by_status":[)" + cell("participating", 0, false, 0) + "," + cell("exited", 12, false, 1000) +
                    "]") != std::string::npos);
  CHECK(o.json.find(R"("at_exit":[)" + cell("employed", 5, false, 417) + "," + cell("studies", 0, false, 0) + "," +
                    cell("job-seeking", 7, false, 583) + "," + cell("other", 0, false, 0) + "," +
                    cell("unknown", 0, false, 0) + "]") != std::string::npos);
  CHECK(o.json.find(R"("six_months_after_exit":[)" + cell("employed", 6, false, 500) + "," +
                    cell("studies", 6, false, 500) + "," + cell("job-seeking", 0, false, 0) + "," +
                    cell("other", 0, false, 0) + "," + cell("unknown", 0, false, 0) + "]") != std::string::npos);
  CHECK(o.json.find(R"("skipped":[])") != std::string::npos);
  // No line per person: nothing that names one reaches the result.
  CHECK(o.json.find("stega-2025") == std::string::npos);
  CHECK(o.json.find("2025") == std::string::npos);
}

TEST_CASE("a group below the minimum is refused, however many bundles are skipped") {
  const Programme& p = programme();
  const std::vector<std::string> four(p.bundles.begin(), p.bundles.begin() + 4);
  const Outcome o = report(p.project_owner, four);
  CHECK(o.status == KARTLA_E_LIMIT);
  CHECK(o.error.find("at least 5 participants") != std::string::npos);
  CHECK(o.error.find("4 of 4 bundles") != std::string::npos);

  std::vector<std::string> with_junk = four;
  with_junk.push_back(p.dir.file("no such bundle"));
  with_junk.push_back(p.dir.file("no such bundle either"));
  const Outcome junk = report(p.project_owner, with_junk);
  CHECK(junk.status == KARTLA_E_LIMIT);
  CHECK(junk.error.find("4 of 6 bundles can be counted (skipped: 2 unreadable)") != std::string::npos);

  const std::vector<std::string> five(p.bundles.begin(), p.bundles.begin() + 5);
  CHECK(report(p.project_owner, five).status == KARTLA_OK);
}

TEST_CASE("every bundle not counted is listed with its reason, never dropped silently") {
  Programme& p = const_cast<Programme&>(programme());
  std::vector<std::string> paths = p.bundles;
  // 12: a bundle that has ended by the time of the report.
  paths.push_back(p.share("expired", {{"programme_followup", followup_json(dozen()[0])}}, kNow + 10 * kDay));
  // 13: a bundle that shares something else.
  paths.push_back(p.share("profile-only", {{"profile", R"({"given_name": "Amina", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}})"}}));
  // 14: another programme's entry.
  paths.push_back(p.share("other", {{"programme_followup", followup_json(dozen()[0], "Stepstone")}}));
  // 15: a file that is not a bundle; 16: the first participant's bundle again.
  const std::string junk = p.dir.file("junk.bundle");
  { std::ofstream(junk) << "not a kartla file"; }
  paths.push_back(junk);
  paths.push_back(p.bundles[0]);

  const Outcome o = report(p.project_owner, paths);
  REQUIRE(o.status == KARTLA_OK);
  CHECK(o.json.find(R"("participants":12)") != std::string::npos);  // the same figures as the dozen alone
  CHECK(o.json.find(cell("employed", 5, false, 417)) != std::string::npos);
  for (const auto& [index, reason] : std::vector<std::pair<int, std::string>>{
           {12, "expired"}, {13, "not-shared"}, {14, "other-programme"}, {15, "unverifiable"}, {16, "duplicate"}}) {
    INFO(index << " " << reason);
    CHECK(o.json.find(R"({"index":)" + std::to_string(index) + R"(,"reason":")" + reason + "\"") != std::string::npos);
  }
  // Bundles 0 and 16 are one participant's same version: the first given counts, the other is listed.
  CHECK(o.json.find(R"({"index":0,)") == std::string::npos);
}

TEST_CASE("bundles shared with the project owner count for nobody else") {
  const Programme& p = programme();
  const kartla_identity_options opts = capi_test::cheap_kdf();
  const kartla::identity stranger =
      kartla::identity::create_agency("Annan kommun", "212000-0142", "municipal_labour_unit", kPass, &opts).identity;
  const Outcome o = report(stranger, p.bundles);
  CHECK(o.status == KARTLA_E_LIMIT);
  CHECK(o.error.find("0 of 12 bundles can be counted (skipped: 12 not-shared)") != std::string::npos);
}

TEST_CASE("the follow-up section is shared only under Art. 6(1)(c) or (e)") {
  Programme& p = const_cast<Programme&>(programme());
  CHECK_THROWS_WITH(p.share("consent", {{"programme_followup", followup_json(dozen()[0])}}, kNow + 365 * kDay, ""),
                    Catch::Contains("6(1)(c) or 6(1)(e)"));
  CHECK_THROWS_WITH(p.share("contract", {{"programme_followup", followup_json(dozen()[0])}}, kNow + 365 * kDay, "6.1.b"),
                    Catch::Contains("6(1)(c) or 6(1)(e)"));
  CHECK_NOTHROW(p.share("legal-obligation", {{"programme_followup", followup_json(dozen()[0])}}, kNow + 365 * kDay, "6.1.c"));
}
