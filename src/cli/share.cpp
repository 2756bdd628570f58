// SPDX-License-Identifier: Apache-2.0
// `kartla share`, `kartla bundle`, `kartla revoke`, `kartla receipt` and `kartla receipt show`:
// the owner gives an agency sections of the record (a grant, kept in the record and in the sharing
// ledger, plus a share bundle to hand over) and takes the grants back. What was shared cannot be
// unshared: a revocation protects only what is written afterwards.
//
// A receipt is the owner's signed statement that a grant was made, or that it ended, when and why
// (docs/SPEC.md §7.6): the owner writes it (with `share --receipt`, `revoke --receipt`, or later
// with `receipt`, e.g. of a grant that expired); the agency verifies it and reads it (`receipt
// show`). For the agency a termination receipt is the proof, kept offline, that it must stop
// processing those sections.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "file_kinds.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "kartla/v1/sharing_ledger.pb.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "owner.h"
#include "secrets.h"
#include "share_parts.h"

namespace kartla::cli {

// A usage Failure if the card is an owner's or a trust root's; the library's error (exit 4) if
// its self-signature fails or it is not a card at all.
AgencyCard read_agency_card(const std::string& path) {
  AgencyCard card;
  card.bytes = read_kartla_file(path, FileKind::card, kSmallFileReadLimit);
  const auto described =
      parse_result<v1::CardDescription>(kartla::card_describe(card.bytes.view(), KARTLA_ENCODING_PROTOBUF));
  const std::string& kind = described.kind();
  if (kind != "agency")
    usage_error(kind == "owner"
                    ? fill(T("%s is the card of an owner, not of an agency (agency cards are written by 'kartla agency "
                             "card')"),
                           {path})
                    : fill(T("%1$s is the card of a %2$s, not of an agency (agency cards are written by 'kartla agency "
                             "card')"),
                           {path, kind}));
  card.name = described.name();
  card.fingerprint = described.fingerprint();
  return card;
}

// Receipt files the owner's commands write (`share --receipt`, `revoke --receipt`, `receipt`):
// never over an existing file, and readable by their owner only, like records and bundles: a
// receipt names the agency, the sections and the purpose.
//
// The files for `count` receipts asked for as FILE: FILE, then FILE.2, FILE.3, ...
std::vector<std::string> receipt_paths(const std::string& file, size_t count) {
  // Standard output carries one file: "-.2" would be a file named so in this folder.
  if (file == "-" && count > 1)
    usage_error(fill(T("--receipt - can carry one receipt, and %s are written: name a file"), {std::to_string(count)}));
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.push_back(i == 0 ? file : file + "." + std::to_string(i + 1));
  return out;
}

// Writes the receipt of `grant_id` from the saved `record` to `path`; returns its size. After a
// save that succeeded a failure here must not hide what was saved: the error then says how to
// write the receipt again (`kartla receipt`), naming `record_path`.
size_t write_receipt(const kartla::record& record, const std::string& grant_id, const std::string& path,
                     const std::string& record_path) {
  const std::string again =
      "; " + fill(T("the record %1$s is saved: write the receipt with 'kartla receipt %1$s --owner OWNER.id --grant %2$s "
                    "--out FILE'"),
                  {record_path, grant_id});
  try {
    const kartla::buffer receipt = record.receipt(grant_id);
    write_file_atomically(path, receipt.view(), /*overwrite=*/false, kPrivateFile);
    return receipt.size();
  } catch (const kartla::error& e) {
    throw kartla::error(e.status(), library_error_text(e) + again);
  } catch (const Failure& f) {
    throw Failure(f.code(), std::string(f.what()) + again);
  }
}

SectionChoice parse_sections(const std::string& text) {
  SectionChoice choice;
  const std::vector<std::string> known = kartla::section_names();
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    std::string name = text.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    start = comma + 1;
    if (name.empty()) usage_error(fill(T("--sections has an empty name in '%s'"), {text}));
    if (name == "all" || name == "*") {
      choice.everything = true;
      continue;
    }
    bool found = false;
    for (const std::string& k : known) found = found || k == name;
    if (!found) usage_error(fill(T("unknown section '%1$s'; the sections are: %2$s"), {name, joined(known)}));
    if (std::find(choice.names.begin(), choice.names.end(), name) == choice.names.end()) choice.names.push_back(name);
  }
  if (choice.everything && !choice.names.empty())
    usage_error(T("--sections all cannot be combined with section names"));
  return choice;
}

