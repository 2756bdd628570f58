// `kartla share`, `kartla bundle` and `kartla revoke`: the owner gives an agency sections of the
// record (a grant, kept in the record and in the sharing ledger, plus a share bundle to hand
// over) and takes the grants back. What was shared cannot be unshared: a revocation protects
// only what is written afterwards.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "agency_card.h"
#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "failure.h"
#include "files.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "cli_output.pb.h"
#include "json_output.h"
#include "kartla/kartla.hpp"
#include "owned_record.h"
#include "receipt_files.h"
#include "results.h"

namespace kartla::cli {
namespace {

// The owner-only section: the library refuses to share it, and a wildcard never names it.
constexpr std::string_view kLedgerSection = "sharing_ledger";

struct SectionChoice {
  bool everything = false;  // --sections all (or *)
  std::vector<std::string> names;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
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
  return format_utc(expires_at) + (day.empty() ? "" : " (valid through " + day + ")");
}

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


}  // namespace

Exit run_share(const Args& args) {
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
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string grant_id = args.required("--grant");
  const std::string out = args.required("--out");
  args.required("--owner");
  check_new_output(out);

  const kartla::record record = std::move(open_record_with_owner(path, args).record);
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

}  // namespace kartla::cli
