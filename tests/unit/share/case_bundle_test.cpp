// SPDX-License-Identifier: Apache-2.0
// docs/SPEC.md §7.7: the case-conference bundle. One file for three agencies; each opens it with
// its own identity and reads exactly the sections of its own grant. Minimisation is checked on
// the bytes: the file holds the ciphertext of a section only if some agency in it was granted
// that section, and each agency's keys open exactly its own sections' ciphertexts.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <map>
#include <set>

#include "crypto/encoding.h"
#include "model/verify.h"
#include "share/case_bundle.h"
#include "share/ledger.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

const char* const kAll[] = {"profile", "languages", "competences", "action_plan", "notes"};
constexpr const char* kMeeting = "samordningsmöte 2027-02-03";

std::string case_bundle(const model::Record& record, const std::vector<std::string>& ids, const TempDir& dir,
                        const std::string& name = "case.kartla", int64_t now = kNow) {
  const std::string path = dir.file(name);
  share::export_case_bundle(record, ids, now, path);
  return read_plain(path);
}

// Which sections the agency's keys open in `file`, by trying every section the library knows.
std::set<std::string> readable(const identity::Identity& agency, const std::string& file) {
  const share::AgencyView view = view_as(agency, file);
  std::set<std::string> out;
  for (const char* name : kAll)
    if (code_of([&] { (void)view.read_section(section(name), kNow); }) == Code::ok) out.insert(name);
  return out;
}

}  // namespace

TEST_CASE("three agencies, one bundle: each reads its own sections and nothing else", "[case-bundle]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "P-text"},
                                {"languages", "L-text"},
                                {"competences", "C-text"},
                                {"action_plan", "A-text"},
                                {"notes", "N-text never shared"}});
  const auto kommun = share_with(r, agency_a(), {"profile", "action_plan"}, kMeeting, kNow + 30 * 86400);
  const auto af = share_with(r, agency_b(), {"languages", "competences"}, kMeeting, kNow + 30 * 86400);
  const auto fk = share_with(r, agency_c(), {"action_plan"}, kMeeting, kNow + 30 * 86400);
  save_at(r, dir.file("r.kartla"));
  const std::string record_file = read_plain(dir.file("r.kartla"));
  const std::string file = case_bundle(r, {kommun.grant_id_hex, af.grant_id_hex, fk.grant_id_hex}, dir);

  CHECK(readable(agency_a(), file) == std::set<std::string>{"profile", "action_plan"});
  CHECK(readable(agency_b(), file) == std::set<std::string>{"languages", "competences"});
  CHECK(readable(agency_c(), file) == std::set<std::string>{"action_plan"});
  CHECK(contains(read_text(view_as(agency_c(), file), "action_plan"), "A-text"));
  CHECK(code_of([&] { (void)read_text(view_as(agency_c(), file), "profile"); }) == Code::not_shared);
  CHECK(code_of([&] { (void)read_text(view_as(agency_b(), file), "action_plan"); }) == Code::not_shared);

  // It verifies on its own, as any bundle (the owner's manifest, byte for byte).
  const Loose in_file = take_apart(file);
  const Loose in_record = take_apart(record_file);
  CHECK(in_file.manifest_bytes == in_record.manifest_bytes);
  CHECK(in_file.grants.size() == 3);

  // On the bytes: exactly the union of the granted sections, each once; the never-shared notes
  // are absent, entry and ciphertext.
  std::multiset<uint32_t> ids;
  for (const auto& s : in_file.sections) ids.insert(s.section_id);
  CHECK(ids == std::multiset<uint32_t>{section("profile").id, section("languages").id, section("competences").id,
                                       section("action_plan").id});
  for (const auto& s : in_record.sections) {
    if (s.section_id != section("notes").id) continue;
    CHECK_FALSE(contains(file, s.body));
    CHECK_FALSE(contains(file, format::encode_section_entry(s.entry)));
  }
}

TEST_CASE("a case-conference bundle refuses what is not one meeting", "[case-bundle]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "p"}, {"languages", "l"}});
  const auto a = share_with(r, agency_a(), {"profile"}, kMeeting, kNow + 86400);
  const auto b = share_with(r, agency_b(), {"languages"}, kMeeting, kNow + 86400);
  const auto other_purpose = share_with(r, agency_c(), {"profile"}, "another purpose", kNow + 86400);
  const auto a_again = share_with(r, agency_a(), {"languages"}, kMeeting, kNow + 86400);
  const auto no_expiry = share_with(r, agency_c(), {"languages"}, kMeeting, 0);
  save_at(r, dir.file("r.kartla"));
  const auto refused = [&](const std::vector<std::string>& ids, int64_t now = kNow) {
    return code_of([&] { (void)case_bundle(r, ids, dir, "x.kartla", now); });
  };
  CHECK(refused({}) == Code::invalid_argument);
  CHECK(refused({a.grant_id_hex, a.grant_id_hex}) == Code::invalid_argument);
  CHECK(refused({a.grant_id_hex, other_purpose.grant_id_hex}) == Code::invalid_argument);
  CHECK(refused({a.grant_id_hex, no_expiry.grant_id_hex}) == Code::invalid_argument);
  CHECK(refused({a.grant_id_hex, a_again.grant_id_hex}) == Code::invalid_argument);
  CHECK(refused({a.grant_id_hex, std::string(32, '0')}) == Code::not_found);
  CHECK(refused({a.grant_id_hex, b.grant_id_hex}, kNow + 86400) == Code::expired);
  CHECK(::access(dir.file("x.kartla").c_str(), F_OK) != 0);  // a refusal writes nothing
  CHECK(refused({a.grant_id_hex, b.grant_id_hex}) == Code::ok);

  (void)share::revoke_agency(r, agency_b().card_file(), kNow + 10);
  save_at(r, dir.file("r.kartla"), kNow + 10);
  CHECK(code_of([&] { (void)case_bundle(r, {a.grant_id_hex, b.grant_id_hex}, dir, "y.kartla", kNow + 10); }) ==
        Code::not_found);
}

TEST_CASE("one ledger entry per agency of a case conference", "[case-bundle]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "p"}, {"languages", "l"}});
  (void)share_with(r, agency_a(), {"profile"}, kMeeting);
  (void)share_with(r, agency_b(), {"languages"}, kMeeting);
  (void)share_with(r, agency_c(), {"profile", "languages"}, kMeeting);
  const v1::SharingLedger ledger = share::read_ledger(r);
  std::map<std::string, int> per_agency;
  for (const auto& e : ledger.grants()) ++per_agency[e.agency_fingerprint()];
  CHECK(per_agency.size() == 3);
  for (const auto& [fingerprint, n] : per_agency) CHECK(n == 1);
}
