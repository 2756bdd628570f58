// Content through the C ABI: validation reports, the content check of the set_section calls'
// path, and the views a person reads (progress, plan, record text), all computed in src/report
// so every binding gets the same words and numbers.
#include <cstring>
#include <string>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "kartla/v1/results.pb.h"
#include "model/validation/section_check.h"
#include "report/record_views.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

namespace {

// View text is section plaintext in another form: wiped before its heap memory is released.
struct WipedText {
  std::string value;
  ~WipedText() { kartla::crypto::wipe(value.data(), value.size()); }
};

void put_wiped(kartla_buffer* out, std::string text) {
  WipedText owned{std::move(text)};
  put_text(out, owned.value);
}

// The report goes out whether or not the content is valid (kartla.h states this exception);
// E_SCHEMA follows, naming the first violation.
void report_and_judge(const kartla::model::SectionInfo& info, const std::vector<kartla::model::Violation>& violations,
                      kartla_encoding encoding, kartla_buffer* report) {
  kartla::v1::ValidationReport result;
  result.set_section(std::string(info.name));
  result.set_valid(violations.empty());
  for (const kartla::model::Violation& v : violations) {
    kartla::v1::Violation* listed = result.add_violations();
    listed->set_field(v.field_path);
    listed->set_rule(v.rule);
    listed->set_message(v.message);
  }
  kartla::capi::emit(result, encoding, report);
  kartla::model::require_valid(info, violations);
}

// Section names are looked up before anything is parsed, so a typo is E_INVALID_ARGUMENT.
const kartla::model::SectionInfo& section_named(const char* section) {
  return kartla::model::section_by_name(input_text(section, "section"));
}

kartla::report::ViewOptions view_options(const kartla_view_options* options) {
  kartla::report::ViewOptions out;
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

template <typename Render>
kartla_status record_view(const kartla_record* record, const kartla_view_options* options, kartla_buffer* out,
                          Render&& render) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(out, "out");
    const kartla::report::ViewOptions parsed = view_options(options);
    put_wiped(out, render(record->record, parsed));
  });
}

}  // namespace

extern "C" {

kartla_status kartla_validate_section(const char* section, const uint8_t* protobuf, size_t len,
                                      kartla_encoding encoding, kartla_buffer* report) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(report, "report");
    const auto& info = section_named(section);
    report_and_judge(info, kartla::model::check_section_bytes_content(info, input_bytes(protobuf, len, "protobuf")),
                     encoding, report);
  });
}

kartla_status kartla_validate_section_json(const char* section, const uint8_t* json, size_t len,
                                           kartla_encoding encoding, kartla_buffer* report) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(report, "report");
    const auto& info = section_named(section);
    report_and_judge(info, kartla::model::check_section_json_content(info, input_bytes(json, len, "json"), nullptr),
                     encoding, report);
  });
}

void kartla_view_options_init(kartla_view_options* options) {
  if (options == nullptr) return;
  options->version = KARTLA_VIEW_OPTIONS_VERSION;
  options->include_work_ability = 0;
  options->language = nullptr;
}

kartla_status kartla_record_progress_json(const kartla_record* record, const kartla_view_options* options,
                                          kartla_buffer* out) {
  return record_view(record, options, out, [](const kartla::model::Record& r, const kartla::report::ViewOptions& o) {
    return kartla::report::progress_json(kartla::report::record_progress(r, o));
  });
}

kartla_status kartla_record_progress_text(const kartla_record* record, const kartla_view_options* options,
                                          kartla_buffer* out) {
  return record_view(record, options, out, [](const kartla::model::Record& r, const kartla::report::ViewOptions& o) {
    return kartla::report::progress_text(kartla::report::record_progress(r, o));
  });
}

kartla_status kartla_record_progress_svg(const kartla_record* record, const kartla_view_options* options,
                                         kartla_buffer* out) {
  return record_view(record, options, out, [](const kartla::model::Record& r, const kartla::report::ViewOptions& o) {
    return kartla::report::progress_svg(kartla::report::record_progress(r, o));
  });
}

kartla_status kartla_record_plan_json(const kartla_record* record, const kartla_view_options* options,
                                      kartla_buffer* out) {
  return record_view(record, options, out, kartla::report::record_plan_json);
}

kartla_status kartla_record_plan_text(const kartla_record* record, const kartla_view_options* options,
                                      kartla_buffer* out) {
  return record_view(record, options, out, kartla::report::record_plan_text);
}

kartla_status kartla_record_show_text(const kartla_record* record, const char* section,
                                      const kartla_view_options* options, kartla_buffer* out) {
  return record_view(record, options, out, [&](const kartla::model::Record& r, const kartla::report::ViewOptions& o) {
    return kartla::report::record_show_text(r, section == nullptr ? nullptr : &section_named(section), o);
  });
}

}  // extern "C"
