// SPDX-License-Identifier: Apache-2.0
// The views a person reads (progress, the action plan, the record as text) through the C ABI,
// for the owner's record and for an agency's share alike. The sections come from ViewSections
// (decrypted and parsed here, in the trusted core); the words, numbers and charts from
// src/views, which sees only the parsed messages. What a view does without a section is decided
// here, once for both sides (kartla.h, "Views").
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/view_sections.h"
#include "capi/wiped_text.h"
#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "views/plan.h"
#include "views/progress.h"
#include "views/readable.h"

using kartla::Code;
using kartla::Error;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::put_wiped;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::ViewSections;
namespace v1 = kartla::v1;
namespace views = kartla::views;
namespace model = kartla::model;

namespace {

views::ViewOptions view_options(const kartla_view_options* options) {
  views::ViewOptions out;
  if (options == nullptr) return out;
  if (options->version != KARTLA_VIEW_OPTIONS_VERSION)
    fail(Code::invalid_argument, "options->version is not KARTLA_VIEW_OPTIONS_VERSION (use kartla_view_options_init)");
  if (options->include_work_ability > 1) fail(Code::invalid_argument, "options->include_work_ability must be 0 or 1");
  out.include_work_ability = options->include_work_ability == 1;
  if (options->language != nullptr) {
    const size_t len = std::strlen(options->language);
    // RFC 5646 recommends supporting tags of at least 35 characters.
    if (len == 0 || len > 35) fail(Code::invalid_argument, "options->language must be a language tag of 1-35 bytes");
    out.language = options->language;
  }
  return out;
}

bool unreadable(const Error& e) {
  return e.code() == Code::not_found || e.code() == Code::not_shared || e.code() == Code::expired;
}

// Progress needs the progress section, or with include_work_ability either of progress and
// work_ability; work_ability is never read without include_work_ability. The action plan only
// names the goals GAS scores rate, and is left out when it cannot be read.
views::ProgressSummary progress_of(const ViewSections& sections, const views::ViewOptions& options) {
  std::optional<v1::Progress> progress;
  std::optional<Error> progress_unreadable;
  try {
    progress = sections.required<v1::Progress>("progress");
  } catch (const Error& e) {
    if (!unreadable(e)) throw;
    progress_unreadable = e;
  }
  std::optional<v1::WorkAbility> work_ability;
  if (options.include_work_ability) work_ability = sections.optional<v1::WorkAbility>("work_ability");
  if (!progress && !work_ability) {
    if (!options.include_work_ability) throw *progress_unreadable;
    if (progress_unreadable->code() == Code::not_found)
      fail(Code::not_found, "the record holds neither a progress nor a work_ability section");
    throw Error(progress_unreadable->code(), "%s; work_ability cannot be read either", {std::string(progress_unreadable->what())});
  }
  const std::optional<v1::ActionPlan> plan = sections.optional<v1::ActionPlan>("action_plan");
  return views::summarize_progress(progress ? &*progress : nullptr, work_ability ? &*work_ability : nullptr,
                                   plan ? &*plan : nullptr, options);
}

// The plan needs the action_plan section; progress, when it can be read, names the phases.
struct PlanInput {
  v1::ActionPlan plan;
  std::optional<v1::Progress> progress;
  views::InstrumentDefinitions step_models() const {
    return views::step_models(progress ? &*progress : nullptr, nullptr);
  }
};

PlanInput plan_of(const ViewSections& sections) {
  PlanInput in{sections.required<v1::ActionPlan>("action_plan"), sections.optional<v1::Progress>("progress")};
  return in;
}

const v1::Progress* as_progress(const std::unique_ptr<google::protobuf::Message>& m) {
  return m && m->GetDescriptor() == v1::Progress::descriptor() ? static_cast<const v1::Progress*>(m.get()) : nullptr;
}
const v1::WorkAbility* as_work_ability(const std::unique_ptr<google::protobuf::Message>& m) {
  return m && m->GetDescriptor() == v1::WorkAbility::descriptor() ? static_cast<const v1::WorkAbility*>(m.get())
                                                                  : nullptr;
}

// One section (`only`), which must be readable; or every section that can be read, in registry
// order, under the record's heading. Step models come from progress, and from work_ability only
// where that section is shown anyway.
std::string show_text_of(const ViewSections& sections, const model::SectionInfo* only, const views::ViewOptions& options) {
  if (only != nullptr) {
    const std::unique_ptr<google::protobuf::Message> shown = sections.required(*only);
    std::unique_ptr<google::protobuf::Message> progress;
    if (only->name != "progress") progress = sections.optional(model::section_by_name("progress"));
    const views::InstrumentDefinitions models =
        views::step_models(only->name == "progress" ? as_progress(shown) : as_progress(progress), as_work_ability(shown));
    return views::section_text(kartla::capi::heading_of(*only), *shown, models, options);
  }
  std::vector<std::unique_ptr<google::protobuf::Message>> held;
  std::vector<views::ShownSection> shown;
  const v1::Progress* progress = nullptr;
  const v1::WorkAbility* work_ability = nullptr;
  std::optional<Error> first_unreadable;  // an agency that can read nothing is told why
  for (const model::SectionInfo& info : model::all_sections()) {
    std::unique_ptr<google::protobuf::Message> message;
    try {
      message = sections.required(info);
    } catch (const Error& e) {
      if (!unreadable(e)) throw;
      if (!first_unreadable || e.code() == Code::expired) first_unreadable = e;
      continue;
    }
    if (as_progress(message)) progress = as_progress(message);
    if (as_work_ability(message)) work_ability = as_work_ability(message);
    shown.push_back({kartla::capi::heading_of(info), message.get()});
    held.push_back(std::move(message));
  }
  if (shown.empty() && sections.is_share())
  {
    if (first_unreadable && first_unreadable->code() == Code::expired)
      fail(Code::expired, "no section in this file can be read by this agency: every grant covering one has expired");
    fail(Code::not_shared, "no section in this file can be read by this agency");
  }
  return views::record_text(sections.record_id_hex(), sections.sequence(), shown,
                            views::step_models(progress, work_ability), options);
}

// Where a view's sections come from: the owner's record, or a share as the agency may read it at
// `at`. Checked (with the options) before any section is decrypted.
struct Source {
  const kartla_record* record = nullptr;
  const kartla_share* share = nullptr;
  int64_t at = 0;

