/* SPDX-License-Identifier: Apache-2.0 */
// A programme's follow-up figures from its participants' follow-up entries: counts and shares
// only, never a line per person, with every cell that could point at fewer than the minimum
// group suppressed (docs/SPEC.md §7.8). No crypto here: the bundles are verified by
// followup_report.h before their entries reach this file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kartla/v1/programme_followup.pb.h"

namespace kartla::share {

// The smallest group a figure may describe. Five, as Swedish official statistics commonly
// suppress cells below 3-5 and the project owner already knows who took part: any smaller cell
// (two women, one of whom the reader can name) would say something about a person
// (docs/SPEC.md §7.8 gives the reasoning).
inline constexpr uint32_t kFollowupMinimumGroup = 5;

struct FollowupCell {
  std::string key;         // a code ("woman", "employed"), a phase ("0" = none yet, "1", "2", ...)
  uint32_t count = 0;      // 0 when suppressed
  bool suppressed = false;
  uint32_t per_mille = 0;  // count × 1000 / the partition's base, rounded half up; 0 when suppressed
};

struct FollowupFigures {
  std::string programme_name;
  std::string funding_ref;
  uint32_t participants = 0;
  std::vector<FollowupCell> by_gender;              // woman, man, non-binary, not-stated; base participants
  std::vector<FollowupCell> by_highest_phase;       // phases seen, ascending; base participants
  std::vector<FollowupCell> by_status;              // participating, exited; base participants
  std::vector<FollowupCell> at_exit;                // outcome codes; base: those who exited
  std::vector<FollowupCell> six_months_after_exit;  // outcome codes; base: those who exited
};

// Throws Error(limit) when there are fewer entries than kFollowupMinimumGroup.
FollowupFigures tally_followup(const std::vector<v1::ProgrammeFollowup>& entries);

// Exposed for its own tests: suppresses, in one partition of `base` people, every cell of 1 to
// minimum - 1 people, then more (docs/SPEC.md §7.8 says which) until the suppressed cells are
// none, or at least two holding at least the minimum together, so that none can be worked out by
// subtraction from the base; all cells when the base itself is suppressed. Fills per_mille.
void suppress_small_cells(std::vector<FollowupCell>& cells, uint32_t base, bool base_suppressed);

}  // namespace kartla::share
