// SPDX-License-Identifier: Apache-2.0
// The progress summary as an SVG chart a participant and a coach can look at together: one small
// line chart per series, two per row, sharing one time axis so the same date lies at the same
// place in every chart. Plain SVG 1.1 text, no scripts, fonts or external references; every piece
// of text that comes from the record is XML-escaped.
//
// Layout (pixels; the tests compute their expected coordinates from these numbers):
//  - The page is 780 wide: a margin of 20, two panels 360 wide, a gap of 20 between them.
//  - A header 100 high holds the title, the period, the colour legend and the placeholder note.
//  - Panel i is placed at x = 20 + (i % 2) * 380, y = 100 + (i / 2) * 240 (a <g> translated
//    there); the page is 100 + rows * 240 high.
//  - Inside a panel, the plot area runs from x = 56 to x = 340 and from y = 64 (top) to y = 184
//    (bottom). Time: x(t) = 56 + 284 * (t - from) / (to - from), where from and to are the first
//    and the latest assessment of the whole summary; x = 198 when from == to. Value:
//    y(v) = 184 - 120 * (v - min) / (max - min), with min and max the ends of the instrument's
//    scale (or of the values seen, widened by 1 when flat, if the definition is absent); values
//    outside the scale are drawn at its edge. Coordinates are written with one decimal.
//  - Text is never cut: a panel's title, subtitle or scale caption longer than its line holds
//    (46, 62 and 70 characters: 336 pixels at its font size) keeps every character and is drawn
//    squeezed into the 336 pixels (SVG textLength), so a long Finnish title stays whole.
//  - Every label is the catalogue's, in the reader's language (docs/I18N.md).
#include <algorithm>
#include <cstdio>

#include "views/labels.h"
#include "views/progress.h"
#include "views/progress_words.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {
namespace {

constexpr int kPageWidth = 780;
constexpr int kHeaderHeight = 100;
constexpr int kPanelWidth = 360;
constexpr int kPanelHeight = 220;
constexpr int kGap = 20;
constexpr int kMargin = 20;
constexpr double kPlotLeft = 56;
constexpr double kPlotRight = 340;
constexpr double kPlotTop = 64;
constexpr double kPlotBottom = 184;
// Bounds on what one chart draws, so hostile content (a 256 MiB section of scores) cannot turn
// into gigabytes of SVG: the panels after the first kMaxPanels are only counted (the table and
// the JSON have them all), and a series with more than kMaxMarkers points is drawn as its line
// alone, without a marker and label per point.
constexpr size_t kMaxPanels = 100;
constexpr size_t kMaxMarkers = 60;

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

const char* colour(const std::string& respondent) {
  if (respondent == "participant") return "#1f77b4";
  if (respondent == "professional") return "#d95f02";
  if (respondent == "joint") return "#1b9e77";
  return "#555555";
}

std::string text_element(double x, double y, const std::string& attributes, const std::string& content) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" " + attributes + ">" + xml_escape(content) + "</text>\n";
}

// A panel's line of text, whole: longer than `fits` characters, it is squeezed into the panel's
// 336 pixels instead of being cut (a title cut short can say something else).
constexpr double kPanelTextWidth = 336;
std::string panel_line(double y, const std::string& attributes, const std::string& content, size_t fits) {
  const std::string fitted = display_width(content) > fits
                                 ? attributes + " textLength=\"" + num(kPanelTextWidth) + "\" lengthAdjust=\"spacingAndGlyphs\""
                                 : attributes;
  return text_element(12, y, fitted, content);
}

// Who answered, as the chart's subtitle and legend name it.
std::string respondent_word(const std::string& respondent, Language l) {
  if (respondent == "participant") return trc(l, "chart respondent", "participant");
  if (respondent == "professional") return trc(l, "chart respondent", "professional");
  if (respondent == "joint") return trc(l, "chart respondent", "joint");
  if (respondent == "mixed") return trc(l, "chart respondent", "mixed");
  return trc(l, "chart respondent", "unspecified");
}

struct Range {
  int64_t min;
  int64_t max;
};

Range value_range(const ProgressSeries& s) {
  if (s.scale_known) return {s.scale_min, s.scale_max};
  Range r{s.points.front().value, s.points.front().value};
  for (const ProgressPoint& p : s.points) r.min = std::min<int64_t>(r.min, p.value), r.max = std::max<int64_t>(r.max, p.value);
  if (r.min == r.max) --r.min, ++r.max;
  return r;
}