  ViewSections sections() const {
    if (record != nullptr) return ViewSections::of_record(record->record);
    return ViewSections::of_share(share->view, at != 0 ? at : static_cast<int64_t>(std::time(nullptr)));
  }
  void require() const {
    if (record == nullptr && share == nullptr) fail(Code::invalid_argument, "record is NULL");
  }
};

Source of(const kartla_record* record) { return {record, nullptr, 0}; }
Source of(const kartla_share* share, int64_t at) {
  if (share == nullptr) fail(Code::invalid_argument, "share is NULL");
  return {nullptr, share, at};
}

// The typed views (ProgressView, PlanView) leave through the one emit path, as every result.
template <typename Pick, typename Build>
kartla_status typed_view(Pick&& source, const kartla_view_options* options, kartla_encoding encoding,
                         kartla_buffer* out, Build&& build) {
  return guarded([&] {
    const auto from = source();
    from.require();
    kartla::capi::require_encoding(encoding);
    require_empty(out, "out");
    const views::ViewOptions parsed = view_options(options);
    kartla::capi::emit(build(from.sections(), parsed), encoding, out);
  });
}

template <typename Pick, typename Render>
kartla_status text_view(Pick&& source, const kartla_view_options* options, kartla_buffer* out, Render&& render) {
  return guarded([&] {
    const auto from = source();
    from.require();
    require_empty(out, "out");
    const views::ViewOptions parsed = view_options(options);
    put_wiped(out, render(from.sections(), parsed));
  });
}

v1::ProgressView progress_result(const ViewSections& s, const views::ViewOptions& o) {
  return views::progress_view(progress_of(s, o));
}
std::string progress_text(const ViewSections& s, const views::ViewOptions& o) {
  return views::progress_text(progress_of(s, o), kartla::i18n::language_from_tag(o.language));
}
std::string progress_svg(const ViewSections& s, const views::ViewOptions& o) {
  return views::progress_svg(progress_of(s, o), kartla::i18n::language_from_tag(o.language));
}
v1::PlanView plan_result(const ViewSections& s, const views::ViewOptions& o) {
  const PlanInput in = plan_of(s);
  return views::plan_view(in.plan, in.step_models(), o);
}
std::string plan_text(const ViewSections& s, const views::ViewOptions& o) {
  const PlanInput in = plan_of(s);
  return views::plan_text(in.plan, in.step_models(), o);
}

const model::SectionInfo* section_or_all(const char* section) {
  // Section names are looked up before anything is decrypted, so a typo is E_INVALID_ARGUMENT.
  return section == nullptr ? nullptr : &model::section_by_name(input_text(section, "section"));
}

}  // namespace

