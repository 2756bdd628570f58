// SPDX-License-Identifier: Apache-2.0
// Interventions, documents and notes (docs/MODEL.md, `interventions`, `documents`, `notes`).
#include <cmath>
#include <set>

#include "kartla/v1/documents.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "kartla/v1/notes.pb.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"
#include "model/validation/values.h"

namespace kartla::model {
namespace {

// "type/subtype" with RFC 6838 restricted-name characters; parameters are not allowed.
bool is_media_type(const std::string& s) {
  const size_t slash = s.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == s.size() || s.size() > 255) {
    return false;
  }
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '!' || c == '#' || c == '$' || c == '&' || c == '-' || c == '^' ||
                    c == '_' || c == '.' || c == '+' || (c == '/' && i == slash);
    if (!ok) return false;
  }
  return true;
}

}  // namespace

// BIP: parallel efforts matter, so "parallel_with" must point at real entries.
void check_interventions(const Visit& v) {
  const auto& all = static_cast<const v1::Interventions&>(v.msg);
  std::set<std::string> ids;
  for (const auto& e : all.entries()) ids.insert(e.id());
  for (int i = 0; i < all.entries_size(); ++i) {
    const v1::InterventionEntry& e = all.entries(i);
    for (int p = 0; p < e.parallel_with_size(); ++p) {
      const std::string& other = e.parallel_with(p);
      if (other == e.id() || ids.count(other) == 0) {
        v.out.report_violation(item_path(item_path(v.path, "entries", i), "parallel_with", p),
                  "parallel-with-unknown", "%s is not another intervention here", {quote(other)});
      }
    }
  }
}

void check_intervention_entry(const Visit& v) {
  const auto& e = static_cast<const v1::InterventionEntry&>(v.msg);
  if (!std::isfinite(e.hours_per_week()) || e.hours_per_week() < 0 || e.hours_per_week() > 60) {
    v.out.report_violation(field_path(v.path, "hours_per_week"), "hours-per-week-range",
                           "hours per week must be between 0 and 60");
  }
}

// A step of the service taken part in (docs/MODEL.md, `ServiceStepParticipation`): which step, and
// from when; the code itself is checked by the Coding rules (vasa-participation-step-code).
void check_service_step(const Visit& v) {
  const auto& s = static_cast<const v1::ServiceStepParticipation&>(v.msg);
  if (!s.has_step()) v.out.report_violation(field_path(v.path, "step"), "service-step-required",
                                            "name the step of the service");
  if (!s.has_period() || !s.period().has_start() || is_empty(s.period().start())) {
    v.out.report_violation(field_path(field_path(v.path, "period"), "start"), "service-step-start-required",
                           "say when the person began taking part in this step");
  }
}

// model/document_file.cpp checks entries without their content (a stand-in keeps only whether
// size_bytes matches it): a rule that reads inline_content, or size_bytes, must be taught there too.
void check_document_entry(const Visit& v) {
  using D = v1::DocumentEntry;
  const auto& d = static_cast<const D&>(v.msg);
  const bool has_content = d.content_case() != D::CONTENT_NOT_SET;
  // The hash binds this metadata to one exact file (and lets a reader detect a swapped one).
  if (!d.sha256().empty() && d.sha256().size() != 32) {
    v.out.report_violation(field_path(v.path, "sha256"), "document-sha256-length", "SHA-256 is 32 bytes");
  } else if (has_content && d.sha256().empty()) {
    v.out.report_violation(field_path(v.path, "sha256"), "document-sha256-length",
                           "a document with content records its SHA-256");
  }
  if (d.content_case() == D::kInlineContent && d.size_bytes() != d.inline_content().size()) {
    v.out.report_violation(field_path(v.path, "size_bytes"), "document-size-matches",
                           "size_bytes differs from the inline content's size");
  }
  if (!d.media_type().empty() && !is_media_type(d.media_type())) {
    v.out.report_violation(field_path(v.path, "media_type"), "document-media-type",
                           "%s is not a media type like application/pdf", {quote(d.media_type())});
  }
  if (d.kind() == D::MEDICAL_STATEMENT && !d.health_data()) {
    v.out.report_violation(field_path(v.path, "health_data"), "document-health-flag",
                           "a medical statement is health data: set health_data");
  }
}

void check_note_entry(const Visit& v) {
  const auto& n = static_cast<const v1::NoteEntry&>(v.msg);
  if (n.text().empty()) {
    v.out.report_violation(field_path(v.path, "text"), "note-text-required", "a note needs text");
  }
  if (n.has_delete_after() && n.assertion().has_asserted_at() &&
      !is_before(n.assertion().asserted_at(), n.delete_after())) {
    v.out.report_violation(field_path(v.path, "delete_after"), "note-retention-order",
                           "a note cannot be due for deletion before it was written");
  }
}

}  // namespace kartla::model
