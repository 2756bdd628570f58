// SPDX-License-Identifier: Apache-2.0
// `kartla attest`, `kartla record attach` and `kartla record provenance`: an agency vouches for
// one entry of a person's record; the person keeps the attestation with the entry; any reader
// sees, per entry, who vouched for it and whether that issuer is on the reader's trust list.
//
// `kartla trust add`, `trust sign` and `trust show`: a trust root vouches for agencies by signing
// a list of their cards with a role and a validity period each (`trust root new`, which creates
// the root's identity, is in identity.cpp with the other identities). The draft a root edits
// before signing is a small JSON file of the CLI's own (nothing in it is signed or secret):
// {"kartla_trust_draft": 1, "sequence": N, "agencies": [{"card": HEX of the agency's card file,
// "name", "role", "valid_from", "valid_until"}]} with times in Unix seconds. `trust sign` rebuilds
// the draft through the library, so every card is checked again there.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_files.pb.h"
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

constexpr size_t kClaimReadLimit = 1u << 20;
constexpr size_t kAttestationReadLimit = 1u << 20;
constexpr size_t kDraftReadLimit = 64u << 20;

struct DraftAgency {
  std::string card;  // the card file's bytes
  std::string name;
  std::string role;
  int64_t valid_from = 0;
  int64_t valid_until = 0;
};

struct Draft {
  uint64_t sequence = 1;
  std::vector<DraftAgency> agencies;
};

std::string to_hex(std::string_view bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

std::string from_hex(const std::string& hex, const std::string& path) {
  auto value = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    usage_error(fill(T("%s is not a trust-list draft (a card is not hex)"), {path}));
  };
  if (hex.size() % 2 != 0) usage_error(fill(T("%s is not a trust-list draft (a card is not hex)"), {path}));
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) out.push_back(static_cast<char>(value(hex[i]) * 16 + value(hex[i + 1])));
  return out;
}

Draft read_draft(const std::string& path) {
  const Secret text = read_input(path, kDraftReadLimit);
  TrustDraftFile file;
  if (!parse_own_json(text.view(), &file)) usage_error(fill(T("%s is not a trust-list draft (not JSON)"), {path}));
  if (file.kartla_trust_draft() != 1) usage_error(fill(T("%s is not a trust-list draft"), {path}));
  Draft draft;
  draft.sequence = file.sequence();
  if (draft.sequence == 0) usage_error(fill(T("%s has no sequence number"), {path}));
  for (const TrustDraftAgency& a : file.agencies())
    draft.agencies.push_back({from_hex(a.card(), path), a.name(), a.role(), a.valid_from(), a.valid_until()});
  return draft;
}

std::string draft_json(const Draft& draft) {
  TrustDraftFile file;
  file.set_kartla_trust_draft(1);
  file.set_sequence(draft.sequence);
  for (const DraftAgency& a : draft.agencies) {
    TrustDraftAgency* agency = file.add_agencies();
    agency->set_name(a.name);
    agency->set_role(a.role);
    agency->set_valid_from(a.valid_from);
    agency->set_valid_until(a.valid_until);
    agency->set_card(to_hex(a.card));
  }
  return json_text(file);
}

// The library's draft: every card, role and period checked again.
kartla::trust_draft library_draft(const Draft& draft) {
  kartla::trust_draft out = kartla::trust_draft::create(draft.sequence);
  for (const DraftAgency& a : draft.agencies) out.add(a.card, a.role, a.valid_from, a.valid_until);
  return out;
}

std::string period_text(int64_t from, int64_t until) {
  return fill(T("%1$s to %2$s"), {format_utc(from), until == 0 ? std::string(T("the list's expiry")) : format_utc(until)});
}

}  // namespace

Exit run_attest(const Args& args) {
  args.expect_positionals({});
  const std::string from = renamed_required(args, "--bundle", "--from");
  const std::string owner_card_path = args.required("--owner-card");
  const std::string section = args.required("--section");
  const std::string entry_id = args.required("--entry");
  const std::string claim_path = args.required("--claim");
  const std::string out = args.required("--out");
  const auto record_id = args.value("--record-id");
  const auto expires = args.value("--expires");
  const int64_t expires_at = expires ? parse_time_arg(*expires, "--expires", DateMeaning::through_day) : 0;
  check_readable(from);
  expect_file_kind(from, FileKind::record);
  check_new_output(out);
  const std::string claim = std::string(read_input(claim_path, kClaimReadLimit).view());
  const std::string owner_card = std::string(read_kartla_file(owner_card_path, FileKind::card, kSmallFileReadLimit).view());

  const kartla::identity agency = unlock_identity(args.required("--as"), args);
  const kartla::share share = kartla::share::open_file(from, agency);
  share.check_owner(owner_card);  // the card must be the one of the person whose record this is
  const std::string bundle_record =
      parse_result<v1::ShareDescription>(share.describe(KARTLA_ENCODING_PROTOBUF)).record_id();
  if (record_id && *record_id != bundle_record)
    usage_error(fill(T("--record-id %1$s is not the record in %2$s (%3$s)"), {*record_id, from, bundle_record}));

  kartla::entry_ref ref;
  ref.owner_card = owner_card;
  ref.record_id = bundle_record;
  ref.section = section;
  ref.entry_id = entry_id;
  ref.entry = kartla::section_entry(section, share.section(section).view(), entry_id);
  const std::string file = kartla::attestation_issue(agency, ref, claim, 0, expires_at);
  write_file_atomically(out, file, false);
  inform(fill(T("Attested entry %1$s of section %2$s in record %3$s"), {printable(entry_id), section, bundle_record}) +
               "\n  " +
               (expires_at ? fill(T("written to %1$s; valid until %2$s"), {output_name(out), format_utc(expires_at)})
                           : fill(T("written to %s"), {output_name(out)})) +
               "\n  " +
               fill(T("the owner stores it with: kartla record attach REC --owner OWNER.id --attestation %s"), {out}) +
               "\n");
  return Exit::ok;
}

