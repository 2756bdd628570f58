// SPDX-License-Identifier: Apache-2.0
// The promise of the follow-up figures (docs/SPEC.md §7.8): no published cell, and no cell that
// can be worked out from the published ones and the base, describes 1 to 4 people. Checked as a
// property over random partitions, and on the totals the tally gives.
#include <catch2/catch.hpp>

#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "base/error.h"
#include "share/followup_figures.h"

namespace kartla::share {
namespace {

std::vector<FollowupCell> cells_of(const std::vector<uint32_t>& counts) {
  std::vector<FollowupCell> cells;
  for (size_t i = 0; i < counts.size(); ++i) cells.push_back({std::to_string(i), counts[i], false, 0});
  return cells;
}

v1::ProgrammeFollowup entry(const char* gender, int phase, const char* at_exit) {
  v1::ProgrammeFollowup e;
  e.set_programme_name("STEGA");
  if (gender != nullptr) {
    e.mutable_gender()->set_system("kartla-gender");
    e.mutable_gender()->set_code(gender);
  }
  for (int step = 1; step <= phase; ++step) {
    v1::PhaseTransition* t = e.add_phases();
    t->mutable_phase()->set_instrument_id("stega-phases");
    t->mutable_phase()->set_step(step);
    t->mutable_entered_on()->set_year(2025);
  }
  if (at_exit != nullptr) {
    e.mutable_exited_on()->set_year(2025);
    e.mutable_status_at_exit()->set_system("kartla-followup-outcome");
    e.mutable_status_at_exit()->set_code(at_exit);
  }
  return e;
}

}  // namespace

TEST_CASE("no suppressed cell can be worked out, over random partitions", "[followup][property]") {
  std::mt19937 rng(20261207);
  for (int round = 0; round < 5000; ++round) {
    std::vector<uint32_t> counts(1 + rng() % 6);
    for (uint32_t& c : counts) c = rng() % 3 == 0 ? 0 : static_cast<uint32_t>(rng() % 12);
    const uint32_t base = std::accumulate(counts.begin(), counts.end(), 0u);
    std::vector<FollowupCell> cells = cells_of(counts);
    suppress_small_cells(cells, base, false);
    INFO("round " << round);
    size_t hidden = 0;
    uint32_t hidden_total = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].suppressed) {
        ++hidden;
        hidden_total += counts[i];
        CHECK(cells[i].count == 0);
        CHECK(cells[i].per_mille == 0);
      } else {
        CHECK((counts[i] == 0 || counts[i] >= kFollowupMinimumGroup));
        CHECK(cells[i].count == counts[i]);
        CHECK(cells[i].per_mille == (base == 0 ? 0 : (counts[i] * 1000 + base / 2) / base));
      }
    }
    // What the base minus the published cells leaves is either nothing, or spread over two or
    // more cells that together hold at least the minimum; or everything is hidden.
    if (hidden != cells.size()) {
      CHECK(hidden != 1);
      CHECK((hidden_total == 0 || hidden_total >= kFollowupMinimumGroup));
    }
  }
}

TEST_CASE("a hidden base hides every cell under it") {
  std::vector<FollowupCell> cells = cells_of({3, 0, 1});
  suppress_small_cells(cells, 4, true);
  for (const FollowupCell& c : cells) CHECK(c.suppressed);
}

TEST_CASE("the tally counts each entry once in each partition, unset gender as not stated") {
  std::vector<v1::ProgrammeFollowup> entries;
  for (int i = 0; i < 5; ++i) entries.push_back(entry("woman", 2, "employed"));
  for (int i = 0; i < 5; ++i) entries.push_back(entry(nullptr, 1, nullptr));  // still taking part
  const FollowupFigures f = tally_followup(entries);
  CHECK(f.participants == 10);
  CHECK(f.by_gender[0].key == "woman");
  CHECK(f.by_gender[0].count == 5);
  CHECK(f.by_gender[3].key == "not-stated");
  CHECK(f.by_gender[3].count == 5);
  REQUIRE(f.by_highest_phase.size() == 2);
  CHECK(f.by_highest_phase[0].key == "1");
  CHECK(f.by_highest_phase[1].count == 5);
  CHECK(f.by_status[0].key == "participating");
  CHECK(f.by_status[0].count == 5);
  CHECK(f.by_status[1].per_mille == 500);
  CHECK(f.at_exit[0].key == "employed");
  CHECK(f.at_exit[0].per_mille == 1000);  // of those who left
  CHECK(f.six_months_after_exit[4].key == "unknown");
  CHECK(f.six_months_after_exit[4].count == 5);
}

TEST_CASE("fewer than the minimum are refused, and a small exit group hides its outcomes") {
  std::vector<v1::ProgrammeFollowup> entries(4, entry("man", 1, "employed"));
  CHECK_THROWS_AS(tally_followup(entries), Error);
  try {
    tally_followup(entries);
  } catch (const Error& e) {
    CHECK(e.code() == Code::limit);
  }
  for (int i = 0; i < 4; ++i) entries.push_back(entry("man", 1, nullptr));
  // 8 participants, 4 of them left: the exit group is itself below the minimum.
  const FollowupFigures f = tally_followup(entries);
  CHECK(f.by_status[1].suppressed);
  CHECK(f.by_status[0].suppressed);  // 8 - hidden would give it away otherwise
  for (const FollowupCell& c : f.at_exit) CHECK(c.suppressed);
}

}  // namespace kartla::share
