// SPDX-License-Identifier: Apache-2.0
// The progress summary as a typed result (proto/kartla/v1/views.proto, ProgressView).
#include "kartla/v1/views.pb.h"
#include "views/labels.h"
#include "views/progress.h"

namespace kartla::views {
namespace {

void set_point(v1::ProgressPoint& out, const ProgressPoint& p) {
  out.set_date(date_text(p.at));
  out.set_value(p.value);
}

}  // namespace

v1::ProgressView progress_view(const ProgressSummary& summary) {
  v1::ProgressView view;
  view.set_from(date_text(summary.from));
  view.set_to(date_text(summary.to));
  for (const ProgressSeries& s : summary.series) {
    v1::ProgressSeries& out = *view.add_indicators();
    out.set_section(s.section);
    out.set_kind(s.is_step ? "programme-step" : "score");
    out.set_instrument(s.instrument_id);
    out.set_instrument_version(s.instrument_version);
    out.set_instrument_title(s.instrument_title);
    out.set_placeholder_wording(s.placeholder_wording);
    out.set_health_data(s.health_data);
    out.set_indicator(s.indicator);
    out.set_label(s.indicator_label);
    out.set_target(s.target_id);
    out.set_target_label(s.target_label);
    out.set_respondent(s.respondent);
    if (s.scale_known) {
      v1::ProgressScale& scale = *out.mutable_scale();
      scale.set_min(s.scale_min);
      scale.set_max(s.scale_max);
      scale.set_higher_is_better(s.higher_is_better);
      scale.set_min_label(s.scale_min_label);
      scale.set_max_label(s.scale_max_label);
    }
    set_point(*out.mutable_first(), s.first());
    set_point(*out.mutable_latest(), s.latest());
    out.set_change(s.change());
    out.set_direction(s.direction());
    out.set_assessments(static_cast<int32_t>(s.points.size()));
    for (const ProgressPoint& p : s.points) set_point(*out.add_points(), p);
  }
  return view;
}

}  // namespace kartla::views
