// SPDX-License-Identifier: Apache-2.0
// docs/SPEC.md §7.7, a property test over random sequences: case conferences (several agencies
// granted different sections under one purpose and expiry, one bundle for all), revocations,
// expiries, writes and removals, saving after each step. Every bundle is given to every agency,
// in the meeting or not. Promises:
//
//   1. exactness: from a freshly exported case bundle each agency reads exactly the sections its
//      own live grant in that meeting covers, and an agency with no live grant in it reads nothing;
//   2. minimisation: the bundle holds one entry per section some grant in it covers, no other;
//   3. no leak: over every file every agency ever received, read with a clock that ignores expiry,
//      it never reads content written after its grant ended, or content it was never granted.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <regex>
#include <set>

#include "share/case_bundle.h"
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

struct ModelGrant {
  size_t agency = 0;
  std::string id;
  std::set<std::string> covers;
  int64_t expires_at = 0;
  bool revoked = false;
  bool live_at(int64_t now) const { return !revoked && (expires_at == 0 || now < expires_at); }
};

struct Meeting {
  std::vector<size_t> grants;  // indexes into World::grants
};

struct World {
  TempDir dir;
  std::string path = dir.file("r.kartla");
  model::Record record = new_record({});
  int64_t clock = kNow;
  int next_mark = 0;
  int next_meeting = 0;
  std::set<std::string> present;
  std::vector<ModelGrant> grants;
  std::vector<Meeting> meetings;
  std::map<std::string, std::set<size_t>> allowed;  // content mark -> agencies that may read it
  std::map<std::string, std::string> newest;
  std::vector<std::vector<std::string>> files = std::vector<std::vector<std::string>>(kAgencies);
  size_t exact_checks = 0;

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

  void meet(const std::map<size_t, std::vector<std::string>>& seats, int64_t expires_at) {
    const std::string purpose = "samordningsmöte " + std::to_string(next_meeting++);
    Meeting m;
    for (const auto& [a, names] : seats) {
      const auto issued = share_with(record, agency(a), names, purpose, expires_at, clock);
      for (const auto& name : names) allowed[newest[name]].insert(a);
      m.grants.push_back(grants.size());
      grants.push_back({a, issued.grant_id_hex, std::set<std::string>(names.begin(), names.end()), expires_at, false});
    }
    meetings.push_back(std::move(m));
  }

  void revoke(size_t a) {
    (void)share::revoke_agency(record, agency(a).card_file(), clock);
    for (auto& g : grants)
      if (g.agency == a) g.revoked = true;
  }

  std::set<std::string> readable(size_t a, const std::string& file, int64_t at) const {
    const share::AgencyView view = view_as(agency(a), file);
    std::set<std::string> out;
    for (const char* name : kSections)
      if (code_of([&] { (void)view.read_section(section(name), at); }) == Code::ok) out.insert(name);
    return out;
  }

  void save_and_hand_out() {
    save_at(record, path, clock, no_sync());
    const std::string file = read_plain(path);
    for (auto& held : files) held.push_back(file);
    for (const Meeting& m : meetings) {
      std::vector<std::string> ids;
      std::map<size_t, std::set<std::string>> expected;  // agency -> sections, live grants only
      std::set<std::string> covered;
      for (size_t gi : m.grants) {
        const ModelGrant& g = grants[gi];
        if (!g.live_at(clock)) continue;
        ids.push_back(g.id);
        expected[g.agency] = g.covers;
        covered.insert(g.covers.begin(), g.covers.end());
      }
      if (ids.empty()) continue;
      const std::string bundle_path = dir.file("case.kartla");
      share::export_case_bundle(record, ids, clock, bundle_path, no_sync());
      const std::string bundle = read_plain(bundle_path);
      // Promise 2: one entry per covered section, nothing else.
      const Loose l = take_apart(bundle);
      std::multiset<uint32_t> entries;
      for (const auto& s : l.sections) entries.insert(s.section_id);
      std::multiset<uint32_t> want;
      for (const auto& name : covered) want.insert(section(name.c_str()).id);
      CHECK(entries == want);
      CHECK(l.grants.size() == ids.size());
      // Promise 1, for every agency, in the meeting or not.
      for (size_t a = 0; a < kAgencies; ++a) {
        INFO("agency " << a);
        const auto it = expected.find(a);
        CHECK(readable(a, bundle, clock) == (it == expected.end() ? std::set<std::string>() : it->second));
        ++exact_checks;
        files[a].push_back(bundle);
      }
    }
  }

  // Promise 3, over everything every agency ever received, read with an early clock.
  void check_nothing_leaks() {
    static const std::regex mark_pattern("W[0-9]+Z");
    for (size_t a = 0; a < kAgencies; ++a) {
      for (const std::string& file : files[a]) {
        const share::AgencyView view = view_as(agency(a), file);
        for (const char* name : kSections) {
          std::string text;
          if (code_of([&] { text = view.read_section(section(name), kNow).view().to_string(); }) != Code::ok) continue;
          std::smatch m;
          REQUIRE(std::regex_search(text, m, mark_pattern));
          INFO("agency " << a << " read " << m.str() << " of " << name);
          CHECK(allowed[m.str()].count(a) != 0);
        }
      }
    }
  }
};

}  // namespace

TEST_CASE("random case conferences, revocations and expiries: each agency reads exactly its own grant",
          "[case-bundle][property]") {
  size_t exact_checks = 0;
  for (unsigned seed = 1; seed <= 16; ++seed) {
    INFO("seed " << seed);
    std::mt19937 rng(seed);
    const auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    World w;
    for (const char* name : kSections) w.write(name);
    w.save_and_hand_out();
    for (int step = 0; step < 20; ++step) {
      INFO("step " << step);
      switch (pick(6)) {
        case 0:
        case 1: {  // a case conference: two or three agencies, each its own sections
          std::map<size_t, std::vector<std::string>> seats;
          for (size_t a = 0; a < kAgencies; ++a) {
            if (pick(3) == 0) continue;
            std::vector<std::string> names;
            for (const auto& name : w.present)
              if (pick(2) == 0) names.push_back(name);
            if (!names.empty()) seats[a] = names;
          }
          if (seats.size() < 2) continue;
          w.meet(seats, pick(2) == 0 ? w.clock + 86400 * static_cast<int64_t>(1 + pick(4)) : 0);
          break;
        }
        case 2: {  // revoke an agency that holds a live grant
          const size_t a = pick(kAgencies);
          bool live = false;
          const v1::SharingLedger ledger = share::read_ledger(w.record);
          for (const auto& e : ledger.grants())
            live = live || (share::is_active(e) && e.agency_fingerprint() == agency(a).fingerprint());
          if (!live) continue;
          w.revoke(a);
          break;
        }
        case 3:  // time passes
          w.clock += 86400 * static_cast<int64_t>(pick(3));
          break;
        case 4:
          w.write(kSections[pick(4)]);
          break;
        case 5: {
          const std::string name = kSections[pick(4)];
          if (w.present.count(name) == 0 || w.present.size() == 1) continue;
          w.remove(name);
          break;
        }
      }
      w.save_and_hand_out();
    }
    w.check_nothing_leaks();
    exact_checks += w.exact_checks;
  }
  // So the test cannot pass by holding no meeting.
  CHECK(exact_checks > 200);
}
