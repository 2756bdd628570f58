// The progress summary as JSON (docs/MODEL.md "Progress view" lists the fields).
#include "views/json_writer.h"
#include "views/labels.h"
#include "views/progress.h"

namespace kartla::views {
namespace {

void point(JsonWriter& json, std::string_view key, const ProgressPoint& p) {
  json.begin_object(key).field("date", date_text(p.at)).field("value", p.value).end_object();
}

}  // namespace

std::string progress_json(const ProgressSummary& summary) {
  JsonWriter json;
  json.begin_object();
  json.field("from", date_text(summary.from)).field("to", date_text(summary.to));
  json.begin_array("indicators");
  for (const ProgressSeries& s : summary.series) {
    json.begin_object();
    json.field("section", s.section)
        .field("kind", s.is_step ? "programme-step" : "score")
        .field("instrument", s.instrument_id)
        .field("instrument_version", s.instrument_version)
        .field("instrument_title", s.instrument_title)
        .field("placeholder_wording", s.placeholder_wording)
        .field("health_data", s.health_data)
        .field("indicator", s.indicator)
        .field("label", s.indicator_label)
        .field("target", s.target_id)
        .field("target_label", s.target_label)
        .field("respondent", s.respondent);
    if (s.scale_known) {
      json.begin_object("scale")
          .field("min", s.scale_min)
          .field("max", s.scale_max)
          .field("higher_is_better", s.higher_is_better)
          .field("min_label", s.scale_min_label)
          .field("max_label", s.scale_max_label)
          .end_object();
    } else {
      json.null_field("scale");
    }
    point(json, "first", s.first());
    point(json, "latest", s.latest());
    json.field("change", s.change()).field("direction", s.direction());
    json.field("assessments", static_cast<int64_t>(s.points.size()));
    json.begin_array("points");
    for (const ProgressPoint& p : s.points) point(json, {}, p);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace kartla::views
