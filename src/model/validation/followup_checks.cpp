// SPDX-License-Identifier: Apache-2.0
// A programme follow-up entry (docs/MODEL.md, `programme_followup`; rules followup-*). The codes
// (gender, status at entry, outcomes) are checked by the Coding rules through the field options.
#include "kartla/v1/programme_followup.pb.h"
#include "model/validation/type_checks.h"
#include "model/validation/values.h"

namespace kartla::model {
namespace {

// Phases are read by the aggregate as "the highest phase reached": transitions out of date order,
// or from two phase schemes, would make that figure depend on how the list happens to be sorted.
void check_phases(const v1::ProgrammeFollowup& f, const std::string& path, Findings& out) {
  for (int i = 0; i < f.phases_size(); ++i) {
    const v1::PhaseTransition& t = f.phases(i);
    const std::string at = item_path(path, "phases", i);
    if (t.phase().instrument_id().empty() || t.phase().step() < 1) {
      out.report_violation(field_path(at, "phase"), "followup-phase-required",
                           "a phase transition names the programme's phase scheme and a phase from 1");
    }
    if (is_empty(t.entered_on())) {
      out.report_violation(field_path(at, "entered_on"), "followup-phase-date-required",
                           "a phase transition says when");
    }
    if (i == 0) continue;
    const v1::PhaseTransition& before = f.phases(i - 1);
    if (t.phase().instrument_id() != before.phase().instrument_id()) {
      out.report_violation(field_path(field_path(at, "phase"), "instrument_id"), "followup-phase-scheme",
                           "every phase transition uses the same phase scheme");
    }
    if (!is_empty(t.entered_on()) && !is_empty(before.entered_on()) &&
        compare_partial(t.entered_on(), before.entered_on()) < 0) {
      out.report_violation(field_path(at, "entered_on"), "followup-phase-order",
                           "phase transitions are listed oldest first");
    }
  }
}

void check_exit(const v1::ProgrammeFollowup& f, const std::string& path, Findings& out) {
  const bool exited = !is_empty(f.exited_on());
  if (exited && !is_empty(f.entered_on()) && compare_partial(f.exited_on(), f.entered_on()) < 0) {
    out.report_violation(field_path(path, "exited_on"), "followup-exit-order",
                         "the exit %1$s is before the entry %2$s",
                         {to_text(f.exited_on()), to_text(f.entered_on())});
  }
  // An outcome describes leaving: without the date of leaving it cannot be counted at the right time.
  if (!exited && f.has_status_at_exit()) {
    out.report_violation(field_path(path, "status_at_exit"), "followup-outcome-needs-exit",
                         "a status at exit needs exited_on");
  }
  if (!exited && f.has_status_six_months_after_exit()) {
    out.report_violation(field_path(path, "status_six_months_after_exit"), "followup-outcome-needs-exit",
                         "a status six months after exit needs exited_on");
  }
}

void check_participation(const v1::ProgrammeFollowup& f, const std::string& path, Findings& out) {
  for (int i = 0; i < f.participation_size(); ++i) {
    const v1::ParticipationDegree& p = f.participation(i);
    const std::string at = item_path(path, "participation", i);
    if (p.percent_of_full_time() < 1 || p.percent_of_full_time() > 100) {
      out.report_violation(field_path(at, "percent_of_full_time"), "participation-degree-range",
                           "participation degree is 1-100 %% of full time");
    }
    if (is_empty(p.from())) {
      out.report_violation(field_path(at, "from"), "participation-date-required",
                           "a participation degree says from when");
    } else if (i > 0 && !is_empty(f.participation(i - 1).from()) &&
               compare_partial(p.from(), f.participation(i - 1).from()) < 0) {
      out.report_violation(field_path(at, "from"), "participation-order",
                           "participation degrees are listed oldest first");
    }
  }
}

}  // namespace

void check_programme_followup(const Visit& v) {
  const auto& f = static_cast<const v1::ProgrammeFollowup&>(v.msg);
  if (f.programme_name().empty()) {
    v.out.report_violation(field_path(v.path, "programme_name"), "followup-programme-required",
                           "name the programme");
  }
  check_phases(f, v.path, v.out);
  check_exit(f, v.path, v.out);
  check_participation(f, v.path, v.out);
}

}  // namespace kartla::model
