// SPDX-License-Identifier: Apache-2.0
// Content through the C ABI: validation reports and the content check of the set_section calls'
// path. The views a person reads are in views.cpp.
#include <string>
#include <vector>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "kartla/v1/results.pb.h"
#include "model/validation/section_check.h"

using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::require_empty;

namespace {

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

}  // extern "C"
