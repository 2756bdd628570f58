// SPDX-License-Identifier: Apache-2.0
// Issue "Sharing that holds": a property test over random operation sequences. The owner shares
// (with and without expiry), revokes, moves the clock, writes, removes and re-adds sections,
// saving after each step (the first save after an expiry ends the grant by keys). Every agency is
// given every version of the record file and every bundle the owner can export for it, and reads
// all of them with a clock that ignores expiry (a dishonest reader). Two promises must hold:
//
//   1. an agency never reads content written after its grant ended (revoked, or expired by the
//      clock), nor content of a section removed and written again after it was granted;
//   2. no bundle carries a ciphertext that its grants cannot open.
//
// And, so the test cannot pass by reading nothing: an agency with a live grant reads the newest
// content of every section it covers from the newest record file.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <regex>
#include <set>

#include "share/ledger.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

const char* const kSections[] = {"profile", "languages", "competences", "action_plan"};
constexpr size_t kAgencies = 3;

const identity::Identity& agency(size_t i) {
  const identity::Identity* all[] = {&agency_a(), &agency_b(), &agency_c()};
  return *all[i];
}

// What the test believes about one grant; the library is not asked.
struct ModelGrant {
  size_t agency = 0;
  std::string id;
  std::set<std::string> covers;  // sections it covers now (a removed section leaves every grant)
  int64_t expires_at = 0;
  bool revoked = false;
  bool live_at(int64_t now) const { return !revoked && (expires_at == 0 || now < expires_at); }
};

struct World {
  TempDir dir;
  std::string path = dir.file("r.kartla");
  model::Record record = new_record({});
  int64_t clock = kNow;
  int next_mark = 0;
  std::set<std::string> present;
  std::vector<ModelGrant> grants;
  std::map<std::string, std::set<size_t>> allowed;  // content mark -> agencies that may read it
  std::map<std::string, std::string> newest;         // section -> mark of its newest content
  std::vector<std::vector<std::string>> files = std::vector<std::vector<std::string>>(kAgencies);
  size_t reads_ok = 0;

  void write(const std::string& name) {
    const std::string mark = "W" + std::to_string(next_mark++) + "Z";
    std::set<size_t>& who = allowed[mark];
    for (const auto& g : grants)
      if (g.live_at(clock) && g.covers.count(name) != 0) who.insert(g.agency);
    record.write_section(section(name.c_str()), content(name.c_str(), mark));
    present.insert(name);
    newest[name] = mark;
  }

  void remove(const std::string& name) {
    record.remove_section(section(name.c_str()));
    present.erase(name);
    for (auto& g : grants) g.covers.erase(name);
  }

  void share(size_t a, const std::vector<std::string>& names, int64_t expires_at) {
    const auto issued = share_with(record, agency(a), names, "p", expires_at, clock);
    // Sharing gives the keys of what the sections hold now: that content becomes readable too.
    for (const auto& name : names) allowed[newest[name]].insert(a);
    grants.push_back({a, issued.grant_id_hex, std::set<std::string>(names.begin(), names.end()), expires_at, false});
  }

  void revoke(size_t a) {
    (void)share::revoke_agency(record, agency(a).card_file(), clock);
    for (auto& g : grants)
      if (g.agency == a) g.revoked = true;
  }

  // Saves (ending expired grants), then hands the file and every exportable bundle out.
  void save_and_hand_out() {
    save_at(record, path, clock, no_sync());
    const std::string file = read_plain(path);
    for (auto& held : files) held.push_back(file);
    for (const auto& g : grants) {
      if (!g.live_at(clock)) {
        // An ended grant is never exported.
        const Code code = code_of([&] { (void)bundle_of(record, g.id, dir, "x.kartla", no_sync(), clock); });
        CHECK((code == Code::expired || code == Code::not_found));
        continue;
      }
      const std::string bundle = bundle_of(record, g.id, dir, "b.kartla", no_sync(), clock);
      check_bundle_opens(g.agency, bundle);
      files[g.agency].push_back(bundle);
    }
  }

