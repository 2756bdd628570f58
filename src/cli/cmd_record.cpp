// `kartla record ...`: the owner's view of a record. Every command that changes the record
// saves the next signed version atomically, so the file is either the old or the new version.
#include <string>
#include <vector>

#include "commands.h"
#include "files.h"
#include "results.h"
#include "cli_output.pb.h"
#include "json_output.h"
#include "kartla/kartla.hpp"
#include "owned_record.h"
#include "section_arg.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

// Protobuf JSON of a section can be larger than its binary form (base64 of a 256 MiB
// attachment); the library enforces the real limit on what it parses.
constexpr size_t kSectionJsonReadLimit = size_t{512} << 20;

std::string saved_line(const std::string& path, const std::string& what, const kartla::record& record) {
  return path + ": " + what + " (sequence " + std::to_string(record.sequence()) + ")\n";
}

}  // namespace

Exit run_record_new(const Args& args) {
  args.expect_positionals({});
  const std::string owner_path = args.required("--owner");
  const std::string path = args.required("--out");
  check_new_output(path);
  check_readable(owner_path);

  const kartla::identity owner = unlock_owner(args);
  const std::string before = owner.file_bytes().str();
  kartla::record record = kartla::record::create(owner);
  record.save(path);  // the library refuses to overwrite a file that is not this record
  keep_versions_seen(owner, owner_path, before);
  if (args.flag("--json")) {
    RecordCreated created;
    created.set_record(path);
    created.set_record_id(record.id());
    created.set_sequence(record.sequence());
    write_stdout(json_text(created));
  } else {
    write_stdout("Created record " + path + "\nrecord id: " + record.id() + "\nsequence:  " +
                 std::to_string(record.sequence()) + "\n");
  }
  return Exit::ok;
}

Exit run_record_set(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string section = section_option(args);
  const Secret json = read_input(args.required("--json"), kSectionJsonReadLimit);

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  record.set_section_json(section, json.view());
  owned.save(path);
  write_stdout(saved_line(path, "section " + section + " saved", record));
  return Exit::ok;
}

Exit run_record_get(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string section = section_option(args);
  if (args.flag("--provenance") || args.value("--trust")) {
    // Before the passphrase: a bad, older or expired trust list is the caller's to fix first.
    const std::optional<TrustListInput> trust = trust_list_option(args);
    const OwnedRecord owned = open_record_with_owner(path, args);
    const kartla::buffer json = owned.record.section_json(section);
    SectionWithProvenance out;
    read_json_object(json.view(), out.mutable_content());
    *out.mutable_provenance() = provenance_for(owned, section, trust);
    write_stdout(json_text(out));
    return Exit::ok;
  }

  const kartla::record record = std::move(open_record_with_owner(path, args).record);
  const kartla::buffer json = record.section_json(section);
  write_stdout(json.view());
  if (json.size() == 0 || json.view().back() != '\n') write_stdout("\n");
  return Exit::ok;
}

Exit run_record_list(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const kartla::record record = std::move(open_record_with_owner(args.positional(0), args).record);
  // Every section held, a newer writer's (unknown id) too: SPEC §5.1 says a reader reports it.
  std::vector<std::string> present;
  const auto listed = parse_result<v1::SectionList>(record.sections(KARTLA_ENCODING_PROTOBUF));
  for (const v1::SectionListing& section : listed.sections()) {
    present.push_back(section.name() == "unknown" ? "unknown (section id " + std::to_string(section.id()) + ")"
                                                  : section.name());
  }

  std::string out;
  if (args.flag("--json")) {
    RecordSections listing;
    listing.set_record_id(record.id());
    listing.set_sequence(record.sequence());
    for (const std::string& name : present) listing.add_sections(name);
    out = json_text(listing);
  } else {
    for (const std::string& name : present) out += name + "\n";
  }
  write_stdout(out);
  return Exit::ok;
}

Exit run_record_remove(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string section = section_option(args);

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  record.remove_section(section);
  owned.save(path);
  write_stdout(saved_line(path, "section " + section + " removed", record));
  return Exit::ok;
}

}  // namespace kartla::cli
