// SPDX-License-Identifier: Apache-2.0
// `kartla record ...`: the owner's view of a record, and its sharing ledger. Every command that
// changes the record saves the next signed version atomically, so the file is either the old or
// the new version. `record ledger` is the owner's own account of who was given which sections, for
// what, on which legal basis, until when, and when the grant ended, by revocation or expiry (the
// owner-only sharing_ledger section, proto/kartla/v1/sharing_ledger.proto).
// (`record show` is in views.cpp, `record attach` and `record provenance` in attest.cpp.)
#include <google/protobuf/util/time_util.h>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "file_kinds.h"
#include "files.h"
#include "documents.h"
#include "kartla/kartla.hpp"
#include "kartla/v1/sharing_ledger.pb.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "owner.h"

namespace kartla::cli {
namespace {

// Protobuf JSON of a section can be larger than its binary form (base64 of a 256 MiB
// attachment); the library enforces the real limit on what it parses.
constexpr size_t kSectionJsonReadLimit = size_t{512} << 20;

std::string saved_line(const std::string& path, const std::string& what, const kartla::record& record) {
  return fill(T("%1$s: %2$s (sequence %3$s)"), {path, what, std::to_string(record.sequence())}) + "\n";
}

constexpr const char* kLedgerSection = "sharing_ledger";
constexpr const char* kDocumentsSection = "documents";

// A Timestamp as protobuf JSON writes it (RFC 3339 in UTC, "...Z"), "" when unset: the texts
// compare in time order as long as they have the same shape, which the ledger's whole seconds
// guarantee.
std::string time_text(bool set, const google::protobuf::Timestamp& t) {
  return set ? google::protobuf::util::TimeUtil::ToString(t) : std::string();
}
// A grant ends by revocation (revoked_at) or at the first save after its expiry (expired_at): both
// set by the library. Until that save an expired grant is still in the record, and says so.
enum class GrantState { active, past_expiry, expired, revoked };

GrantState grant_state(const v1::ShareGrantRecord& grant, const std::string& now) {
  if (grant.has_revoked_at()) return GrantState::revoked;
  if (grant.has_expired_at()) return GrantState::expired;
  const std::string expires = time_text(grant.has_expires_at(), grant.expires_at());
  if (!expires.empty() && expires <= now) return GrantState::past_expiry;
  return GrantState::active;
}

const char* state_word(GrantState state) {
  switch (state) {
    case GrantState::active: return T("active");
    case GrantState::past_expiry: return T("past its expiry");
    case GrantState::expired: return T("expired");
    case GrantState::revoked: return T("revoked");
  }
  return T("active");
}

// A ledger field for people to read: the ledger is the owner's own, but it names agencies as
// their cards describe them.
std::string shown(const std::string& text) { return printable(text); }

// "GDPR Art. 6.1.a (consent); health data under GDPR Art. 9.2.h (health or social care)": the
// Art. 9(2) basis is there only when the grant covers health data.
std::string basis_text(const v1::ShareGrantRecord& g) {
  const std::string& code6 = g.gdpr_art6_basis().code();
  const std::string& code9 = g.gdpr_art9_basis().code();
  std::string out = code6.empty() ? std::string(T("not recorded")) : gdpr_basis_label(code6);
  if (!code9.empty()) out += "; " + fill(T("health data under %s"), {gdpr_basis_label(code9)});
  return out;
}

// "2027-07-01T00:00:00Z (valid through 2027-06-30)", as `kartla share` said it. The library
// writes whole seconds; any other shape is shown as it is.
std::string expiry_text(const std::string& expires) {
  if (expires.empty()) return T("never (until revoked)");
  std::string day;
  try {
    day = last_valid_day(parse_time_arg(expires, "expires_at", DateMeaning::start_of_day));
  } catch (const Failure&) {
  }
  return printable(expires) + (day.empty() ? "" : " " + fill(T("(valid through %s)"), {day}));
}

// What ending a grant did (docs/SPEC.md §7.4): a section rotated or removed since the grant was
// made had a new key already.
std::string ended_text(const v1::ShareGrantRecord& g, GrantState state) {
  switch (state) {
    case GrantState::active: return T("no");
    case GrantState::past_expiry:
      return T("not yet: it ends at the next save of this record, and its sections then get new keys");
    case GrantState::expired:
      return fill(T("expired, on %s (the first save after its expiry): the sections it still covered got new keys"),
                  {shown(time_text(g.has_expired_at(), g.expired_at()))});
    case GrantState::revoked:
      return fill(T("revoked, on %s: the sections it still covered got new keys"),
                  {shown(time_text(g.has_revoked_at(), g.revoked_at()))});
  }
  return T("no");
}

std::string grant_block(const v1::ShareGrantRecord& g, const std::string& now) {
  const GrantState state = grant_state(g, now);
  const std::string role = shown(g.agency_role());
  std::string out = fill(T("grant %s"), {shown(g.id())}) + " (" + state_word(state) + ")\n";
  out += aligned({{T("agency:"), shown(g.agency_name()) + (role.empty() ? "" : " (" + role + ")")},
                  {T("fingerprint:"), shown(g.agency_fingerprint())},
                  {T("sections:"), printable(joined(g.sections()))},
                  {T("purpose:"), shown(g.purpose())},
                  {T("basis:"), basis_text(g)},
                  {T("granted:"), shown(time_text(g.has_granted_at(), g.granted_at()))},
                  {T("expires:"), expiry_text(time_text(g.has_expires_at(), g.expires_at()))},
                  {T("ended:"), ended_text(g, state)}},
                 14, "  ");
  return out;
}

// The owner's clock, as the record's: KARTLA_NOW when set.
std::string owner_now() {
  const int64_t now = owner_clock();
  return format_utc(now != 0 ? now : static_cast<int64_t>(std::time(nullptr)));
}

std::string human_ledger(const std::string& path, const v1::SharingLedger& ledger) {
  const std::string now = owner_now();
  const auto grants = static_cast<uint64_t>(ledger.grants_size());
  std::string out =
      fill(TN("Sharing ledger of %1$s: %2$s grant", "Sharing ledger of %1$s: %2$s grants", grants),
           {path, std::to_string(grants)}) +
      "\n";
  for (const v1::ShareGrantRecord& g : ledger.grants()) out += "\n" + grant_block(g, now);
  if (ledger.access_events_size() != 0)
    out += "\n" +
           std::string(T("Events (GRANT: shared; REVOKE: taken back; EXPIRE: ended at the first save after its expiry):")) +
           "\n";
  for (const v1::AccessEvent& e : ledger.access_events()) {
    // As protobuf JSON names it: the unset value has no name.
    std::string action = e.action() == v1::AccessEvent::ACTION_UNSPECIFIED ? std::string()
                                                                            : v1::AccessEvent::Action_Name(e.action());
    action.append(action.size() < 7 ? 7 - action.size() : 1, ' ');
    out += "  " + shown(time_text(e.has_at(), e.at())) + "  " + action + fill(T("grant %s"), {shown(e.grant_id())}) +
           ": " + printable(joined(e.sections())) + "\n";
  }
  return out;
}

}  // namespace

Exit run_record_new(const Args& args) {
  args.expect_positionals({});
  const std::string owner_path = args.required("--owner");
  const std::string path = args.required("--out");
  check_not_stdout(path, T("a record"));
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
    inform(fill(T("Created record %s"), {path}) + "\n" + padded(T("record id:"), 11) + record.id() + "\n" +
                 padded(T("sequence:"), 11) + std::to_string(record.sequence()) + "\n");
  }
  return Exit::ok;
}

