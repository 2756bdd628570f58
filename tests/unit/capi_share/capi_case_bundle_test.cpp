// SPDX-License-Identifier: Apache-2.0
// The case-conference bundle through the C ABI (kartla/experimental/coordination.h, docs/SPEC.md
// §7.7), as an owner's tool and three agency systems would use it: one grant per agency with
// kartla_record_share, one file with kartla_record_export_case_bundle, each agency opening it
// with kartla_share_open_file and reading only its own sections.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::kNow;
using capi_test::TempDir;
const std::string kPass = "case conference passphrase";
constexpr const char* kMeeting = "samordningsmöte 2027-02-03";
const char* const kSections[] = {"profile", "languages", "notes", "action_plan"};  // all the test tries

std::string asserted(const std::string& body) {
  return body + R"(, "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"})";
}

kartla::identity agency(const char* name, const char* number, const char* role) {
  const kartla_identity_options o = capi_test::cheap_kdf();
  return kartla::identity::create_agency(name, number, role, kPass, &o).identity;
}

kartla::identity owner_identity() {
  const kartla_identity_options o = capi_test::cheap_kdf();
  return kartla::identity::create(kPass, &o).identity;
}

// A saved record with profile and notes; profile granted to three agencies for one meeting, and
// the meeting's one bundle.
struct Meeting {
  kartla::identity owner = owner_identity();
  kartla::identity kommun = agency("Landskrona kommun", "212000-1140", "municipal_labour_unit");
  kartla::identity af = agency("Arbetsförmedlingen", "202100-2114", "employment_service");
  kartla::identity fk = agency("Försäkringskassan", "202100-5521", "social_insurance");
  TempDir dir;
  std::string record_path = dir.file("r.kartla");
  std::string bundle_path = dir.file("meeting.kartla");
  std::vector<std::string> grants;

  Meeting() {
    kartla::record r = kartla::record::create(owner);
    r.set_clock(kNow);
    r.set_section_json("profile", "{" + asserted(R"("given_name": "Amina")") + "}");
    r.set_section_json("notes", R"({"entries": [{"id": "n1", "text": "nobody's", )" + asserted("").substr(2) + "}]}");
    r.save(record_path);
    for (const kartla::identity* a : {&kommun, &af, &fk})
      grants.push_back(r.share(a->card().str(), {"profile"}, kMeeting, kNow + 30 * 86400, kNow));
    r.save(record_path);
    r.export_case_bundle(grants, bundle_path);
  }
};

const Meeting& meeting() {
  static const Meeting m;
  return m;
}

std::set<std::string> readable(const kartla::identity& agency, const std::string& path) {
  const auto share = kartla::share::open_file(path, agency);
  std::set<std::string> out;
  for (const char* name : kSections) {
    kartla_buffer b = KARTLA_BUFFER_INIT;
    if (kartla_share_section(share.get(), name, kNow, &b) == KARTLA_OK) out.insert(name);
    kartla_buffer_free(&b);
  }
  return out;
}

}  // namespace

TEST_CASE("C ABI: three agencies open one case-conference bundle and each reads its grant", "[capi][case-bundle]") {
  const Meeting& m = meeting();
  for (const kartla::identity* a : {&m.kommun, &m.af, &m.fk})
    CHECK(readable(*a, m.bundle_path) == std::set<std::string>{"profile"});
  // The ledger holds one entry per agency, all for the meeting.
  kartla::record r = kartla::record::open_file(m.record_path, m.owner);
  const kartla::buffer json = r.section_json("sharing_ledger");
  const std::string ledger(json.view());
  size_t entries = 0;
  for (size_t at = ledger.find(kMeeting); at != std::string::npos; at = ledger.find(kMeeting, at + 1)) ++entries;
  CHECK(entries == 3);
}

TEST_CASE("C ABI: different sections per agency, and refusals", "[capi][case-bundle]") {
  const Meeting& m = meeting();
  TempDir dir;
  kartla::record r = kartla::record::open_file(m.record_path, m.owner);
  r.set_clock(kNow);
  const std::string a = r.share(m.kommun.card().str(), {"notes"}, "second meeting", 0, kNow);
  const std::string b = r.share(m.af.card().str(), {"profile"}, "second meeting", 0, kNow);
  const std::string other = r.share(m.fk.card().str(), {"notes"}, "another purpose", 0, kNow);
  const std::string path = dir.file("r.kartla");
  r.save(path);
  const std::string bundle = dir.file("second.kartla");
  r.export_case_bundle({a, b}, bundle);
  CHECK(readable(m.kommun, bundle) == std::set<std::string>{"notes"});
  CHECK(readable(m.af, bundle) == std::set<std::string>{"profile"});
  CHECK(readable(m.fk, bundle).empty());  // its grant is not in this file

  const char* mixed[] = {a.c_str(), other.c_str()};
  CHECK(kartla_record_export_case_bundle(r.get(), mixed, 2, dir.file("x.kartla").c_str()) ==
        KARTLA_E_INVALID_ARGUMENT);
  const char* unknown[] = {a.c_str(), "00000000000000000000000000000000"};
  CHECK(kartla_record_export_case_bundle(r.get(), unknown, 2, dir.file("x.kartla").c_str()) == KARTLA_E_NOT_FOUND);
}
