// SPDX-License-Identifier: Apache-2.0
// The progress summary, its JSON, table and SVG, against numbers computed by hand from
// progress_fixture.h and the layout documented in src/report/progress_svg.cpp.
#include <catch2/catch.hpp>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "progress_fixture.h"
#include "views/progress.h"
#include "report_test_support.h"

namespace kartla::views {
namespace {

using test::count;
using test::from_json;

constexpr int64_t kA = 1735732800;            // 2025-01-01T12:00:00Z
constexpr int64_t kB = kA + 30 * 86400;       // 2025-01-31
constexpr int64_t kC = kA + 120 * 86400;      // 2025-05-01

ProgressSummary fixture_summary(const ViewOptions& options = {}) {
  const auto progress = from_json<v1::Progress>(test::kProgressJson);
  return summarize_progress(&progress, nullptr, nullptr, options);
}

}  // namespace

TEST_CASE("one series per instrument, indicator and respondent, with first, latest and change", "[progress]") {
  const ProgressSummary s = fixture_summary();
  CHECK(s.from == kA);
  CHECK(s.to == kC);
  REQUIRE(s.series.size() == 4);

  const ProgressSeries& mood = s.series[0];
  CHECK(mood.indicator == "mood");
  CHECK(mood.respondent == "participant");
  CHECK(mood.indicator_label == "Mood <b>\"good\"</b>");
  CHECK(mood.scale_known);
  CHECK(mood.scale_min == 1);
  CHECK(mood.scale_max == 5);
  CHECK(mood.scale_min_label == "Low");
  CHECK(mood.scale_max_label == "High");
  REQUIRE(mood.points.size() == 3);
  CHECK(mood.first().at == kA);
  CHECK(mood.first().value == 2);
  CHECK(mood.latest().at == kC);
  CHECK(mood.latest().value == 5);
  CHECK(mood.change() == 3);
  CHECK(mood.direction() == "better");

  // The caseworker's rating of the same indicator is its own series, never mixed in.
  const ProgressSeries& mood_pro = s.series[1];
  CHECK(mood_pro.indicator == "mood");
  CHECK(mood_pro.respondent == "professional");
  REQUIRE(mood_pro.points.size() == 1);
  CHECK(mood_pro.first().at == kB);
  CHECK(mood_pro.change() == 0);
  CHECK(mood_pro.direction() == "unchanged");

  // An unanswered score is not a zero.
  const ProgressSeries& effort = s.series[2];
  CHECK(effort.indicator == "effort");
  REQUIRE(effort.points.size() == 2);
  CHECK(effort.first().value == 10);
  CHECK(effort.latest().value == 5);
  CHECK(effort.latest().at == kB);
  CHECK(effort.change() == -5);
  CHECK(effort.direction() == "worse");

  // Steps carried by two assessments on the same day are one point.
  const ProgressSeries& step = s.series[3];
  CHECK(step.is_step);
  CHECK(step.instrument_id == "test-steps");
  CHECK(step.placeholder_wording);
  CHECK(step.respondent == "mixed");
  REQUIRE(step.points.size() == 3);
  CHECK(step.points[0].value == 1);
  CHECK(step.points[1].at == kB);
  CHECK(step.change() == 1);
}

TEST_CASE("labels follow the preferred language, falling back to English", "[progress]") {
  ViewOptions sv;
  sv.language = "sv";
  const ProgressSummary s = fixture_summary(sv);
  CHECK(s.series[0].indicator_label == "Humör");
  CHECK(s.series[0].instrument_title == "Testskala");
  CHECK(s.series[2].indicator_label == "Effort");  // no Swedish label
}

TEST_CASE("lower is better turns a rise into 'worse'", "[progress]") {
  auto progress = from_json<v1::Progress>(test::kProgressJson);
  progress.mutable_instruments(0)->mutable_indicators(0)->mutable_scale()->set_higher_is_better(false);
  const ProgressSummary s = summarize_progress(&progress, nullptr, nullptr, {});
  CHECK(s.series[0].change() == 3);
  CHECK(s.series[0].direction() == "worse");
}

TEST_CASE("GAS scores are one series per goal, named by the plan's goal text", "[progress]") {
  const auto progress = from_json<v1::Progress>(R"({
    "instruments": [{"id": "gas", "version": "1", "indicators": [{"code": "attainment", "per_target": true,
                     "scale": {"min": -2, "max": 2, "higher_is_better": true}}]}],
    "entries": [
      {"id": "g1", "instrument": {"id": "gas", "version": "1"}, "assessed_at": "2025-01-01T00:00:00Z",
       "respondent": "RESPONDENT_JOINT",
       "scores": [{"indicator": "attainment", "value": -1, "target_id": "goal-b"},
                  {"indicator": "attainment", "value": -2, "target_id": "goal-a"}]},
      {"id": "g2", "instrument": {"id": "gas", "version": "1"}, "assessed_at": "2025-02-01T00:00:00Z",
       "respondent": "RESPONDENT_JOINT",
       "scores": [{"indicator": "attainment", "value": 0, "target_id": "goal-a"},
                  {"indicator": "attainment", "value": 1, "target_id": "goal-b"}]}]})");
  const auto plan = from_json<v1::ActionPlan>(R"({"goals": [{"id": "goal-a", "text": "Work 20 hours"}]})");
  const ProgressSummary s = summarize_progress(&progress, nullptr, &plan, {});
  REQUIRE(s.series.size() == 2);
  // In the order targets first appear.
  CHECK(s.series[0].target_id == "goal-b");
  CHECK(s.series[0].target_label.empty());  // not in the plan: the id is shown
  CHECK(s.series[0].change() == 2);
  CHECK(s.series[1].target_id == "goal-a");
  CHECK(s.series[1].target_label == "Work 20 hours");
  CHECK(s.series[1].change() == 2);
}

