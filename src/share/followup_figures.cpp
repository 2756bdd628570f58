// SPDX-License-Identifier: Apache-2.0
#include "share/followup_figures.h"

#include <algorithm>
#include <map>

#include "base/error.h"

namespace kartla::share {
namespace {

// The outcome codes of `kartla-followup-outcome`, in the order figures list them.
const std::vector<std::string>& outcome_keys() {
  static const std::vector<std::string> keys = {"employed", "studies", "job-seeking", "other", "unknown"};
  return keys;
}

std::vector<FollowupCell> cells_for(const std::vector<std::string>& keys) {
  std::vector<FollowupCell> cells;
  for (const std::string& key : keys) cells.push_back({key, 0, false, 0});
  return cells;
}

void count_into(std::vector<FollowupCell>& cells, const std::string& key) {
  for (FollowupCell& cell : cells)
    if (cell.key == key) {
      ++cell.count;
      return;
    }
  // Validation admits only the listed codes; a key outside them is a bug, not a participant.
  fail(Code::internal, "a follow-up code outside its list reached the tally");
}

std::string outcome_of(const v1::Coding& coding) { return coding.code().empty() ? "unknown" : coding.code(); }

// The highest phase the person moved into; 0 when none yet.
int32_t highest_phase(const v1::ProgrammeFollowup& entry) {
  int32_t highest = 0;
  for (const v1::PhaseTransition& t : entry.phases()) highest = std::max(highest, t.phase().step());
  return highest;
}

uint32_t suppressed_total(const std::vector<FollowupCell>& cells, const std::vector<uint32_t>& counts) {
  uint32_t total = 0;
  for (size_t i = 0; i < cells.size(); ++i)
    if (cells[i].suppressed) total += counts[i];
  return total;
}

}  // namespace

void suppress_small_cells(std::vector<FollowupCell>& cells, uint32_t base, bool base_suppressed) {
  std::vector<uint32_t> counts;
  for (const FollowupCell& cell : cells) counts.push_back(cell.count);
  for (FollowupCell& cell : cells)
    cell.suppressed = base_suppressed || (cell.count > 0 && cell.count < kFollowupMinimumGroup);
  // Secondary suppression: with the base published, one hidden cell is the base minus the
  // others, and hidden cells that add up to fewer than the minimum still single people out.
  for (;;) {
    size_t hidden = 0;
    for (const FollowupCell& cell : cells) hidden += cell.suppressed ? 1 : 0;
    const uint32_t hidden_total = suppressed_total(cells, counts);
    const bool exposed = hidden == 1 || (hidden_total > 0 && hidden_total < kFollowupMinimumGroup);
    if (!exposed || hidden == cells.size()) break;
    // A hidden total below the minimum needs people added to it: hiding a cell of 0 would add
    // none, so the smallest non-empty cell is taken; a lone hidden cell needs only a companion.
    const bool need_people = hidden_total > 0 && hidden_total < kFollowupMinimumGroup;
    size_t smallest = cells.size();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].suppressed || (need_people && counts[i] == 0)) continue;
      if (smallest == cells.size() || counts[i] < counts[smallest]) smallest = i;
    }
    if (smallest == cells.size()) {  // only empty cells left: hiding them adds no one
      for (FollowupCell& cell : cells) cell.suppressed = true;
      break;
    }
    cells[smallest].suppressed = true;
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    FollowupCell& cell = cells[i];
    if (cell.suppressed) {
      cell.count = 0;
      cell.per_mille = 0;
    } else {
      cell.per_mille = base == 0 ? 0 : static_cast<uint32_t>((uint64_t{counts[i]} * 1000 + base / 2) / base);
    }
  }
}

FollowupFigures tally_followup(const std::vector<v1::ProgrammeFollowup>& entries) {
  if (entries.size() < kFollowupMinimumGroup)
    fail(Code::limit, "follow-up figures need at least %1$s participants, so that no one can be picked out; there "
         "are %2$s", {std::to_string(kFollowupMinimumGroup), std::to_string(entries.size())});
  FollowupFigures f;
  f.programme_name = entries.front().programme_name();
  f.funding_ref = entries.front().funding_ref();
  f.participants = static_cast<uint32_t>(entries.size());
  f.by_gender = cells_for({"woman", "man", "non-binary", "not-stated"});
  f.by_status = cells_for({"participating", "exited"});
  f.at_exit = cells_for(outcome_keys());
  f.six_months_after_exit = cells_for(outcome_keys());
  std::map<int32_t, uint32_t> phases;
  uint32_t exited = 0;
  for (const v1::ProgrammeFollowup& e : entries) {
    count_into(f.by_gender, e.gender().code().empty() ? "not-stated" : e.gender().code());
    ++phases[highest_phase(e)];
    const bool left = e.exited_on().year() != 0;  // as validation reads it: a year is required
    count_into(f.by_status, left ? "exited" : "participating");
    if (!left) continue;
    ++exited;
    count_into(f.at_exit, outcome_of(e.status_at_exit()));
    count_into(f.six_months_after_exit, outcome_of(e.status_six_months_after_exit()));
  }
  for (const auto& [phase, count] : phases) f.by_highest_phase.push_back({std::to_string(phase), count, false, 0});

  suppress_small_cells(f.by_gender, f.participants, false);
  suppress_small_cells(f.by_highest_phase, f.participants, false);
  suppress_small_cells(f.by_status, f.participants, false);
  // The exit figures' base is a cell of by_status: when it is hidden, so is everything under it.
  const bool exited_hidden = f.by_status[1].suppressed;
  suppress_small_cells(f.at_exit, exited, exited_hidden);
  suppress_small_cells(f.six_months_after_exit, exited, exited_hidden);
  return f;
}

}  // namespace kartla::share
