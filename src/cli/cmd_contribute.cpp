// `kartla contribute`, `kartla inbox` and `kartla accept`: an agency writes an entry into a
// person's record without holding it. The entry travels signed and sealed to the owner alone; the
// owner sees who sent it and what it adds, and accepts it (the entry joins the section with the
// agency's signature kept as an attestation) or rejects it by not accepting it.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "exit_codes.h"
#include "failure.h"
#include "files.h"
#include "json_read.h"
#include "json_text.h"
#include "kartla/kartla.hpp"
#include "owned_record.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

constexpr size_t kEntryReadLimit = 16u << 20;
constexpr size_t kContributionReadLimit = 17u << 20;

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The files to look at: each argument, or every regular file directly in a directory argument.
std::vector<std::string> inbox_files(const Args& args) {
  std::vector<std::string> files;
  for (size_t i = 0; i < args.positional_count(); ++i) {
    const std::string& path = args.positional(i);
    if (!is_directory(path)) {
      check_readable(path);
      files.push_back(path);
      continue;
    }
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) io_error("cannot read the directory " + path);
    std::vector<std::string> found;
    while (const dirent* e = ::readdir(dir)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      const std::string full = path + "/" + name;
      if (!is_directory(full)) found.push_back(full);
    }
    ::closedir(dir);
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) usage_error("no contribution files given (see --help)");
  return files;
}

std::string value_text(const JsonValue& v) {
  switch (v.kind_case()) {
    case JsonValue::kStringValue: return printable(v.string_value());
    case JsonValue::kNumberValue: {
      const double d = v.number_value();
      return d == static_cast<double>(static_cast<int64_t>(d)) ? std::to_string(static_cast<int64_t>(d))
                                                                 : std::to_string(d);
    }
    case JsonValue::kBoolValue: return v.bool_value() ? "true" : "false";
    case JsonValue::kStructValue: return "{...}";
    case JsonValue::kListValue: return "[" + std::to_string(v.list_value().values_size()) + " items]";
    default: return "null";
  }
}

// "what it adds": the contributed entry's fields, one per line, in name order.
std::string entry_lines(const JsonObject& description) {
  std::string text;
  const JsonObject* content = object_field(description, "content");
  if (content == nullptr) return text;
  for (const JsonObject* entry : object_list_field(*content, "entries")) {
    std::vector<std::string> names;
    for (const auto& field : entry->fields()) names.push_back(field.first);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) text += "    " + printable(name) + ": " + value_text(entry->fields().at(name)) + "\n";
  }
  return text;
}

std::string sender_text(const JsonObject& description) {
  const JsonObject* sender = object_field(description, "sender");
  if (sender == nullptr) return "?";
  return printable(text_field(*sender, "name")) + " (org " + printable(text_field(*sender, "organisation_number")) +
         ", role " + printable(text_field(*sender, "role")) + ")\n    fingerprint " + text_field(*sender, "fingerprint");
}

std::string describe_text(const std::string& file, const JsonObject& d) {
  const JsonObject* claim = object_field(d, "claim");
  return file + "\n  from " + sender_text(d) + "\n  for record " + text_field(d, "record_id") + ", section " +
         text_field(d, "section") + ", entry " + printable(text_field(d, "entry_id")) + "\n  written " +
         format_utc(static_cast<int64_t>(number_field(d, "created_at"))) +
         (claim ? ", claim " + printable(text_field(*claim, "kind")) : std::string()) + "\n  adds:\n" + entry_lines(d);
}

void warn(const std::string& line) {
  const std::string text = "kartla: warning: " + line + "\n";
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace

Exit run_contribute(const Args& args) {
  args.expect_positionals({});
  const std::string owner_card = std::string(read_input(args.required("--to"), kSmallFileReadLimit).view());
  const std::string record_id = args.required("--record-id");
  const std::string section = args.required("--section");
  const std::string entry = std::string(read_input(args.required("--json"), kEntryReadLimit).view());
  const std::string out = args.required("--out");
  std::string claim;
  if (const auto claim_path = args.value("--claim")) claim = std::string(read_input(*claim_path, 1u << 20).view());
  check_new_output(out);
  const kartla::identity agency = unlock_identity(args.required("--as"), args);
  const std::string file = kartla::contribution_create(agency, owner_card, record_id, section, entry, claim);
  write_file_atomically(out, file, false);
  write_stdout("Wrote a contribution to section " + section + " of record " + record_id + " to " + out +
               "\n  sealed to the owner alone; they accept it with: kartla accept REC --owner OWNER.id " + out + "\n");
  return Exit::ok;
}

Exit run_inbox(const Args& args) {
  const std::vector<std::string> files = inbox_files(args);
  std::string record_id;
  const kartla::identity owner = [&] {
    if (const auto rec = args.value("--record")) {
      OwnedRecord owned = open_record_with_owner(*rec, args);
      record_id = owned.record.id();
      return std::move(owned.owner);
    }
    return unlock_identity(args.required("--owner"), args);
  }();
  // One file: its refusal is the command's error. Several: each refusal is a warning and the
  // others are still listed.
  const bool single = files.size() == 1;
  std::string text;
  std::string json = "[";  // laid out by json_document below
  size_t listed = 0;
  for (const std::string& file : files) {
    std::string described;
    try {
      const std::string bytes = std::string(read_input(file, kContributionReadLimit).view());
      described = kartla::contribution_describe_json(owner, bytes, record_id).str();
    } catch (const kartla::error& e) {
      if (single) throw;
      warn(file + " refused: " + printable(e.what()) + " (" + e.status_name() + ")");
      continue;
    }
    json += std::string(listed == 0 ? "" : ", ") + described;
    text += describe_text(file, parse_json_object(described));
    ++listed;
  }
  json += "]";
  if (!args.flag("--json") && listed == 0) text = "No contributions waiting\n";
  write_stdout(args.flag("--json") ? json_document(json) : text);
  return Exit::ok;
}

Exit run_accept(const Args& args) {
  args.expect_positionals({"REC.kartla", "CONTRIBUTION"});
  const std::string path = args.positional(0);
  const std::string bytes = std::string(read_input(args.positional(1), kContributionReadLimit).view());
  OwnedRecord owned = open_record_with_owner(path, args);
  const std::string described = kartla::contribution_describe_json(owned.owner, bytes, owned.record.id()).str();
  const bool added = kartla::record_accept_contribution(owned.record, owned.owner, bytes);
  if (added) owned.save(path);
  const JsonObject d = parse_json_object(described);
  write_stdout((added ? "Accepted entry " : "Already accepted, nothing changed: entry ") +
               printable(text_field(d, "entry_id")) + " into section " + text_field(d, "section") + " from " +
               sender_text(d) + "\n" +
               (added ? "  saved " + path + " (sequence " + std::to_string(owned.record.sequence()) + ")\n"
                      : std::string()));
  return Exit::ok;
}

}  // namespace kartla::cli
