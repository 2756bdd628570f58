// The progress summary as a table for a terminal: one block per instrument, one row per series.
#include <algorithm>

#include "views/labels.h"
#include "views/progress.h"
#include "views/text.h"

namespace kartla::views {
namespace {

constexpr size_t kLabelWidth = 44;

struct Row {
  std::string cells[7];
};

std::string signed_number(int64_t n) { return (n > 0 ? "+" : "") + std::to_string(n); }

std::string series_label(const ProgressSeries& s) {
  std::string label = s.indicator_label;
  if (!s.target_id.empty()) label += ": " + (s.target_label.empty() ? s.target_id : s.target_label);
  return truncate_to(label, kLabelWidth);
}

std::string scale_text(const ProgressSeries& s) {
  if (!s.scale_known) return "?";
  return std::to_string(s.scale_min) + ".." + std::to_string(s.scale_max) + (s.higher_is_better ? "" : " (low=good)");
}

std::string group_heading(const ProgressSeries& s) {
  std::string h = s.instrument_title + " [" + s.instrument_id;
  if (!s.instrument_version.empty()) h += " version " + s.instrument_version;
  if (s.placeholder_wording) h += ", placeholder wording";
  if (s.section == "work_ability") h += ", from work_ability: health data";
  return h + "]";
}

std::string render_rows(const std::vector<Row>& rows) {
  size_t width[7] = {};
  for (const Row& r : rows)
    for (size_t c = 0; c < 7; ++c) width[c] = std::max(width[c], display_width(r.cells[c]));
  std::string out;
  for (const Row& r : rows) {
    std::string line = "  ";
    for (size_t c = 0; c < 6; ++c) line += pad_right(r.cells[c], width[c] + 2);
    line += r.cells[6];
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string progress_text(const ProgressSummary& summary) {
  if (summary.series.empty()) return "No scores recorded yet.\n";
  std::string out = "Progress (stegförflyttning): " + std::to_string(summary.series.size()) + " indicator" +
                    (summary.series.size() == 1 ? "" : "s") + ", " + date_text(summary.from) + " to " +
                    date_text(summary.to) + "\n";
  bool any_placeholder = false;
  std::vector<Row> rows;
  std::string heading;
  const auto flush = [&] {
    if (rows.size() > 1) out += "\n" + heading + "\n" + render_rows(rows);
    rows.clear();
  };
  for (const ProgressSeries& s : summary.series) {
    const std::string h = group_heading(s);
    if (h != heading) {
      flush();
      heading = h;
      rows.push_back(Row{{"indicator", "who", "scale", "first", "latest", "change", "n"}});
    }
    any_placeholder = any_placeholder || s.placeholder_wording;
    rows.push_back(Row{{series_label(s), s.is_step ? "phase" : s.respondent, scale_text(s),
                        date_text(s.first().at) + "  " + std::to_string(s.first().value),
                        date_text(s.latest().at) + "  " + std::to_string(s.latest().value),
                        signed_number(s.change()) + " " + s.direction(), std::to_string(s.points.size())}});
  }
  flush();
  if (any_placeholder)
    out += "\nPlaceholder wording is Kartla's stand-in for licensed or unpublished instrument text: do not\n"
           "present it as the original instrument.\n";
  return out;
}

}  // namespace kartla::views
