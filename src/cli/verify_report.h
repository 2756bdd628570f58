// The parts of the library's verification report (kartla_verification_json, docs/SPEC.md §8)
// that the ABI has no accessor for: the kind of file and the section list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kartla::cli {

struct ReportSection {
  std::string name;  // "unknown" for a section id this library does not know
  std::string generation;
  std::string ciphertext_length;
};

struct ReportExtras {
  std::string kind;  // "record" or "bundle"
  std::vector<ReportSection> sections;
};

// An internal Failure if the report does not have the documented shape.
ReportExtras parse_report_extras(std::string_view json);

}  // namespace kartla::cli
