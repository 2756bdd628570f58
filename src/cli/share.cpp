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
    usage_error(path + " is the card of " + (kind == "owner" ? std::string("an owner") : "a " + kind) +
                ", not of an agency (agency cards are written by 'kartla agency card')");
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
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.push_back(i == 0 ? file : file + "." + std::to_string(i + 1));
  return out;
}

// Writes the receipt of `grant_id` from the saved `record` to `path`; returns its size. After a
// save that succeeded a failure here must not hide what was saved: the error then says how to
// write the receipt again (`kartla receipt`), naming `record_path`.
size_t write_receipt(const kartla::record& record, const std::string& grant_id, const std::string& path,
                     const std::string& record_path) {
  const std::string again = "; the record " + record_path + " is saved: write the receipt with 'kartla receipt " +
                            record_path + " --owner OWNER.id --grant " + grant_id + " --out FILE'";
  try {
    const kartla::buffer receipt = record.receipt(grant_id);
    write_file_atomically(path, receipt.view(), /*overwrite=*/false, kPrivateFile);
    return receipt.size();
  } catch (const kartla::error& e) {
    throw kartla::error(e.status(), std::string(e.what()) + again);
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
    if (name.empty()) usage_error("--sections has an empty name in '" + text + "'");
    if (name == "all" || name == "*") {
      choice.everything = true;
      continue;
    }
    bool found = false;
    for (const std::string& k : known) found = found || k == name;
    if (!found) usage_error("unknown section '" + name + "'; the sections are: " + joined(known));
    if (std::find(choice.names.begin(), choice.names.end(), name) == choice.names.end()) choice.names.push_back(name);
  }
  if (choice.everything && !choice.names.empty())
    usage_error("--sections all cannot be combined with section names");
  return choice;
}

// What a wildcard shares: every section present except those holding health data (GDPR Art. 9:
// work_ability, and notes or documents with an entry flagged as health data), which must be named
// together with an Art. 9(2) basis, and the owner's own ledger. What it leaves out is said.
std::vector<std::string> wildcard_sections(const kartla::record& record) {
  std::vector<std::string> out;
  std::vector<std::string> held_back;
  for (const std::string& name : kartla::section_names()) {
    if (name == kLedgerSection || !record.has_section(name)) continue;
    (record.section_is_special(name) ? held_back : out).push_back(name);
  }
  if (out.empty())
    usage_error("the record holds no section that --sections all shares (health data must be named to be shared)");
  if (!held_back.empty()) {
    const std::string line = "kartla: note: not shared, because it holds health data: " + joined(held_back) +
                             " (name it and give --art9-basis to share it)\n";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }
  return out;
}

// Health data is shared only under a basis the person states (the library refuses it otherwise);
// the CLI says so before the library does, with the flag to use.
void require_basis_for_health_data(const kartla::record& record, const std::vector<std::string>& sections,
                                   const std::string& art9_basis) {
  for (const std::string& name : sections)
    if (art9_basis.empty() && record.has_section(name) && record.section_is_special(name))
      usage_error("section '" + name +
                  "' holds health data (GDPR Art. 9): to share it, give --art9-basis with one of 9.2.a to 9.2.j "
                  "(9.2.a explicit consent, 9.2.b social security and social protection law, 9.2.h assessment "
                  "of working capacity); see 'kartla share --help'");
}

std::optional<uint64_t> file_size(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
}

std::string file_size_text(const std::string& path) {
  const std::optional<uint64_t> size = file_size(path);
  return size ? std::to_string(*size) : std::string("?");
}

std::string expiry_text(int64_t expires_at) {
  if (expires_at == 0) return "never (until revoked)";
  const std::string day = last_valid_day(expires_at);
  // A share given --expires 2027-06-30 reads back as that date, the instant after it.
  return day.empty() ? format_utc(expires_at) : "valid through " + day + " (ends " + format_utc(expires_at) + ")";
}