// What a wildcard shares: every section present except those holding health data (GDPR Art. 9:
// work_ability, and notes or documents with an entry flagged as health data), which must be named
// together with an Art. 9(2) basis, and the owner's own ledger. What it leaves out is said.
std::vector<std::string> wildcard_sections(const kartla::record& record) {
  std::vector<std::string> out;
  std::vector<std::string> held_back;
  bool followup_held_back = false;
  for (const std::string& name : kartla::section_names()) {
    if (name == kLedgerSection || !record.has_section(name)) continue;
    // Shared only for a programme's report, named, under its own basis (docs/SPEC.md §7.8).
    if (name == "programme_followup") {
      followup_held_back = true;
      continue;
    }
    (record.section_is_special(name) ? held_back : out).push_back(name);
  }
  if (followup_held_back) {
    note(T("not shared: programme_followup (name it with --art6-basis 6.1.c or 6.1.e to share it for a programme's "
           "report)"));
  }
  if (out.empty())
    usage_error(T("the record holds no section that --sections all shares (health data must be named to be shared)"));
  if (!held_back.empty()) {
    note(fill(T("not shared, because it holds health data: %s (name it and give --art9-basis to share it)"),
              {joined(held_back)}));
  }
  return out;
}

// Health data is shared only under a basis the person states (the library refuses it otherwise);
// the CLI says so before the library does, with the flag to use.
void require_basis_for_health_data(const kartla::record& record, const std::vector<std::string>& sections,
                                   const std::string& art9_basis) {
  for (const std::string& name : sections)
    if (art9_basis.empty() && record.has_section(name) && record.section_is_special(name))
      usage_error(fill(T("section '%s' holds health data (GDPR Art. 9): to share it, give --art9-basis with one of "
                         "9.2.a to 9.2.j (9.2.a explicit consent, 9.2.b social security and social protection law, "
                         "9.2.h assessment of working capacity); see 'kartla share --help'"),
                       {name}));
}

std::optional<uint64_t> file_size(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
}

std::string expiry_text(int64_t expires_at) {
  if (expires_at == 0) return T("never (until revoked)");
  const std::string day = last_valid_day(expires_at);
  // A share given --expires 2027-06-30 reads back as that date, the instant after it.
  return day.empty() ? format_utc(expires_at)
                     : fill(T("valid through %1$s (ends %2$s)"), {day, format_utc(expires_at)});
}