extern "C" {

void kartla_view_options_init(kartla_view_options* options) {
  if (options == nullptr) return;
  options->version = KARTLA_VIEW_OPTIONS_VERSION;
  options->include_work_ability = 0;
  options->language = nullptr;
}

kartla_status kartla_record_progress(const kartla_record* record, const kartla_view_options* options,
                                     kartla_encoding encoding, kartla_buffer* out) {
  return typed_view([&] { return of(record); }, options, encoding, out, progress_result);
}

kartla_status kartla_record_progress_text(const kartla_record* record, const kartla_view_options* options,
                                          kartla_buffer* out) {
  return text_view([&] { return of(record); }, options, out, progress_text);
}

kartla_status kartla_record_progress_svg(const kartla_record* record, const kartla_view_options* options,
                                         kartla_buffer* out) {
  return text_view([&] { return of(record); }, options, out, progress_svg);
}

kartla_status kartla_record_plan(const kartla_record* record, const kartla_view_options* options,
                                 kartla_encoding encoding, kartla_buffer* out) {
  return typed_view([&] { return of(record); }, options, encoding, out, plan_result);
}

kartla_status kartla_record_plan_text(const kartla_record* record, const kartla_view_options* options,
                                      kartla_buffer* out) {
  return text_view([&] { return of(record); }, options, out, plan_text);
}

kartla_status kartla_record_show_text(const kartla_record* record, const char* section,
                                      const kartla_view_options* options, kartla_buffer* out) {
  return text_view([&] { return of(record); }, options, out, [&](const ViewSections& s, const views::ViewOptions& o) {
    return show_text_of(s, section_or_all(section), o);
  });
}

kartla_status kartla_share_progress(const kartla_share* share, int64_t at, const kartla_view_options* options,
                                    kartla_encoding encoding, kartla_buffer* out) {
  return typed_view([&] { return of(share, at); }, options, encoding, out, progress_result);
}

kartla_status kartla_share_progress_text(const kartla_share* share, int64_t at, const kartla_view_options* options,
                                         kartla_buffer* out) {
  return text_view([&] { return of(share, at); }, options, out, progress_text);
}

kartla_status kartla_share_progress_svg(const kartla_share* share, int64_t at, const kartla_view_options* options,
                                        kartla_buffer* out) {
  return text_view([&] { return of(share, at); }, options, out, progress_svg);
}

kartla_status kartla_share_plan(const kartla_share* share, int64_t at, const kartla_view_options* options,
                                kartla_encoding encoding, kartla_buffer* out) {
  return typed_view([&] { return of(share, at); }, options, encoding, out, plan_result);
}

kartla_status kartla_share_plan_text(const kartla_share* share, int64_t at, const kartla_view_options* options,
                                     kartla_buffer* out) {
  return text_view([&] { return of(share, at); }, options, out, plan_text);
}

kartla_status kartla_share_show_text(const kartla_share* share, const char* section, int64_t at,
                                     const kartla_view_options* options, kartla_buffer* out) {
  return text_view([&] { return of(share, at); }, options, out, [&](const ViewSections& s, const views::ViewOptions& o) {
    return show_text_of(s, section_or_all(section), o);
  });
}

}  // extern "C"
