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
  out.sections_listed = whole_number(report, "sections_listed");
  out.sections_present = whole_number(report, "sections_present");
  out.section_bytes = whole_number(report, "section_bytes");
  out.grants_listed = whole_number(report, "grants_listed");
  out.grants_present = whole_number(report, "grants_present");
  out.file_bytes = whole_number(report, "file_bytes");
  return out;
}

}  // namespace kartla::cli
