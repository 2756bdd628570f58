// SPDX-License-Identifier: Apache-2.0
// `kartla report`: a programme's follow-up figures, printed by its project owner from the bundles
// its participants shared with it (kartla_followup_report, docs/SPEC.md §7.8): as text for a
// person (from the catalogue), as the library's JSON, or as CSV with a header row. Never a line
// per person; a group below the minimum is refused (exit 3).
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "messages.h"
#include "output.h"
#include "secrets.h"

namespace kartla::cli {
namespace {

enum class Format { text, json, csv };

Format format_option(const Args& args) {
  const std::string format = args.value("--format").value_or("text");
  if (format == "text") return Format::text;
  if (format == "json") return Format::json;
  if (format == "csv") return Format::csv;
  usage_error(fill(T("--format is text, json or csv, not '%1$s'"), {format}));
}

// A cell's key in words. The keys are the library's fixed codes (docs/SPEC.md §7.8); a phase is
// its number.
std::string key_label(const std::string& key) {
  if (key == "woman") return T("Women");
  if (key == "man") return T("Men");
  if (key == "non-binary") return T("Non-binary");
  if (key == "not-stated") return T("Gender not stated");
  if (key == "participating") return T("Still taking part");
  if (key == "exited") return T("Have left the programme");
  if (key == "employed") return T("In work");
  if (key == "studies") return T("In studies");
  if (key == "job-seeking") return T("Job seeking");
  if (key == "other") return TC("follow-up outcome", "Other");
  if (key == "unknown") return TC("follow-up outcome", "Not known");
  if (key == "0") return T("No phase yet");
  return fill(T("Phase %s"), {printable(key)});
}

// Why a bundle was not counted, in words; the token itself (docs/SPEC.md §7.8) is in the JSON.
std::string reason_label(const std::string& reason) {
  if (reason == "unreadable") return T("the file could not be read");
  if (reason == "unverifiable") return T("does not verify: damaged, altered, or not a Kartla file");
  if (reason == "expired") return T("the grant has expired");
  if (reason == "not-shared") return T("programme_followup is not shared with this identity");
  if (reason == "invalid-content") return T("the follow-up entry breaks the content rules");
  if (reason == "wrong-basis") return T("not shared under GDPR Art. 6(1)(c) or 6(1)(e)");
  if (reason == "duplicate") return T("the same participant again (the newest version counts)");
  if (reason == "other-programme") return T("about another programme");
  return printable(reason);  // a reason a newer library added
}

// 417 per mille as "41.7 %", with the language's decimal separator.
std::string percent(uint32_t per_mille) {
  return std::to_string(per_mille / 10) + TC("decimal separator", ".") + std::to_string(per_mille % 10) + " %";
}

size_t characters(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xc0u) != 0x80u ? 1 : 0;  // UTF-8: count lead bytes only
  return n;
}

// Columns are counted in characters, not bytes: the labels are Swedish and Finnish too.
std::string left(std::string text, size_t width) {
  const size_t n = characters(text);
  if (n < width) text.append(width - n, ' ');
  return text;
}

std::string right(const std::string& text, size_t width) {
  const size_t n = characters(text);
  return n < width ? std::string(width - n, ' ') + text : text;
}

std::string cells_text(const std::string& heading,
                       const google::protobuf::RepeatedPtrField<v1::FollowupCell>& cells) {
  std::string out = heading + "\n";
  for (const v1::FollowupCell& c : cells) {
    out += "  " + left(key_label(c.key()), 34);
    out += c.suppressed() ? right("–", 5) + "\n"
                          : right(std::to_string(c.count()), 5) + right(percent(c.per_mille()), 10) + "\n";
  }
  return out;
}

std::string text_report(const v1::FollowupReport& r, const std::vector<std::string>& paths) {
  std::string out = fill(T("Follow-up of %s (%s)"), {printable(r.programme_name()), printable(r.funding_ref())}) + "\n";
  out += fill(TN("%s participant, each counted once", "%s participants, each counted once", r.participants()),
              {std::to_string(r.participants())}) + "\n\n";
  out += cells_text(T("By gender"), r.by_gender());
  out += cells_text(T("By the highest phase reached"), r.by_highest_phase());
  out += cells_text(T("Taking part or left"), r.by_status());
  out += cells_text(T("At exit (share of those who left)"), r.at_exit());
  out += cells_text(T("Six months after exit (share of those who left)"), r.six_months_after_exit());
  out += "\n" + fill(T("– not shown: fewer than %s people, or a figure that would give one away"),
                     {std::to_string(r.minimum_group())}) + "\n";
  if (r.skipped_size() > 0) {
    out += "\n" + fill(TN("%s bundle not counted:", "%s bundles not counted:", r.skipped_size()),
                       {std::to_string(r.skipped_size())}) + "\n";
    for (const v1::SkippedBundle& s : r.skipped())
      out += "  " + printable(paths.at(s.index())) + ": " + reason_label(s.reason()) + "\n";
  }
  return out;
}

std::string csv_rows(const char* partition, const google::protobuf::RepeatedPtrField<v1::FollowupCell>& cells) {
  std::string out;
  // Keys are the library's fixed codes and phase numbers: nothing in them needs CSV quoting.
  for (const v1::FollowupCell& c : cells)
    out += std::string(partition) + "," + c.key() + "," + (c.suppressed() ? "" : std::to_string(c.count())) + "," +
           (c.suppressed() ? "true" : "false") + "," + (c.suppressed() ? "" : std::to_string(c.per_mille())) + "\n";
  return out;
}

std::string csv_report(const v1::FollowupReport& r) {
  std::string out = "partition,key,count,suppressed,per_mille\n";
  out += "participants,all," + std::to_string(r.participants()) + ",false,1000\n";
  out += csv_rows("by_gender", r.by_gender());
  out += csv_rows("by_highest_phase", r.by_highest_phase());
  out += csv_rows("by_status", r.by_status());
  out += csv_rows("at_exit", r.at_exit());
  out += csv_rows("six_months_after_exit", r.six_months_after_exit());
  return out;
}

}  // namespace

