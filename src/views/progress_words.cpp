// SPDX-License-Identifier: Apache-2.0
#include "views/progress_words.h"

namespace kartla::views {

std::string respondent_heading(const ProgressSeries& s, Language l) {
  if (s.is_step) return tr(l, "programme step");
  if (s.respondent == "participant") return tr(l, "participant (self-rating)");
  if (s.respondent == "professional") return tr(l, "professional");
  if (s.respondent == "joint") return tr(l, "together");
  if (s.respondent == "mixed") return tr(l, "mixed respondents");
  return tr(l, "respondent not stated");
}

std::string direction_text(const ProgressSeries& s, Language l) {
  const std::string d = s.direction();
  if (d == "better") return tr(l, "better");
  if (d == "worse") return tr(l, "worse");
  return tr(l, "unchanged");
}

}  // namespace kartla::views