namespace {

// After the grant is saved the bundle is only a copy of it: a failure to write it must not hide
// that the grant exists, or how to write the bundle again.
uint64_t export_or_explain(const kartla::record& record, const std::string& grant_id, const std::string& record_path,
                       const std::string& out) {
  try {
    return write_through_path(out, [&](const std::string& file) { record.export_bundle(grant_id, file); });
  } catch (const kartla::error& e) {
    throw kartla::error(e.status(),
                        fill(T("%1$s; the grant %2$s is saved in %3$s: write its bundle with 'kartla bundle %3$s "
                               "--owner OWNER.id --grant %2$s --out BUNDLE.kartla'"),
                             {library_error_text(e), grant_id, record_path}));
  }
}

// How many grants to the agency are still live in the ledger: the grants a revocation ends, so
// the receipt files can be checked before anything changes.
size_t live_grants_of(const kartla::record& record, const std::string& agency_fingerprint) {
  if (!record.has_section(std::string(kLedgerSection))) return 0;
  const auto ledger = parse_result<v1::SharingLedger>(record.section(std::string(kLedgerSection)).view());
  size_t n = 0;
  for (const v1::ShareGrantRecord& g : ledger.grants())
    if (g.agency_fingerprint() == agency_fingerprint && !g.has_revoked_at() && !g.has_expired_at()) ++n;
  return n;
}

// `bundle` and `receipt` write a file for one grant from the record as it is now: REC.kartla
// --owner OWNER.id --grant GRANT_ID --out FILE, with FILE checked before the passphrase is asked for.
struct GrantFile {
  std::string path;  // the record
  std::string grant_id;
  std::string out;
  kartla::record record;
};

GrantFile open_for_grant_file(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  std::string grant_id = args.required("--grant");
  std::string out = args.required("--out");
  args.required("--owner");
  check_new_output(out);
  kartla::record record = std::move(open_record_with_owner(path, args).record);
  return GrantFile{path, std::move(grant_id), std::move(out), std::move(record)};
}

std::string basis_text(const v1::ReceiptDescription& d) {
  const std::string art9 = d.gdpr_art9_basis();
  return gdpr_basis_label(d.gdpr_art6_basis()) +
         (art9.empty() ? std::string() : "; " + fill(T("health data under %s"), {gdpr_basis_label(art9)}));
}

// The statement in plain words, then the details: what the owner signed, for a person to read.
std::string statement(const v1::ReceiptDescription& d, const std::string& owner_card, const std::string& agency_card) {
  const bool ended = d.kind() == "termination";
  const std::string reason = d.end_reason();
  const std::string agency = printable(d.agency_name());
  const std::string what =
      fill(T("(sections %1$s; purpose \"%2$s\")"), {printable(joined(d.sections())), printable(d.purpose())});
  std::string out;
  if (ended) {
    out += std::string(T("Termination receipt: the grant has ended.")) + "\n\n";
    out += fill(T("The participant with fingerprint %1$s ended grant %2$s to %3$s %4$s on %5$s: %6$s. Stop processing "
                  "these sections."),
                {d.owner_fingerprint(), d.grant_id(), agency, what, format_utc(d.ended_at()), reason}) +
           "\n\n";
  } else {
    out += std::string(T("Grant receipt: the grant is in force.")) + "\n\n";
    out += fill(T("The participant with fingerprint %1$s granted %2$s %3$s on %4$s, until %5$s (grant %6$s)."),
                {d.owner_fingerprint(), agency, what, format_utc(d.granted_at()),
                 d.expires_at() == 0 ? std::string(T("revoked")) : format_utc(d.expires_at()), d.grant_id()}) +
           "\n\n";
  }
  std::vector<Row> rows = {{T("grant id:"), d.grant_id()},
                           {T("agency:"), agency + " (" + d.agency_fingerprint() + ")"},
                           {T("sections:"), printable(joined(d.sections()))},
                           {T("purpose:"), printable(d.purpose())},
                           {T("basis:"), basis_text(d)},
                           {T("granted:"), format_utc(d.granted_at())},
                           {T("expires:"), expiry_text(d.expires_at())}};
  if (ended)
    rows.push_back({T("ended:"), format_utc(d.ended_at()) + ", " +
                                     (reason == "expired" ? T("expired (ended at the owner's first save after the expiry)")
                                                          : T("revoked by the participant"))});
  rows.push_back({T("record:"), fill(T("%1$s, version %2$s"), {d.record_id(), std::to_string(d.sequence())})});
  rows.push_back({T("manifest:"), d.manifest_hash()});
  out += aligned(rows, 12, "  ") + "\n";
  out += (owner_card.empty()
              ? std::string(T("Owner NOT checked: compare the fingerprint above with the participant's card (--owner-card)."))
              : fill(T("Owner checked: signed by the participant whose card is %s."), {owner_card})) +
         "\n";
  out += (agency_card.empty() ? std::string(T("Agency not checked (--agency-card)."))
                              : fill(T("Agency checked: the grant was to the agency whose card is %s."), {agency_card})) +
         "\n";
  out += std::string(T("This is the participant's signed statement; it does not show that you received it, or when.")) + "\n";
  return out;
}

std::string read_card(const std::optional<std::string>& path) {
  return path ? std::string(read_kartla_file(*path, FileKind::card, kSmallFileReadLimit).view()) : std::string();
}

}  // namespace