Exit run_report(const Args& args) {
  const Format format = format_option(args);
  if (args.positional_count() == 0) usage_error(T("name the bundles shared for the follow-up (BUNDLE...)"));
  if (args.positional_count() > kartla_followup_max_bundles())
    usage_error(fill(T("a report reads at most %1$s bundles"), {std::to_string(kartla_followup_max_bundles())}));
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.positional_count(); ++i) paths.push_back(args.positional(i));
  int64_t at = 0;
  if (auto text = args.value("--at")) at = parse_time_arg(*text, "--at", DateMeaning::start_of_day);
  const kartla::identity project = unlock_identity(args.required("--as"), args);

  std::vector<const char*> c_paths;
  for (const std::string& p : paths) c_paths.push_back(p.c_str());
  kartla::buffer out;
  const kartla_status status = kartla_followup_report(project.get(), c_paths.data(), c_paths.size(), at,
                                                      KARTLA_ENCODING_PROTOBUF, out.out());
  // The only E_LIMIT left (the count was checked above) is a group too small to report on: the
  // figures are not available, the files are fine.
  if (status == KARTLA_E_LIMIT) throw Failure(Exit::not_available, library_error_text());
  kartla::check(status);
  const auto report = parse_result<v1::FollowupReport>(out.view());
  switch (format) {
    case Format::json: write_stdout(json_text(report)); break;
    case Format::csv:
      write_stdout(csv_report(report));
      // CSV holds the figures only: what was not counted is said where a person sees it.
      for (const v1::SkippedBundle& s : report.skipped())
        warn(fill(T("%s not counted: %s"), {paths.at(s.index()), reason_label(s.reason())}));
      break;
    case Format::text: write_stdout(text_report(report, paths)); break;
  }
  return Exit::ok;
}

}  // namespace kartla::cli