TEST_CASE("work_ability scores only when asked for", "[progress]") {
  const auto wa = from_json<v1::WorkAbility>(R"({
    "instruments": [{"id": "wa-scale", "version": "1", "health_data": true,
                     "indicators": [{"code": "overall", "scale": {"min": 0, "max": 10, "higher_is_better": true}}]}],
    "entries": [{"id": "w1", "observed_at": "2025-01-01T00:00:00Z", "instrument": {"id": "wa-scale", "version": "1"},
                 "scores": [{"indicator": "overall", "value": 4}]}]})");
  CHECK(summarize_progress(nullptr, &wa, nullptr, {}).series.empty());
  ViewOptions with;
  with.include_work_ability = true;
  const ProgressSummary s = summarize_progress(nullptr, &wa, nullptr, with);
  REQUIRE(s.series.size() == 1);
  CHECK(s.series[0].section == "work_ability");
  CHECK(s.series[0].health_data);
  CHECK(s.series[0].respondent == "unspecified");
}

TEST_CASE("an instrument not pinned in the section still shows, on the range of its values", "[progress]") {
  const auto progress = from_json<v1::Progress>(R"({"entries": [
      {"id": "x1", "instrument": {"id": "unknown", "version": "1"}, "assessed_at": "2025-01-01T00:00:00Z",
       "scores": [{"indicator": "q", "value": 7}]}]})");
  const ProgressSummary s = summarize_progress(&progress, nullptr, nullptr, {});
  REQUIRE(s.series.size() == 1);
  CHECK_FALSE(s.series[0].scale_known);
  CHECK(s.series[0].indicator_label == "q");
  CHECK_FALSE(progress_view(s).indicators(0).has_scale());
  // One point at from == to: the middle of the plot; a flat range widened by 1: 6..8, so 7 is
  // in the middle too: y = 184 - 120 * (7 - 6) / 2 = 124.
  CHECK(progress_svg(s).find("points=\"198.0,124.0\"") != std::string::npos);
}

TEST_CASE("the typed summary carries the hand-computed numbers", "[progress]") {
  const v1::ProgressView view = progress_view(fixture_summary());
  CHECK(view.from() == "2025-01-01");
  CHECK(view.to() == "2025-05-01");
  const auto labelled = [&](const std::string& label) {
    for (const v1::ProgressSeries& s : view.indicators())
      if (s.label() == label) return &s;
    return static_cast<const v1::ProgressSeries*>(nullptr);
  };
  const v1::ProgressSeries* mood = labelled("Mood <b>\"good\"</b>");
  REQUIRE(mood != nullptr);
  CHECK(mood->first().date() == "2025-01-01");
  CHECK(mood->first().value() == 2);
  CHECK(mood->latest().date() == "2025-05-01");
  CHECK(mood->latest().value() == 5);
  CHECK(mood->change() == 3);
  CHECK(mood->direction() == "better");
  CHECK(mood->assessments() == 3);
  size_t worse = 0, steps = 0;
  for (const v1::ProgressSeries& s : view.indicators()) {
    if (s.change() == -5 && s.direction() == "worse" && s.assessments() == 2) ++worse;
    if (s.kind() == "programme-step") ++steps;
  }
  CHECK(worse == 1);
  CHECK(steps == 1);
}

TEST_CASE("the table puts self-ratings and a professional's ratings of one indicator side by side", "[progress]") {
  const std::string text = progress_text(fixture_summary());
  CHECK(text.find("Progress (stegförflyttning): 4 series, 2025-01-01 to 2025-05-01\n") == 0);
  // One row per indicator; the participant's column first, the professional's beside it.
  CHECK(text.find("scale  participant (self-rating)     professional\n") != std::string::npos);
  CHECK(text.find("1..5   2 → 5 (+3 better, 3 ratings)  4 (2025-01-31)\n") != std::string::npos);
  CHECK(text.find("0..10  10 → 5 (-5 worse, 2 ratings)  –\n") != std::string::npos);
  CHECK(text.find("Test steps [test-steps, version 1, placeholder wording]\n") != std::string::npos);
  CHECK(progress_text(ProgressSummary{}) == "No scores recorded yet.\n");
  // The same table in Swedish; a long indicator label is never cut.
  const std::string sv = progress_text(fixture_summary(), i18n::Language::sv);
  CHECK(sv.find("Stegförflyttning: 4 serier, 2025-01-01 till 2025-05-01\n") == 0);
  CHECK(sv.find("deltagaren (egen skattning)") != std::string::npos);
  CHECK(sv.find("2 → 5 (+3 bättre, 3 skattningar)") != std::string::npos);
  ProgressSummary long_label = fixture_summary();
  const std::string title(80, 'x');
  long_label.series.front().indicator_label = title;
  CHECK(progress_text(long_label).find(title + "  ") != std::string::npos);
}

