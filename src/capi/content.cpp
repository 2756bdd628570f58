// Content through the C ABI: validation reports and the content check of the set_section calls'
// path. The views a person reads are in views.cpp.
#include <string>
#include <vector>

#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/wiped_text.h"
#include "model/validation/section_check.h"
#include "views/violations.h"

using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_wiped;
using kartla::capi::require_empty;

namespace {

// The report goes out whether or not the content is valid (kartla.h states this exception);
// E_SCHEMA follows, naming the first violation.
void report_and_judge(const kartla::model::SectionInfo& info, const std::vector<kartla::model::Violation>& violations,
                      kartla_buffer* report) {
  std::vector<kartla::views::ReportedViolation> reported;
  reported.reserve(violations.size());
  for (const kartla::model::Violation& v : violations) reported.push_back({v.field_path, v.rule, v.message});
  put_wiped(report, kartla::views::violations_json(info.name, reported));
  kartla::model::require_valid(info, violations);
}

// Section names are looked up before anything is parsed, so a typo is E_INVALID_ARGUMENT.
const kartla::model::SectionInfo& section_named(const char* section) {
  return kartla::model::section_by_name(input_text(section, "section"));
}

}  // namespace

extern "C" {

kartla_status kartla_validate_section(const char* section, const uint8_t* protobuf, size_t len,
                                      kartla_buffer* report) {
  return guarded([&] {
    require_empty(report, "report");
    const auto& info = section_named(section);
    report_and_judge(info, kartla::model::check_section_bytes_content(info, input_bytes(protobuf, len, "protobuf")),
                     report);
  });
}

kartla_status kartla_validate_section_json(const char* section, const uint8_t* json, size_t len,
                                           kartla_buffer* report) {
  return guarded([&] {
    require_empty(report, "report");
    const auto& info = section_named(section);
    report_and_judge(info, kartla::model::check_section_json_content(info, input_bytes(json, len, "json"), nullptr),
                     report);
  });
}

}  // extern "C"
