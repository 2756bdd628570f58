#include "verify_report.h"

#include <cmath>
#include <cstdint>

#include "failure.h"
#include "json_read.h"

namespace kartla::cli {
namespace {

[[noreturn]] void malformed() { throw Failure(Exit::internal, "the library's verification report has an unexpected shape"); }

// Numbers in the report are counts and lengths: whole, and far below 2^53.
std::string whole_number(const JsonObject& object, const std::string& name) {
  const double value = number_field(object, name, -1);
  if (value < 0 || std::floor(value) != value) malformed();
  return std::to_string(static_cast<uint64_t>(value));
}

}  // namespace

ReportExtras parse_report_extras(std::string_view json) {
  const JsonObject report = parse_json_object(json);
  ReportExtras out;
  out.kind = text_field(report, "kind");
  if (out.kind.empty()) malformed();
  for (const JsonObject* section : object_list_field(report, "sections")) {
    const std::string name = text_field(*section, "name");
    if (name.empty()) malformed();
    out.sections.push_back({name, whole_number(*section, "generation"), whole_number(*section, "ciphertext_length")});
  }
  return out;
}

}  // namespace kartla::cli