Exit run_record_attach(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string path = args.positional(0);
  const std::string attestation = std::string(
      read_kartla_file(args.required("--attestation"), FileKind::attestation, kAttestationReadLimit).view());
  OwnedRecord owned = open_record_with_owner(path, args);
  const bool added = kartla::record_attach_attestation(owned.record, owned.owner, attestation);
  if (added) owned.save(path);
  inform((added ? fill(T("Attached the attestation; saved %1$s (sequence %2$s)"),
                             {path, std::to_string(owned.record.sequence())})
                      : std::string(T("The record already holds this attestation; nothing changed"))) +
               "\n");
  return Exit::ok;
}

Exit run_record_provenance(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string section = args.required("--section");
  const std::optional<TrustListInput> trust = trust_list_option(args);
  const OwnedRecord owned = open_record_with_owner(args.positional(0), args);
  const auto provenance = provenance_for(owned, section, trust);
  write_stdout(args.flag("--json") ? json_text(provenance) : provenance_report(provenance, trust && trust->root_pinned));
  return Exit::ok;
}

Exit run_trust_add(const Args& args) {
  args.expect_positionals({"DRAFT"});
  const std::string path = args.positional(0);
  const std::string card_path = args.required("--card");
  const std::string role = args.required("--role");
  const auto from = renamed_value(args, "--valid-from", "--from");
  const auto until = args.value("--until");
  const auto sequence = args.value("--sequence");
  const bool exists = path_exists(path);
  if (exists && sequence) usage_error(fill(T("--sequence only starts a new draft; %s exists"), {path}));
  Draft draft;
  if (exists) draft = read_draft(path);
  if (sequence) draft.sequence = parse_unsigned(*sequence, "--sequence", UINT64_MAX);
  if (draft.sequence == 0) usage_error(T("--sequence must be at least 1"));

  DraftAgency added;
  added.card = std::string(read_kartla_file(card_path, FileKind::card, kSmallFileReadLimit).view());
  added.role = role;
  added.valid_from = from ? parse_time_arg(*from, "--valid-from", DateMeaning::start_of_day)
                          : static_cast<int64_t>(std::time(nullptr));
  added.valid_until = until ? parse_time_arg(*until, "--until", DateMeaning::through_day) : 0;
  added.name = parse_result<v1::CardDescription>(kartla::card_describe(added.card, KARTLA_ENCODING_PROTOBUF)).name();
  draft.agencies.push_back(added);
  (void)library_draft(draft);  // the library's verdict on the card, role, period and duplicates
  write_file_atomically(path, draft_json(draft), true);

  if (args.flag("--json")) {
    write_stdout(draft_json(draft));
  } else {
    const auto agencies = static_cast<uint64_t>(draft.agencies.size());
    inform(fill(TN("Added %1$s as %2$s, %3$s, to %4$s (sequence %5$s, %6$s agency)",
                         "Added %1$s as %2$s, %3$s, to %4$s (sequence %5$s, %6$s agencies)", agencies),
                      {printable(added.name), role, period_text(added.valid_from, added.valid_until), path,
                       std::to_string(draft.sequence), std::to_string(agencies)}) +
                 "\n");
  }
  return Exit::ok;
}

Exit run_trust_sign(const Args& args) {
  args.expect_positionals({});
  const std::string draft_path = args.required("--draft");
  const std::string out = args.required("--out");
  const int64_t expires = parse_time_arg(args.required("--expires"), "--expires", DateMeaning::through_day);
  check_new_output(out);
  const Draft draft = read_draft(draft_path);
  const kartla::trust_draft signed_draft = library_draft(draft);
  const kartla::identity root = unlock_identity(args.required("--as"), args);
  const auto issued = args.value("--issued");
  const int64_t issued_at = issued ? parse_time_arg(*issued, "--issued", DateMeaning::start_of_day) : 0;
  const std::string list = kartla::trust_list_sign(root, signed_draft, expires, issued_at);
  write_file_atomically(out, list, false);
  // Describe what was signed; a list already expired (signed for the record, --issued in the
  // past) is still described, at its issue time.
  const auto signed_list = parse_result<v1::TrustListDescription>(
      kartla::trust_list_verify(list, root.card().view(), 0, issued_at, KARTLA_ENCODING_PROTOBUF));
  write_stdout(args.flag("--json") ? json_text(signed_list) : fill(T("Signed %s"), {out}) + "\n" + trust_list_report(signed_list, /*root_pinned=*/true));
  return Exit::ok;
}

Exit run_trust_show(const Args& args) {
  args.expect_positionals({"TRUST.list"});
  const TrustListInput trust = read_trust_list(args, args.positional(0));
  write_stdout(args.flag("--json") ? json_text(trust.list) : trust_list_report(trust.list, trust.root_pinned));
  return Exit::ok;
}

}  // namespace kartla::cli