namespace {

// After the grant is saved the bundle is only a copy of it: a failure to write it must not hide
// that the grant exists, or how to write the bundle again.
void export_or_explain(const kartla::record& record, const std::string& grant_id, const std::string& record_path,
                       const std::string& out) {
  try {
    record.export_bundle(grant_id, out);
  } catch (const kartla::error& e) {
    throw kartla::error(e.status(), std::string(e.what()) + "; the grant " + grant_id + " is saved in " +
                                        record_path + ": write its bundle with 'kartla bundle " + record_path +
                                        " --owner OWNER.id --grant " + grant_id + " --out BUNDLE.kartla'");
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
         (art9.empty() ? std::string() : "; health data under " + gdpr_basis_label(art9));
}

// The statement in plain words, then the details: what the owner signed, for a person to read.
std::string statement(const v1::ReceiptDescription& d, const std::string& owner_card, const std::string& agency_card) {
  const bool ended = d.kind() == "termination";
  const std::string reason = d.end_reason();
  const std::string agency = printable(d.agency_name());
  const std::string what = "(sections " + printable(joined(d.sections())) + "; purpose \"" +
                           printable(d.purpose()) + "\")";
  std::string out;
  if (ended) {
    out += "Termination receipt: the grant has ended.\n\n";
    out += "The participant with fingerprint " + d.owner_fingerprint() + " ended grant " +
           d.grant_id() + " to " + agency + " " + what + " on " + format_utc(d.ended_at()) +
           ": " + reason + ". Stop processing these sections.\n\n";
  } else {
    out += "Grant receipt: the grant is in force.\n\n";
    out += "The participant with fingerprint " + d.owner_fingerprint() + " granted " + agency + " " +
           what + " on " + format_utc(d.granted_at()) + ", until " +
           (d.expires_at() == 0 ? std::string("revoked") : format_utc(d.expires_at())) +
           " (grant " + d.grant_id() + ").\n\n";
  }
  out += "  grant id:   " + d.grant_id() + "\n";
  out += "  agency:     " + agency + " (" + d.agency_fingerprint() + ")\n";
  out += "  sections:   " + printable(joined(d.sections())) + "\n";
  out += "  purpose:    " + printable(d.purpose()) + "\n";
  out += "  basis:      " + basis_text(d) + "\n";
  out += "  granted:    " + format_utc(d.granted_at()) + "\n";
  out += "  expires:    " + expiry_text(d.expires_at()) + "\n";
  if (ended)
    out += "  ended:      " + format_utc(d.ended_at()) +
           (reason == "expired" ? ", expired (ended at the owner's first save after the expiry)"
                                : ", revoked by the participant") +
           "\n";
  out += "  record:     " + d.record_id() + ", version " +
         std::to_string(d.sequence()) + "\n";
  out += "  manifest:   " + d.manifest_hash() + "\n\n";
  out += owner_card.empty()
             ? "Owner NOT checked: compare the fingerprint above with the participant's card (--owner-card).\n"
             : "Owner checked: signed by the participant whose card is " + owner_card + ".\n";
  out += agency_card.empty() ? "Agency not checked (--agency-card).\n"
                             : "Agency checked: the grant was to the agency whose card is " + agency_card + ".\n";
  out += "This is the participant's signed statement; it does not show that you received it, or when.\n";
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
    if (*receipt == out) usage_error("--receipt and --out name the same file");
    check_new_output(*receipt);
  }
  const AgencyCard card = read_agency_card(args.required("--to"));

  const std::string art9 = args.value("--art9-basis").value_or("");
  const std::string art6 = args.value("--art6-basis").value_or("");

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  const std::vector<std::string> sections = choice.everything ? wildcard_sections(record) : choice.names;
  require_basis_for_health_data(record, sections, art9);
  const std::string grant_id = record.share(card.bytes.view(), sections, purpose, expires_at, 0, art9, art6);
  owned.save(path);
  export_or_explain(record, grant_id, path, out);
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
  write_stdout("Shared with " + printable(card.name) + " (" + card.fingerprint + ")\n" +
               "grant id:  " + grant_id + "\n" +
               "sections:  " + joined(sections) + "\n" +
               "purpose:   " + printable(purpose) + "\n" +
               "expires:   " + expiry_text(expires_at) + "\n" +
               "basis:     GDPR Art. " + (art6.empty() ? std::string("6.1.a") : art6) +
               (art9.empty() ? std::string() : ", Art. " + art9) + "\n" +
               "record:    " + path + " (sequence " + std::to_string(record.sequence()) + ")\n" +
               "bundle:    " + out + " (" + file_size_text(out) + " bytes)\n" +
               (receipt ? "receipt:   " + *receipt + " (" + std::to_string(receipt_bytes) + " bytes)\n" : std::string()));
  return Exit::ok;
}

Exit run_bundle(const Args& args) {
  const auto [path, grant_id, out, record] = open_for_grant_file(args);
  record.export_bundle(grant_id, out);
  if (args.flag("--json")) {
    BundleSummary summary;
    summary.set_grant_id(grant_id);
    summary.set_record(path);
    summary.set_sequence(record.sequence());
    summary.set_bundle(out);
    if (const std::optional<uint64_t> size = file_size(out)) summary.set_bundle_bytes(*size);
    write_stdout(json_text(summary));
  } else {
    write_stdout("Bundle of grant " + grant_id + " written to " + out + " (" + file_size_text(out) +
                 " bytes, record sequence " + std::to_string(record.sequence()) + ")\n");
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
  std::string receipts_text;
  for (size_t i = 0; i < written.size(); ++i)
    receipts_text += "receipt:           " + written[i] + " (grant " + ended[i] + ")\n";
  write_stdout("Revoked every grant to " + printable(card.name) + " (" + card.fingerprint + ")\n" +
               "revoked grants:    " + std::to_string(revoked) + "\n" +
               "new keys for:      " + (rotated.empty() ? std::string("none (no shared section is left)") : joined(rotated)) +
               "\n" + "re-issued grants:  " + std::to_string(reissued) +
               " (agencies that keep their access hold the new keys; give them a new bundle)\n" +
               "record:            " + path + " (sequence " + std::to_string(record.sequence()) + ")\n" +
               receipts_text + "\n" +
               printable(card.name) + " cannot read what is written from now on. What it has already read or copied\n" +
               "cannot be unshared.\n");
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
  const std::string kind = d.kind() == "termination" ? "Termination receipt" : "Grant receipt";
  write_stdout(kind + " of grant " + grant_id + " written to " + out + " (" + std::to_string(receipt.size()) +
               " bytes, record sequence " + std::to_string(record.sequence()) +
               "): give it to the agency, which reads it with 'kartla receipt show'.\n");
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
