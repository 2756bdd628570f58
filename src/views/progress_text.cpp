// SPDX-License-Identifier: Apache-2.0
// The progress summary as a table for a terminal: one block per instrument, one row per
// indicator (and goal, for GAS), and one column per respondent, so that a participant's
// self-rating and a professional's rating of the same indicator stand side by side. The series
// themselves stay separate (progress.h: different measurements are never mixed); only the table
// puts them next to each other. Labels are never cut: a long one widens its column.
#include <algorithm>
#include <map>

#include "views/labels.h"
#include "views/progress.h"
#include "views/progress_words.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {
namespace {

std::string signed_number(int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string series_label(const ProgressSeries& s) {
  std::string label = s.indicator_label;
  if (!s.target_id.empty()) label += ": " + (s.target_label.empty() ? s.target_id : s.target_label);
  return one_line(label);
}

std::string scale_text(const ProgressSeries& s, Language l) {
  if (!s.scale_known) return "?";
  return std::to_string(s.scale_min) + ".." + std::to_string(s.scale_max) +
         (s.higher_is_better ? "" : " " + tr(l, "(low is good)"));
}

std::string group_heading(const ProgressSeries& s, Language l) {
  std::string h = s.instrument_title + " [" + s.instrument_id;
  if (!s.instrument_version.empty()) h += ", " + fill(tr(l, "version %s"), {s.instrument_version});
  if (s.placeholder_wording) h += ", " + tr(l, "placeholder wording");
  if (s.section == "work_ability") h += ", " + tr(l, "from work_ability: health data");
  return h + "]";
}

// The respondents in the order a reader compares them: the participant's own view first.
int respondent_rank(const std::string& r) {
  static const char* const kOrder[] = {"participant", "professional", "joint", "unspecified", "mixed"};
  for (int i = 0; i < 5; ++i)
    if (r == kOrder[i]) return i;
  return 5;
}

// "2 → 5 (+3 better, 3 ratings)" or, for a single rating, "4 (2025-01-31)".
std::string cell_text(const ProgressSeries& s, Language l) {
  if (s.points.size() == 1) return std::to_string(s.first().value) + " (" + date_text(s.first().at) + ")";
  const auto n = static_cast<uint64_t>(s.points.size());
  return std::to_string(s.first().value) + " → " + std::to_string(s.latest().value) + " (" +
         signed_number(s.change()) + " " + direction_text(s, l) + ", " +
         fill(trn(l, "%s rating", "%s ratings", n), {std::to_string(n)}) + ")";
}

std::string render(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width;
  for (const auto& r : rows) {
    width.resize(std::max(width.size(), r.size()));
    for (size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], display_width(r[c]));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line = "  ";
    for (size_t c = 0; c + 1 < r.size(); ++c) line += pad_right(r[c], width[c] + 2);
    if (!r.empty()) line += r.back();
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

// One instrument's series as a table: rows by indicator and goal in their first order, columns by
// respondent.
std::string block(const std::vector<const ProgressSeries*>& series, Language l) {
  std::vector<std::string> columns;  // respondent keys, ranked
  std::map<std::string, std::string> headings;
  std::vector<std::string> row_keys;
  std::map<std::string, std::vector<const ProgressSeries*>> by_row;
  for (const ProgressSeries* s : series) {
    const std::string column = s->is_step ? "step" : s->respondent;
    if (headings.emplace(column, respondent_heading(*s, l)).second) columns.push_back(column);
    const std::string row = s->indicator + "\x1f" + s->target_id;
    if (by_row.find(row) == by_row.end()) row_keys.push_back(row);
    by_row[row].push_back(s);
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const std::string& a, const std::string& b) { return respondent_rank(a) < respondent_rank(b); });
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> head{tr(l, "indicator"), tr(l, "scale")};
  for (const std::string& c : columns) head.push_back(headings[c]);
  rows.push_back(head);
  for (const std::string& key : row_keys) {
    const auto& in_row = by_row[key];
    std::vector<std::string> row{series_label(*in_row.front()), scale_text(*in_row.front(), l)};
    for (const std::string& c : columns) {
      std::string cell = "–";
      for (const ProgressSeries* s : in_row)
        if ((s->is_step ? "step" : s->respondent) == c) cell = cell_text(*s, l);
      row.push_back(cell);
    }
    rows.push_back(row);
  }
  return render(rows);
}

}  // namespace

std::string progress_text(const ProgressSummary& summary, Language l) {
  if (summary.series.empty()) return tr(l, "No scores recorded yet.") + "\n";
  const auto n = static_cast<uint64_t>(summary.series.size());
  std::string out = fill(trn(l, "Progress (stegförflyttning): %s series, %s to %s",
                             "Progress (stegförflyttning): %s series, %s to %s", n),
                         {std::to_string(n), date_text(summary.from), date_text(summary.to)}) +
                    "\n";
  bool any_placeholder = false;
  std::vector<const ProgressSeries*> group;
  std::string heading;
  const auto flush = [&] {
    if (!group.empty()) out += "\n" + heading + "\n" + block(group, l);
    group.clear();
  };
  for (const ProgressSeries& s : summary.series) {
    const std::string h = group_heading(s, l);
    if (h != heading) {
      flush();
      heading = h;
    }
    any_placeholder = any_placeholder || s.placeholder_wording;
    group.push_back(&s);
  }
  flush();
  if (any_placeholder)
    out += "\n" + tr(l, "Placeholder wording is Kartla's stand-in for licensed or unpublished instrument text: do not present it as the original instrument.") + "\n";
  return out;
}

}  // namespace kartla::views
