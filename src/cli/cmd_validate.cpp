// `kartla validate`: checks section content against the schema and every offline rule, without
// any record or key, and lists each violation as FIELD: RULE: MESSAGE (docs/MODEL.md lists the
// rules). The same check runs when `record set` stores content.
#include <string>

#include "commands.h"
#include "failure.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "results.h"
#include "section_arg.h"

namespace kartla::cli {
namespace {

// As `record set`: protobuf JSON of a section can be larger than its binary form.
constexpr size_t kContentReadLimit = size_t{512} << 20;

std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

// The library's report, one violation per line, with an empty field shown as the section.
std::string violation_lines(const std::string& section, const v1::ValidationReport& report) {
  std::string out;
  for (const v1::Violation& v : report.violations()) {
    const std::string& field = v.field().empty() ? section : v.field();
    out += one_line(field + ": " + v.rule() + ": " + v.message()) + "\n";
  }
  return out;
}

}  // namespace

Exit run_validate(const Args& args) {
  args.expect_positionals({});
  const std::string section = section_option(args);
  const std::optional<std::string> json_path = args.value("--json");
  const std::optional<std::string> protobuf_path = args.value("--protobuf");
  if (json_path.has_value() == protobuf_path.has_value()) usage_error("give exactly one of --json FILE and --protobuf FILE");
  const std::string format = args.value("--report").value_or("text");
  if (format != "text" && format != "json") usage_error("--report must be 'text' or 'json', not '" + format + "'");

  const std::string& path = json_path ? *json_path : *protobuf_path;
  const Secret content = read_input(path, kContentReadLimit);
  const kartla::validation result =
      json_path ? kartla::validate_section_json(section, content.view(), KARTLA_ENCODING_PROTOBUF)
                : kartla::validate_section(section, content.view(), KARTLA_ENCODING_PROTOBUF);
  const auto report = parse_result<v1::ValidationReport>(result.report.view());
  if (format == "json") {
    write_stdout(result_json(report));
  } else if (result.valid) {
    write_stdout((path == "-" ? std::string("standard input") : path) + ": valid " + section + " content\n");
  } else {
    write_stdout(violation_lines(section, report));
  }
  if (!result.valid) {
    const size_t count = static_cast<size_t>(report.violations_size());
    usage_error(section + " content breaks " + std::to_string(count) + (count == 1 ? " rule" : " rules") +
                " (listed on standard output)");
  }
  return Exit::ok;
}

}  // namespace kartla::cli