double x_of(int64_t t, int64_t from, int64_t to) {
  if (from == to) return (kPlotLeft + kPlotRight) / 2;
  return kPlotLeft + (kPlotRight - kPlotLeft) * static_cast<double>(t - from) / static_cast<double>(to - from);
}

double y_of(int64_t v, Range r) {
  v = std::clamp(v, r.min, r.max);
  return kPlotBottom - (kPlotBottom - kPlotTop) * static_cast<double>(v - r.min) / static_cast<double>(r.max - r.min);
}

// Every value of a short scale, else five evenly spread values.
std::vector<int64_t> ticks(Range r) {
  std::vector<int64_t> out;
  if (r.max - r.min <= 10) {
    for (int64_t v = r.min; v <= r.max; ++v) out.push_back(v);
  } else {
    for (int k = 0; k <= 4; ++k) out.push_back(r.min + (r.max - r.min) * k / 4);
  }
  return out;
}

std::string scale_caption(const ProgressSeries& s, Language l) {
  if (!s.scale_known) return tr(l, "scale not defined in the record");
  const auto end = [](int32_t v, const std::string& label) {
    return label.empty() ? std::to_string(v) : std::to_string(v) + " (" + label + ")";
  };
  return fill(s.higher_is_better ? tr(l, "scale %s to %s, higher is better") : tr(l, "scale %s to %s, lower is better"),
              {end(s.scale_min, s.scale_min_label), end(s.scale_max, s.scale_max_label)});
}

std::string title_of(const ProgressSeries& s) {
  std::string label = s.indicator_label;
  if (!s.target_id.empty()) label += ": " + (s.target_label.empty() ? s.target_id : s.target_label);
  return label;
}

std::string panel(const ProgressSeries& s, size_t index, int64_t from, int64_t to, Language l) {
  const int x = kMargin + static_cast<int>(index % 2) * (kPanelWidth + kGap);
  const int y = kHeaderHeight + static_cast<int>(index / 2) * (kPanelHeight + kGap);
  const Range range = value_range(s);
  const char* stroke = colour(s.respondent);
  std::string g = "<g transform=\"translate(" + std::to_string(x) + "," + std::to_string(y) + ")\">\n";
  g += "<rect x=\"0\" y=\"0\" width=\"360\" height=\"220\" rx=\"6\" fill=\"#ffffff\" stroke=\"#cccccc\"/>\n";
  const std::string title = title_of(s);
  g += "<title>" + xml_escape(title + " (" + s.instrument_title + ")") + "</title>\n";
  g += panel_line(20, "font-size=\"13\" font-weight=\"bold\"", title + (s.placeholder_wording ? " *" : ""), 46);
  std::string subtitle = (s.is_step ? tr(l, "programme phase") : respondent_word(s.respondent, l)) + " · " +
                         s.instrument_title;
  if (s.section == "work_ability") subtitle = tr(l, "health data") + " · " + subtitle;
  g += panel_line(36, "font-size=\"11\" fill=\"#444444\"", subtitle, 62);
  g += panel_line(51, "font-size=\"10\" fill=\"#666666\"", scale_caption(s, l), 70);

  for (int64_t v : ticks(range)) {
    const std::string ty = num(y_of(v, range));
    g += "<line x1=\"56.0\" y1=\"" + ty + "\" x2=\"340.0\" y2=\"" + ty + "\" stroke=\"#eeeeee\"/>\n";
    g += text_element(kPlotLeft - 8, y_of(v, range) + 4, "font-size=\"10\" text-anchor=\"end\"", std::to_string(v));
  }
  g += "<line x1=\"56.0\" y1=\"184.0\" x2=\"340.0\" y2=\"184.0\" stroke=\"#888888\"/>\n";
  g += "<line x1=\"56.0\" y1=\"64.0\" x2=\"56.0\" y2=\"184.0\" stroke=\"#888888\"/>\n";
  if (from == to) {
    g += text_element(x_of(from, from, to), 198, "font-size=\"10\" text-anchor=\"middle\"", date_text(from));
  } else {
    g += text_element(kPlotLeft, 198, "font-size=\"10\" text-anchor=\"start\"", date_text(from));
    g += text_element(kPlotRight, 198, "font-size=\"10\" text-anchor=\"end\"", date_text(to));
  }

  std::string points;
  for (const ProgressPoint& p : s.points) {
    if (!points.empty()) points += ' ';
    points += num(x_of(p.at, from, to)) + "," + num(y_of(p.value, range));
  }
  g += "<polyline fill=\"none\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
  for (const ProgressPoint& p : s.points) {
    if (s.points.size() > kMaxMarkers) break;
    const double px = x_of(p.at, from, to);
    const double py = y_of(p.value, range);
    g += "<line x1=\"" + num(px) + "\" y1=\"184.0\" x2=\"" + num(px) + "\" y2=\"188.0\" stroke=\"#888888\"/>\n";
    g += "<circle cx=\"" + num(px) + "\" cy=\"" + num(py) + "\" r=\"3.5\" fill=\"" + stroke + "\"><title>" +
         xml_escape(date_text(p.at) + ": " + std::to_string(p.value)) + "</title></circle>\n";
    g += text_element(px, py - 7, "font-size=\"10\" text-anchor=\"middle\"", std::to_string(p.value));
  }
  const std::string change = (s.change() > 0 ? "+" : "") + std::to_string(s.change());
  const auto n = static_cast<uint64_t>(s.points.size());
  g += panel_line(214, "font-size=\"11\"",
                  fill(trn(l, "first %s, latest %s: %s (%s) over %s assessment",
                           "first %s, latest %s: %s (%s) over %s assessments", n),
                       {std::to_string(s.first().value), std::to_string(s.latest().value), change, direction_text(s, l),
                        std::to_string(n)}),
                  62);
  return g + "</g>\n";
}