Exit run_record_set(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string section = section_option(args);
  const std::string json_path = renamed_required(args, "--in", "--json");
  const Secret json = read_input(json_path, kSectionJsonReadLimit);
  expect_section_content(json.view(), json_path);
  if (section == kDocumentsSection) refuse_documents_listing(json.view(), json_path);

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  record.set_section_json(section, json.view());
  owned.save(path);
  inform(saved_line(path, fill(T("section %s saved"), {section}), record));
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
    SectionWithProvenance out;
    if (section == kDocumentsSection) {
      read_json_object(documents_json(owned.record), out.mutable_content());
    } else {
      const kartla::buffer json = owned.record.section_json(section);
      read_json_object(json.view(), out.mutable_content());
    }
    *out.mutable_provenance() = provenance_for(owned, section, trust);
    write_stdout(json_text(out));
    return Exit::ok;
  }

  const kartla::record record = std::move(open_record_with_owner(path, args).record);
  if (section == kDocumentsSection) {
    write_stdout(documents_json(record));
    return Exit::ok;
  }
  const kartla::buffer json = record.section_json(section);
  write_stdout_json(json.view());
  return Exit::ok;
}

Exit run_record_list(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const kartla::record record = std::move(open_record_with_owner(args.positional(0), args).record);
  // Every section held, a newer writer's (unknown id) too: SPEC §5.1 says a reader reports it.
  std::vector<std::string> present;
  const auto listed = parse_result<v1::SectionList>(record.sections(KARTLA_ENCODING_PROTOBUF));
  for (const v1::SectionListing& section : listed.sections()) {
    present.push_back(section.name() == "unknown" ? fill(T("unknown (section id %s)"), {std::to_string(section.id())})
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
  inform(saved_line(path, fill(T("section %s removed"), {section}), record));
  return Exit::ok;
}

Exit run_record_ledger(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const kartla::record record = std::move(open_record_with_owner(path, args).record);

  // A record never shared has no ledger section: that is an empty ledger, not an error.
  const bool has_ledger = record.has_section(kLedgerSection);
  if (args.flag("--json")) {
    if (!has_ledger) {
      write_stdout("{}\n");
      return Exit::ok;
    }
    const kartla::buffer json = record.section_json(kLedgerSection);
    write_stdout_json(json.view());
    return Exit::ok;
  }
  if (!has_ledger) {
    write_stdout(fill(T("Sharing ledger of %s: 0 grants (nothing has been shared from this record)"), {path}) + "\n");
    return Exit::ok;
  }
  const kartla::buffer bytes = record.section(kLedgerSection);
  write_stdout(human_ledger(path, parse_result<v1::SharingLedger>(bytes.view())));
  return Exit::ok;
}

}  // namespace kartla::cli
