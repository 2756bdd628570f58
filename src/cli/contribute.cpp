// SPDX-License-Identifier: Apache-2.0
// `kartla contribute`, `kartla inbox` and `kartla accept`: an agency writes an entry into a
// person's record without holding it. The entry travels signed and sealed to the owner alone; the
// owner sees who sent it and what it adds, and accepts it (the entry joins the section with the
// agency's signature kept as an attestation) or rejects it by not accepting it.
#include <dirent.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/time_util.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "file_kinds.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "owner.h"
#include "secrets.h"

namespace kartla::cli {
namespace {

constexpr size_t kEntryReadLimit = 16u << 20;
constexpr size_t kContributionReadLimit = 17u << 20;

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The files to look at: each argument, or every regular file directly in a directory argument.
// Whether a file begins as a contribution does (docs/SPEC.md §3.1: "KARTLA", type 'W'). A folder
// used as an inbox also holds other things (a card, a note, a bundle); those are not refused
// contributions, so they are passed over without a word. A file that begins as a contribution
// and then fails is still a warning.
bool looks_like_contribution(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return true;  // let the reader report why it cannot be read
  char prefix[7] = {};
  const size_t n = std::fread(prefix, 1, sizeof prefix, f);
  std::fclose(f);
  return n == sizeof prefix && std::memcmp(prefix, "KARTLAW", sizeof prefix) == 0;
}

std::vector<std::string> inbox_files(const Args& args) {
  std::vector<std::string> files;
  bool folder_given = false;
  for (size_t i = 0; i < args.positional_count(); ++i) {
    const std::string& path = args.positional(i);
    folder_given = folder_given || is_directory(path);
    if (!is_directory(path)) {
      check_readable(path);
      files.push_back(path);
      continue;
    }
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) io_error(fill(T("cannot read the directory %s"), {path}));
    std::vector<std::string> found;
    while (const dirent* e = ::readdir(dir)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      const std::string full = path + "/" + name;
      if (!is_directory(full) && looks_like_contribution(full)) found.push_back(full);
    }
    ::closedir(dir);
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  // A folder with nothing for the owner in it is an empty inbox, not a mistake.
  if (files.empty() && !folder_given) usage_error(T("no contribution files given (see --help)"));
  return files;
}

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// One field of the contributed entry as its protobuf JSON shows it: a text, number, enum name or
// time as such; a list by its length; any other message as {...}.
std::string value_text(const Message& entry, const FieldDescriptor* field) {
  const auto* r = entry.GetReflection();
  if (field->is_repeated()) {
    const auto n = static_cast<uint64_t>(r->FieldSize(entry, field));
    return "[" + fill(TN("%s item", "%s items", n), {std::to_string(n)}) + "]";
  }
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: return printable(r->GetString(entry, field));
    case FieldDescriptor::CPPTYPE_INT32: return std::to_string(r->GetInt32(entry, field));
    case FieldDescriptor::CPPTYPE_INT64: return std::to_string(r->GetInt64(entry, field));
    case FieldDescriptor::CPPTYPE_UINT32: return std::to_string(r->GetUInt32(entry, field));
    case FieldDescriptor::CPPTYPE_UINT64: return std::to_string(r->GetUInt64(entry, field));
    case FieldDescriptor::CPPTYPE_BOOL: return r->GetBool(entry, field) ? "true" : "false";
    case FieldDescriptor::CPPTYPE_ENUM: return printable(r->GetEnum(entry, field)->name());
    case FieldDescriptor::CPPTYPE_FLOAT:
    case FieldDescriptor::CPPTYPE_DOUBLE: {
      const double d = field->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT ? r->GetFloat(entry, field)
                                                                            : r->GetDouble(entry, field);
      return d == static_cast<double>(static_cast<int64_t>(d)) ? std::to_string(static_cast<int64_t>(d))
                                                                 : std::to_string(d);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      const Message& m = r->GetMessage(entry, field);
      if (m.GetDescriptor() == google::protobuf::Timestamp::descriptor())
        return printable(google::protobuf::util::TimeUtil::ToString(static_cast<const google::protobuf::Timestamp&>(m)));
      return "{...}";
    }
  }
  return "null";
}

// "what it adds": the contributed entry's fields that are set, one per line, in name order.
std::string entry_lines(const v1::ContributionDescription& description) {
  std::string text;
  const v1::SectionContent& content = description.content();
  const auto* member = content.GetDescriptor()->FindFieldByNumber(static_cast<int>(content.content_case()));
  if (member == nullptr) return text;
  const Message& section = content.GetReflection()->GetMessage(content, member);
  const FieldDescriptor* entries = section.GetDescriptor()->FindFieldByName("entries");
  if (entries == nullptr || !entries->is_repeated() || entries->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE)
    return text;
  for (int i = 0; i < section.GetReflection()->FieldSize(section, entries); ++i) {
    const Message& entry = section.GetReflection()->GetRepeatedMessage(section, entries, i);
    std::vector<const FieldDescriptor*> fields;
    entry.GetReflection()->ListFields(entry, &fields);
    std::sort(fields.begin(), fields.end(),
              [](const FieldDescriptor* a, const FieldDescriptor* b) { return a->name() < b->name(); });
    for (const FieldDescriptor* field : fields)
      text += "    " + printable(field->name()) + ": " + value_text(entry, field) + "\n";
  }
  return text;
}

// "what it adds", as the owner's own record view would show it (coded values in words, dates as
// dates, nested parts as nested lines, in the run's language): the contributed section, holding
// only this entry, in a record made in memory for the purpose and never saved. An entry the view
// cannot take on its own (a rule relating it to entries the record holds) falls back to its
// fields, one per line.
std::string entry_view(const kartla::identity& owner, const v1::ContributionDescription& description) {
  const v1::SectionContent& content = description.content();
  const auto* member = content.GetDescriptor()->FindFieldByNumber(static_cast<int>(content.content_case()));
  if (member == nullptr) return entry_lines(description);
  std::string bytes;
  if (!content.GetReflection()->GetMessage(content, member).SerializeToString(&bytes)) return entry_lines(description);
  try {
    kartla::record scratch = kartla::record::create(owner);
    scratch.set_section(description.section(), bytes);
    kartla::view_options options;
    options.language = language();
    const kartla::buffer text = scratch.show_text(description.section(), options);
    std::string out;
    // Indented under "adds:"; the view's own heading lines stay as they are.
    std::string_view view = text.view();
    while (!view.empty()) {
      const size_t end = view.find('\n');
      const std::string_view line = view.substr(0, end);
      if (!line.empty()) out += "    " + std::string(line);
      out += "\n";
      if (end == std::string_view::npos) break;
      view.remove_prefix(end + 1);
    }
    return out;
  } catch (const kartla::error&) {
    return entry_lines(description);
  }
}

std::string sender_text(const v1::ContributionDescription& description) {
  if (!description.has_sender()) return "?";
  const v1::Party& sender = description.sender();
  return fill(T("%1$s (org %2$s, role %3$s)"),
              {printable(sender.name()), printable(sender.organisation_number()), printable(sender.role())}) +
         "\n    " + fill(T("fingerprint %s"), {sender.fingerprint()});
}

std::string describe_text(const kartla::identity& owner, const std::string& file,
                          const v1::ContributionDescription& d) {
  return file + "\n  " + fill(T("from %s"), {sender_text(d)}) + "\n  " +
         fill(T("for record %1$s, section %2$s, entry %3$s"), {d.record_id(), d.section(), printable(d.entry_id())}) +
         "\n  " + fill(T("written %s"), {format_utc(d.created_at())}) +
         (d.has_claim() ? ", " + claim_text(d.claim()) : std::string()) + "\n  " + T("adds:") + "\n" + entry_view(owner, d);
}

v1::ContributionDescription described(const kartla::identity& owner, const std::string& bytes,
                                      const std::string& record_id) {
  const kartla::buffer result = kartla::contribution_describe(owner, bytes, record_id, 0, KARTLA_ENCODING_PROTOBUF);
  return parse_result<v1::ContributionDescription>(result.view());
}

}  // namespace