// x(t) = 56 + 284 * (t - A) / 120 days: A -> 56.0, B -> 56 + 284 / 4 = 127.0, C -> 340.0.
// y(v) = 184 - 120 * (v - min) / (max - min).
TEST_CASE("the chart's lines lie where the documented scaling puts them", "[progress][svg]") {
  const std::string svg = progress_svg(fixture_summary());
  // Two rows of panels: 100 + 2 * 240.
  CHECK(svg.find("width=\"780\" height=\"580\" viewBox=\"0 0 780 580\"") != std::string::npos);
  const size_t p0 = svg.find("<g transform=\"translate(20,100)\">");
  const size_t p1 = svg.find("<g transform=\"translate(400,100)\">");
  const size_t p2 = svg.find("<g transform=\"translate(20,340)\">");
  const size_t p3 = svg.find("<g transform=\"translate(400,340)\">");
  REQUIRE(p0 < p1);
  REQUIRE(p1 < p2);
  REQUIRE(p2 < p3);
  REQUIRE(p3 != std::string::npos);
  // mood, participant, 1..5: 2 -> 154, 3 -> 124, 5 -> 64.
  const size_t l0 = svg.find("points=\"56.0,154.0 127.0,124.0 340.0,64.0\"");
  CHECK((l0 > p0 && l0 < p1));
  // mood, professional: 4 -> 94, at B only.
  const size_t l1 = svg.find("points=\"127.0,94.0\"");
  CHECK((l1 > p1 && l1 < p2));
  // effort, 0..10: 10 -> 64, 5 -> 124.
  const size_t l2 = svg.find("points=\"56.0,64.0 127.0,124.0\"");
  CHECK((l2 > p2 && l2 < p3));
  // steps, 1..3: 1 -> 184, 2 -> 124.
  const size_t l3 = svg.find("points=\"56.0,184.0 127.0,124.0 340.0,124.0\"");
  CHECK(l3 > p3);
  // Axes: the shared dates at the ends, the scale's values on the left (mood: 1..5).
  CHECK(count(svg, ">2025-01-01</text>") == 4);
  CHECK(count(svg, ">2025-05-01</text>") == 4);
  CHECK(svg.find("<text x=\"48.0\" y=\"68.0\" font-size=\"10\" text-anchor=\"end\">5</text>") != std::string::npos);
  CHECK(svg.find("scale 1 (Low) to 5 (High), higher is better") != std::string::npos);
  CHECK(svg.find("first 2, latest 5: +3 (better) over 3 assessments") != std::string::npos);
  CHECK(svg.find("* placeholder wording") != std::string::npos);
}

TEST_CASE("text from the record is XML-escaped in the chart", "[progress][svg]") {
  const std::string svg = progress_svg(fixture_summary());
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("Mood &lt;b&gt;&quot;good&quot;&lt;/b&gt;") != std::string::npos);
  CHECK(svg.find("Test &lt;scale&gt; &amp; &apos;friends&apos;") != std::string::npos);
  CHECK(svg.find("Test <scale>") == std::string::npos);
}

}  // namespace kartla::views

namespace kartla::views {

TEST_CASE("a chart of hostile size stays bounded: 100 panels, markers only on short series", "[progress][svg]") {
  ProgressSummary many;
  for (int i = 0; i < 150; ++i) {
    ProgressSeries s;
    s.indicator_label = "i" + std::to_string(i);
    s.respondent = "participant";
    s.points = {{1000, 1}};
    many.series.push_back(s);
  }
  many.from = many.to = 1000;
  const std::string svg = progress_svg(many);
  CHECK(test::count(svg, "<g transform=") == 100);
  CHECK(svg.find("50 more indicators not drawn: see the table") != std::string::npos);
  CHECK(svg.find("height=\"" + std::to_string(100 + 50 * 240) + "\"") != std::string::npos);

  ProgressSummary long_series;
  ProgressSeries s;
  s.respondent = "participant";
  for (int i = 0; i < 61; ++i) s.points.push_back({1000 + i, 1});
  long_series.series.push_back(s);
  long_series.from = 1000;
  long_series.to = 1060;
  CHECK(test::count(progress_svg(long_series), "<circle") == 0);
  long_series.series[0].points.pop_back();
  long_series.to = 1059;
  CHECK(test::count(progress_svg(long_series), "<circle") == 60);
}

}  // namespace kartla::views