Exit run_share(const Args& args) {
  const std::vector<std::string> sections_given = args.values("--sections");
  if (args.values("--to").size() > 1 || sections_given.size() > 1 ||
      (!sections_given.empty() && sections_given.front().find('=') != std::string::npos))
    return run_case_share(args);
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const SectionChoice choice = parse_sections(args.required("--sections"));
  const std::string purpose = args.required("--purpose");
  int64_t expires_at = 0;
  if (auto text = args.value("--expires")) expires_at = parse_time_arg(*text, "--expires", DateMeaning::through_day);
  const std::string out = args.required("--out");
  args.required("--owner");
  check_new_output(out);
  const std::optional<std::string> receipt = args.value("--receipt");
  if (receipt) {
    if (*receipt == out) usage_error(T("--receipt and --out name the same file"));
    check_new_output(*receipt);
  }
  const AgencyCard card = read_agency_card(args.required("--to"));

  const std::string art9 = args.value("--art9-basis").value_or("");
  const std::string art6 = args.value("--art6-basis").value_or("");

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  const std::vector<std::string> sections = choice.everything ? wildcard_sections(record) : choice.names;
  require_basis_for_health_data(record, sections, art9);
  const std::string grant_id = record.share(card.bytes.view(), sections, purpose, expires_at, 0, art9, art6,
                                              args.flag("--tell-involved"));
  owned.save(path);
  const uint64_t bundle_bytes = export_or_explain(record, grant_id, path, out);
  // Made from the version just saved, which holds the grant (SPEC §7.6).
  const size_t receipt_bytes = receipt ? write_receipt(record, grant_id, *receipt, path) : 0;

  if (args.flag("--json")) {
    ShareSummary summary;
    summary.set_grant_id(grant_id);
    summary.set_agency_name(card.name);
    summary.set_agency_fingerprint(card.fingerprint);
    for (const std::string& name : sections) summary.add_sections(name);
    summary.set_purpose(purpose);
    summary.set_gdpr_art6_basis(art6.empty() ? std::string("6.1.a") : art6);
    if (!art9.empty()) summary.set_gdpr_art9_basis(art9);
    if (expires_at != 0) summary.set_expires_at(format_utc(expires_at));
    summary.set_record(path);
    summary.set_sequence(record.sequence());
    summary.set_bundle(out);
    if (const std::optional<uint64_t> size = file_size(out)) summary.set_bundle_bytes(*size);
    if (receipt) summary.set_receipt(*receipt);
    write_stdout(json_text(summary));
    return Exit::ok;
  }
  std::vector<Row> rows = {
      {T("grant id:"), grant_id},
      {T("sections:"), joined(sections)},
      {T("purpose:"), printable(purpose)},
      {T("expires:"), expiry_text(expires_at)},
      {T("basis:"), "GDPR Art. " + (art6.empty() ? std::string("6.1.a") : art6) + (art9.empty() ? std::string() : ", Art. " + art9)},
      {T("record:"), fill(T("%1$s (sequence %2$s)"), {path, std::to_string(record.sequence())})},
      {T("bundle:"), fill(T("%1$s (%2$s bytes)"), {output_name(out), std::to_string(bundle_bytes)})}};
  if (receipt)
    rows.push_back({T("receipt:"), fill(T("%1$s (%2$s bytes)"), {output_name(*receipt), std::to_string(receipt_bytes)})});
  inform(fill(T("Shared with %1$s (%2$s)"), {printable(card.name), card.fingerprint}) + "\n" + aligned(rows, 11));
  return Exit::ok;
}

Exit run_bundle(const Args& args) {
  const auto [path, grant_id, out, record] = open_for_grant_file(args);
  const uint64_t bundle_bytes =
      write_through_path(out, [&](const std::string& file) { record.export_bundle(grant_id, file); });
  if (args.flag("--json")) {
    BundleSummary summary;
    summary.set_grant_id(grant_id);
    summary.set_record(path);
    summary.set_sequence(record.sequence());
    summary.set_bundle(out);
    if (const std::optional<uint64_t> size = file_size(out)) summary.set_bundle_bytes(*size);
    write_stdout(json_text(summary));
  } else {
    inform(fill(T("Bundle of grant %1$s written to %2$s (%3$s bytes, record sequence %4$s)"),
                      {grant_id, output_name(out), std::to_string(bundle_bytes), std::to_string(record.sequence())}) +
                 "\n");
  }
  return Exit::ok;
}

