// The parts of the library's verification report (kartla_verification_json, docs/SPEC.md §8)
// that the ABI has no accessor for: the kind of file and the counts. Without a key nothing says
// which sections a file holds (SPEC §8), so the report has no section names to show.
#pragma once

#include <string>
#include <string_view>

namespace kartla::cli {

struct ReportExtras {
  std::string kind;  // "record" or "bundle"
  std::string sections_listed;
  std::string sections_present;
  std::string section_bytes;
  std::string grants_listed;
  std::string grants_present;
  std::string file_bytes;
};

// An internal Failure if the report does not have the documented shape.
ReportExtras parse_report_extras(std::string_view json);

}  // namespace kartla::cli
