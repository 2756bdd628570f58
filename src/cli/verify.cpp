// SPDX-License-Identifier: Apache-2.0
// What anyone can do without a key: `kartla verify` (a record's or bundle's signature and
// integrity), `kartla sections` (the section names) and `kartla validate` (section content
// against the schema and every offline rule, without any record, listing each violation as
// FIELD: RULE: MESSAGE; docs/MODEL.md lists the rules; the same check runs when `record set`
// stores content).
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "file_kinds.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "messages.h"
#include "output.h"
#include "secrets.h"

namespace kartla::cli {
namespace {

v1::VerificationReport verification_report(const kartla::verification& v) {
  return parse_result<v1::VerificationReport>(v.report(KARTLA_ENCODING_PROTOBUF));
}

std::string human_report(const kartla::verification& v) {
  const v1::VerificationReport r = verification_report(v);
  const std::string previous = v.previous_hash();
  std::string out = std::string(T("verified: the owner's signature and every section present check out")) + "\n";
  out += aligned(
      {{T("record id:"), v.record_id()},
       {T("owner fingerprint:"), v.owner_fingerprint()},
       {T("sequence:"), std::to_string(v.sequence())},
       {T("previous manifest:"), previous.empty() ? std::string(T("none (first version)")) : previous},
       {T("kind:"), r.kind() == "record" ? T("full record") : T("share bundle")},
       {T("sections:"), fill(T("%1$s present of %2$s listed, %3$s bytes (padded)"),
                             {std::to_string(r.sections_present()), std::to_string(r.sections_listed()),
                              std::to_string(r.section_bytes())})},
       {T("grants:"), fill(T("%1$s present of %2$s listed"),
                           {std::to_string(r.grants_present()), std::to_string(r.grants_listed())})},
       {T("file size:"), fill(T("%s bytes"), {std::to_string(r.file_bytes())})}},
      20);
  out += std::string(T("Which sections these are, their exact sizes and who may read them cannot be seen without a key.")) + "\n";
  return out;
}

std::string verification_json(const kartla::verification& v) { return json_text(verification_report(v)); }

std::string verification_with_trust_json(const kartla::verification& v, const v1::TrustListDescription& list) {
  VerificationWithTrust out;
  *out.mutable_verification() = verification_report(v);
  *out.mutable_trust_list() = list;
  return json_text(out);
}

// As `record set`: protobuf JSON of a section can be larger than its binary form.
constexpr size_t kContentReadLimit = size_t{512} << 20;
// A record file is at most 1 GiB (docs/SPEC.md §9); one byte more lets the library say so.
constexpr size_t kRecordReadLimit = size_t{1} << 30;

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

Exit run_verify(const Args& args) {
  args.expect_positionals({"FILE"});
  std::optional<uint64_t> last_seen;
  if (auto text = args.value("--last-seen"))
    last_seen = parse_unsigned(*text, "--last-seen", std::numeric_limits<uint64_t>::max());

  const std::string& path = args.positional(0);
  std::optional<kartla::verification> piped;
  if (names_stdin(path)) {
    // Standard input is read once: a record or share bundle (`kartla share ... --out - | kartla
    // verify -`). An attestation or trust list is checked from a file, where its kind is seen first.
    const Secret bytes = read_input(path, kRecordReadLimit);
    const std::optional<FileKind> kind = kind_of(bytes.view());
    if (kind && *kind != FileKind::record)
      usage_error(fill(T("standard input is %s; kartla verify - checks records and share bundles (give other "
                         "files by name)"),
                       {kind_name(*kind)}));
    piped = kartla::verification::of_bytes(bytes.view());
  } else if (verify_signed_object(args, path)) {
    return Exit::ok;
  }
  const kartla::verification v = piped ? std::move(*piped) : kartla::verification::of_file(path);
  // Checked before anything is printed: an older copy prints nothing on stdout.
  if (last_seen) v.check_last_seen(*last_seen);
  // Without a key no entry can be read: --trust reports the trust list's own state only (the
  // per-entry provenance is `record provenance` and `open --trust`).
  if (const std::optional<TrustListInput> trust = trust_list_option(args)) {
    write_stdout(args.flag("--json") ? verification_with_trust_json(v, trust->list)
                                     : human_report(v) + "\n" + trust_list_report(trust->list, trust->root_pinned));
    return Exit::ok;
  }
  write_stdout(args.flag("--json") ? verification_json(v) : human_report(v));
  return Exit::ok;
}

Exit run_sections(const Args& args) {
  args.expect_positionals({});
  const std::vector<std::string> names = kartla::section_names();
  std::string out;
  if (args.flag("--json")) {
    SectionNames listing;
    for (const std::string& name : names) {
      SectionName* entry = listing.add_sections();
      entry->set_name(name);
      entry->set_special_category(kartla::section_is_special_category(name));
    }
    out = json_member_text(listing);
  } else {
    for (const std::string& name : names) {
      out += kartla::section_is_special_category(name) ? padded(name, 18) + T("special category (health data)") : name;
      out += "\n";
    }
  }
  write_stdout(out);
  return Exit::ok;
}

Exit run_validate(const Args& args) {
  args.expect_positionals({});
  const std::string section = section_option(args);
  const std::optional<std::string> json_path = renamed_value(args, "--in", "--json");
  const std::optional<std::string> protobuf_path = args.value("--protobuf");
  if (json_path.has_value() == protobuf_path.has_value()) usage_error(T("give exactly one of --in FILE and --protobuf FILE"));
  const std::string format = args.value("--report").value_or("text");
  if (format != "text" && format != "json") usage_error(fill(T("--report must be 'text' or 'json', not '%s'"), {format}));

  const std::string& path = json_path ? *json_path : *protobuf_path;
  const Secret content = read_input(path, kContentReadLimit);
  const kartla::validation result =
      json_path ? kartla::validate_section_json(section, content.view(), KARTLA_ENCODING_PROTOBUF)
                : kartla::validate_section(section, content.view(), KARTLA_ENCODING_PROTOBUF);
  const auto report = parse_result<v1::ValidationReport>(result.report.view());
  if (format == "json") {
    write_stdout(json_text(report));
  } else if (result.valid) {
    write_stdout(fill(T("%1$s: valid %2$s content"), {path == "-" ? std::string(T("standard input")) : path, section}) + "\n");
  } else {
    // Errors leave standard output empty (`kartla --help`): the violations are the error's detail.
    std::fputs(terminal_safe(violation_lines(section, report)).c_str(), stderr);
  }
  if (!result.valid) {
    const size_t count = static_cast<size_t>(report.violations_size());
    const std::string n = std::to_string(count);
    usage_error(format == "json"
                    ? fill(TN("%1$s content breaks %2$s rule (the report is on standard output)",
                              "%1$s content breaks %2$s rules (the report is on standard output)", count),
                           {section, n})
                    : fill(TN("%1$s content breaks %2$s rule (listed above)", "%1$s content breaks %2$s rules (listed above)",
                              count),
                           {section, n}));
  }
  return Exit::ok;
}

}  // namespace kartla::cli