Exit run_revoke(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  args.required("--owner");
  const AgencyCard card = read_agency_card(args.required("--from"));
  const std::optional<std::string> receipt = args.value("--receipt");
  if (receipt) check_new_output(*receipt);

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  // One receipt per grant that ends: every file is checked before anything changes.
  const std::vector<std::string> receipt_files =
      receipt ? receipt_paths(*receipt, live_grants_of(record, card.fingerprint)) : std::vector<std::string>();
  for (const std::string& file : receipt_files) check_new_output(file);
  const auto summary =
      parse_result<v1::RevocationSummary>(record.revoke(card.bytes.view(), 0, KARTLA_ENCODING_PROTOBUF));
  owned.save(path);
  // Made from the version just saved, the one that no longer holds the grants (SPEC §7.6).
  const std::vector<std::string> ended(summary.grant_ids().begin(), summary.grant_ids().end());
  const std::vector<std::string> written = receipt ? receipt_paths(*receipt, ended.size()) : std::vector<std::string>();
  for (size_t i = 0; i < written.size(); ++i) (void)write_receipt(record, ended[i], written[i], path);

  const std::vector<std::string> rotated(summary.rotated_sections().begin(), summary.rotated_sections().end());
  const uint64_t revoked = summary.revoked_grants();
  const uint64_t reissued = summary.reissued_grants();
  if (args.flag("--json")) {
    RevokeSummary out;
    out.set_agency_name(card.name);
    out.set_agency_fingerprint(card.fingerprint);
    out.set_revoked_grants(revoked);
    for (const std::string& name : rotated) out.add_rotated_sections(name);
    out.set_reissued_grants(reissued);
    out.set_record(path);
    out.set_sequence(record.sequence());
    for (size_t i = 0; i < written.size(); ++i) {
      ReceiptFile* file = out.add_receipts();
      file->set_grant_id(ended[i]);
      file->set_file(written[i]);
    }
    write_stdout(json_text(out));
    return Exit::ok;
  }
  std::vector<Row> rows = {
      {T("revoked grants:"), std::to_string(revoked)},
      {T("new keys for:"), rotated.empty() ? std::string(T("none (no shared section is left)")) : joined(rotated)},
      {T("re-issued grants:"), fill(T("%s (agencies that keep their access hold the new keys; give them a new bundle)"),
                                    {std::to_string(reissued)})},
      {T("record:"), fill(T("%1$s (sequence %2$s)"), {path, std::to_string(record.sequence())})}};
  for (size_t i = 0; i < written.size(); ++i)
    rows.push_back({T("receipt:"), fill(T("%1$s (grant %2$s)"), {written[i], ended[i]})});
  inform(fill(T("Revoked every grant to %1$s (%2$s)"), {printable(card.name), card.fingerprint}) + "\n" +
               aligned(rows, 19) + "\n" +
               fill(T("%s cannot read what is written from now on. What it has already read or copied\n"
                      "cannot be unshared."),
                    {printable(card.name)}) +
               "\n");
  return Exit::ok;
}

Exit run_receipt(const Args& args) {
  const auto [path, grant_id, out, record] = open_for_grant_file(args);
  const kartla::buffer receipt = record.receipt(grant_id);
  write_file_atomically(out, receipt.view(), /*overwrite=*/false, kPrivateFile);
  const auto d =
      parse_result<v1::ReceiptDescription>(kartla::receipt_describe(receipt.view(), {}, {}, KARTLA_ENCODING_PROTOBUF));
  if (args.flag("--json")) {
    ReceiptWritten written;
    written.set_file(out);
    written.set_bytes(receipt.size());
    *written.mutable_receipt() = d;
    write_stdout(json_text(written));
    return Exit::ok;
  }
  const char* written = d.kind() == "termination"
                            ? T("Termination receipt of grant %1$s written to %2$s (%3$s bytes, record sequence %4$s): "
                                "give it to the agency, which reads it with 'kartla receipt show'.")
                            : T("Grant receipt of grant %1$s written to %2$s (%3$s bytes, record sequence %4$s): give "
                                "it to the agency, which reads it with 'kartla receipt show'.");
  inform(fill(written, {grant_id, output_name(out), std::to_string(receipt.size()), std::to_string(record.sequence())}) + "\n");
  return Exit::ok;
}

Exit run_receipt_show(const Args& args) {
  args.expect_positionals({"FILE"});
  const std::string& path = args.positional(0);
  const auto owner_card_path = args.value("--owner-card");
  const auto agency_card_path = args.value("--agency-card");
  const std::string receipt = std::string(read_kartla_file(path, FileKind::receipt, kSmallFileReadLimit).view());
  const std::string owner_card = read_card(owner_card_path);
  const std::string agency_card = read_card(agency_card_path);
  const auto d = parse_result<v1::ReceiptDescription>(
      kartla::receipt_describe(receipt, owner_card, agency_card, KARTLA_ENCODING_PROTOBUF));
  if (args.flag("--json")) {
    write_stdout(json_text(d));
    return Exit::ok;
  }
  write_stdout(statement(d, owner_card_path.value_or(""), agency_card_path.value_or("")));
  return Exit::ok;
}

}  // namespace kartla::cli