std::string legend(Language l) {
  std::string out;
  double x = 20;
  const std::pair<const char*, std::string> entries[] = {
      {"participant", respondent_word("participant", l)},
      {"professional", respondent_word("professional", l)},
      {"joint", respondent_word("joint", l)},
      {"other", trc(l, "chart respondent", "other or programme step")}};
  for (const auto& [who, word] : entries) {
    const std::string c = colour(who);
    out += "<line x1=\"" + num(x) + "\" y1=\"72.0\" x2=\"" + num(x + 18) + "\" y2=\"72.0\" stroke=\"" + c +
           "\" stroke-width=\"3\"/>\n";
    out += text_element(x + 24, 76, "font-size=\"11\"", word);
    x += 24 + 8.0 * static_cast<double>(display_width(word)) + 16;
  }
  return out;
}

}  // namespace

std::string progress_svg(const ProgressSummary& summary, Language l) {
  const size_t panels = std::min(summary.series.size(), kMaxPanels);
  const size_t rows = (panels + 1) / 2;
  const int height = kHeaderHeight + static_cast<int>(std::max<size_t>(rows, 1)) * (kPanelHeight + kGap);
  const std::string h = std::to_string(height);
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + std::to_string(kPageWidth) +
         "\" height=\"" + h + "\" viewBox=\"0 0 " + std::to_string(kPageWidth) + " " + h +
         "\" font-family=\"sans-serif\" role=\"img\">\n";
  const std::string heading = tr(l, "Progress (stegförflyttning)");
  svg += "<title>" + xml_escape(heading) + "</title>\n";
  svg += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(kPageWidth) + "\" height=\"" + h + "\" fill=\"#fafafa\"/>\n";
  svg += text_element(20, 34, "font-size=\"20\" font-weight=\"bold\"", heading);
  if (summary.series.empty()) {
    svg += text_element(20, 56, "font-size=\"12\"", tr(l, "No scores recorded yet."));
    return svg + "</svg>\n";
  }
  const auto count = static_cast<uint64_t>(summary.series.size());
  svg += text_element(20, 56, "font-size=\"12\"",
                      fill(tr(l, "%s to %s"), {date_text(summary.from), date_text(summary.to)}) + " · " +
                          fill(trn(l, "%s indicator", "%s indicators", count), {std::to_string(count)}) + " · " +
                          tr(l, "each chart: one indicator over time"));
  svg += legend(l);
  bool any_placeholder = false;
  for (const ProgressSeries& s : summary.series) any_placeholder = any_placeholder || s.placeholder_wording;
  if (any_placeholder)
    svg += text_element(20, 94, "font-size=\"11\" fill=\"#aa3333\"",
                        tr(l, "* placeholder wording: Kartla's stand-in, not the original instrument's text"));
  if (panels < summary.series.size()) {
    const auto more = static_cast<uint64_t>(summary.series.size() - panels);
    svg += text_element(400, 94, "font-size=\"11\" fill=\"#aa3333\"",
                        fill(trn(l, "%s more indicator not drawn: see the table", "%s more indicators not drawn: see the table",
                                 more),
                             {std::to_string(more)}));
  }
  for (size_t i = 0; i < panels; ++i) svg += panel(summary.series[i], i, summary.from, summary.to, l);
  return svg + "</svg>\n";
}

}  // namespace kartla::views