  // Promise 2: every section in the bundle opens with the bundle's grants.
  void check_bundle_opens(size_t a, const std::string& bundle) {
    const Loose l = take_apart(bundle);
    const share::AgencyView view = view_as(agency(a), bundle);
    for (const auto& s : l.sections) {
      INFO("bundle section " << s.section_id);
      CHECK(code_of([&] { (void)view.read_section(*model::section_by_id(s.section_id), kNow); }) == Code::ok);
    }
  }

  // Promise 1, over everything every agency ever received, read with an early clock.
  void check_nothing_leaks() {
    static const std::regex mark_pattern("W[0-9]+Z");
    for (size_t a = 0; a < kAgencies; ++a) {
      for (const std::string& file : files[a]) {
        const share::AgencyView view = view_as(agency(a), file);
        for (const char* name : kSections) {
          std::string text;
          if (code_of([&] { text = view.read_section(section(name), kNow).view().to_string(); }) != Code::ok) continue;
          ++reads_ok;
          std::smatch m;
          REQUIRE(std::regex_search(text, m, mark_pattern));
          INFO("agency " << a << " read " << m.str() << " of " << name);
          CHECK(allowed[m.str()].count(a) != 0);
        }
      }
    }
  }

  // Liveness: live grants read the newest content from the newest record file.
  void check_live_grants_read() {
    const std::string newest_file = read_plain(path);
    for (const auto& g : grants) {
      if (!g.live_at(clock)) continue;
      const share::AgencyView view = view_as(agency(g.agency), newest_file);
      for (const auto& name : g.covers) {
        INFO("agency " << g.agency << " section " << name);
        CHECK(contains(view.read_section(section(name.c_str()), clock).view().to_string(), newest[name]));
      }
    }
  }
};

}  // namespace

TEST_CASE("random share / expire / revoke / remove / re-add sequences never leak content written after a grant "
          "ended", "[share][property]") {
  size_t reads_ok = 0;
  for (unsigned seed = 1; seed <= 24; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    World w;
    for (const char* name : kSections) w.write(name);
    w.save_and_hand_out();
    for (int step = 0; step < 28; ++step) {
      INFO("step " << step);
      switch (pick(6)) {
        case 0: {  // share some present sections, half the time with an expiry a few days out
          std::vector<std::string> names;
          for (const auto& name : w.present)
            if (pick(2) == 0) names.push_back(name);
          if (names.empty()) continue;
          w.share(pick(kAgencies), names, pick(2) == 0 ? w.clock + 86400 * static_cast<int64_t>(1 + pick(5)) : 0);
          break;
        }
        case 1: {  // revoke an agency that holds a live grant
          const size_t a = pick(kAgencies);
          bool in_ledger = false;
          const v1::SharingLedger ledger = share::read_ledger(w.record);
          for (const auto& e : ledger.grants())
            in_ledger = in_ledger || (share::is_active(e) && e.agency_fingerprint() == agency(a).fingerprint());
          if (!in_ledger) continue;
          w.revoke(a);
          break;
        }
        case 2:  // time passes
          w.clock += 86400 * static_cast<int64_t>(pick(4));
          break;
        case 3:
        case 4:  // write (also re-adds a removed section)
          w.write(kSections[pick(4)]);
          break;
        case 5: {  // remove a section
          const std::string name = kSections[pick(4)];
          if (w.present.count(name) == 0 || w.present.size() == 1) continue;
          w.remove(name);
          break;
        }
      }
      w.save_and_hand_out();
      w.check_live_grants_read();
    }
    w.check_nothing_leaks();
    reads_ok += w.reads_ok;
  }
  // Some sequences share nothing; over all of them, many reads succeed, so the checks had
  // something to check.
  CHECK(reads_ok > 100);
}