Exit run_contribute(const Args& args) {
  args.expect_positionals({});
  const std::string owner_card = std::string(read_kartla_file(args.required("--to"), FileKind::card, kSmallFileReadLimit).view());
  const std::string record_id = args.required("--record-id");
  const std::string section = args.required("--section");
  const std::string entry = std::string(read_input(renamed_required(args, "--in", "--json"), kEntryReadLimit).view());
  const std::string out = args.required("--out");
  std::string claim;
  if (const auto claim_path = args.value("--claim")) claim = std::string(read_input(*claim_path, 1u << 20).view());
  check_new_output(out);
  const kartla::identity agency = unlock_identity(args.required("--as"), args);
  const std::string file = kartla::contribution_create(agency, owner_card, record_id, section, entry, claim);
  write_file_atomically(out, file, false);
  inform(fill(T("Wrote a contribution to section %1$s of record %2$s to %3$s"), {section, record_id, output_name(out)}) +
               "\n  " +
               fill(T("sealed to the owner alone; they accept it with: kartla accept REC --owner OWNER.id %s"), {out}) +
               "\n");
  return Exit::ok;
}

Exit run_inbox(const Args& args) {
  const std::vector<std::string> files = inbox_files(args);
  std::string record_id;
  // With --record, the record too: what it already holds is marked, so the owner does not accept
  // the same entry twice in their mind (accepting again would change nothing).
  std::optional<kartla::record> record;
  const kartla::identity owner = [&] {
    if (const auto rec = args.value("--record")) {
      OwnedRecord owned = open_record_with_owner(*rec, args);
      record_id = owned.record.id();
      record.emplace(std::move(owned.record));
      return std::move(owned.owner);
    }
    return unlock_identity(args.required("--owner"), args);
  }();
  // One file: its refusal is the command's error. Several: each refusal is a warning and the
  // others are still listed.
  const bool single = files.size() == 1;
  std::string text;
  ContributionList listing;
  size_t listed = 0;
  for (const std::string& file : files) {
    v1::ContributionDescription d;
    bool accepted = false;
    try {
      const std::string bytes = std::string(read_input(file, kContributionReadLimit).view());
      // Only files named on the command line get here with another kind (a folder's are sorted
      // out by looks_like_contribution): naming a card as a contribution is a usage error.
      expect_kind(bytes, file, FileKind::contribution);
      d = described(owner, bytes, record_id);
      accepted = record && kartla::record_contribution_accepted(*record, owner, bytes);
    } catch (const kartla::error& e) {
      if (single) throw;
      warn(fill(T("%1$s refused: %2$s (%3$s)"), {file, printable(library_error_text(e)), e.status_name()}));
      continue;
    }
    *listing.add_contributions() = d;
    text += describe_text(owner, file, d);
    if (accepted) text += std::string("  ") + T("already accepted into the record: accepting it again changes nothing") + "\n";
    ++listed;
  }
  if (!args.flag("--json") && listed == 0) text = std::string(T("No contributions waiting")) + "\n";
  write_stdout(args.flag("--json") ? json_member_text(listing) : text);
  return Exit::ok;
}

Exit run_accept(const Args& args) {
  args.expect_positionals({"REC.kartla", "CONTRIBUTION"});
  const std::string path = args.positional(0);
  const std::string bytes =
      std::string(read_kartla_file(args.positional(1), FileKind::contribution, kContributionReadLimit).view());
  OwnedRecord owned = open_record_with_owner(path, args);
  const v1::ContributionDescription d = described(owned.owner, bytes, owned.record.id());
  const bool added = kartla::record_accept_contribution(owned.record, owned.owner, bytes);
  if (added) owned.save(path);
  inform(fill(added ? T("Accepted entry %1$s into section %2$s from %3$s")
                          : T("Already accepted, nothing changed: entry %1$s into section %2$s from %3$s"),
                    {printable(d.entry_id()), d.section(), sender_text(d)}) +
               "\n" +
               (added ? "  " + fill(T("saved %1$s (sequence %2$s)"), {path, std::to_string(owned.record.sequence())}) + "\n"
                      : std::string()));
  return Exit::ok;
}

}  // namespace kartla::cli
