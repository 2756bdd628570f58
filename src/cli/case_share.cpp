// SPDX-License-Identifier: Apache-2.0
// `kartla share` with several --to: the case-conference bundle (docs/SPEC.md §7.7). One grant per
// agency, each with its own sections and the meeting's one purpose and expiry, saved in one
// version of the record, and one file that every agency opens with its own identity and reads
// only its own sections from.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "files.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "owner.h"
#include "share_parts.h"

namespace kartla::cli {
namespace {

// The name an agency goes by in --sections NAME=...: its card file's name without directory or
// extension (kommun.card -> kommun), so the command line reads like the meeting's list.
std::string card_stem(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot != 0) name.erase(dot);
  return name;
}

struct Seat {
  std::string card_path;
  std::string stem;
  AgencyCard card;
  SectionChoice choice;
  std::vector<std::string> sections;  // resolved once the record is open
  std::string grant_id;
};

// --sections S1,S2 (the same for every agency) or one --sections NAME=S1,S2 per agency.
void assign_sections(std::vector<Seat>& seats, const std::vector<std::string>& values) {
  if (values.size() == 1 && values.front().find('=') == std::string::npos) {
    const SectionChoice all = parse_sections(values.front());
    for (Seat& seat : seats) seat.choice = all;
    return;
  }
  std::map<std::string, bool> given;
  for (const std::string& value : values) {
    const size_t eq = value.find('=');
    if (eq == std::string::npos)
      usage_error(fill(T("--sections '%s' names no agency: give one --sections NAME=S1,S2 per --to, or a single "
                         "--sections S1,S2 for all"),
                       {value}));
    const std::string stem = value.substr(0, eq);
    const auto seat = std::find_if(seats.begin(), seats.end(), [&](const Seat& s) { return s.stem == stem; });
    if (seat == seats.end())
      usage_error(fill(T("--sections %s=... names no --to card (the name is the card file's name without its "
                         "extension)"),
                       {stem}));
    if (given[stem]) usage_error(fill(T("--sections %s=... is given more than once"), {stem}));
    given[stem] = true;
    seat->choice = parse_sections(value.substr(eq + 1));
  }
  for (const Seat& seat : seats)
    if (!given[seat.stem]) usage_error(fill(T("no --sections %1$s=S1,S2 for --to %2$s"), {seat.stem, seat.card_path}));
}

bool holds_health_data(const kartla::record& record, const std::vector<std::string>& sections) {
  return std::any_of(sections.begin(), sections.end(), [&](const std::string& name) {
    return record.has_section(name) && record.section_is_special(name);
  });
}

}  // namespace

Exit run_case_share(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::vector<std::string> cards = args.values("--to");
  if (cards.size() < 2)
    usage_error(T("--sections NAME=S1,S2 is for a case conference of several agencies (several --to); for one agency "
                  "give --sections S1,S2"));
  std::vector<Seat> seats;
  for (const std::string& card_path : cards) {
    Seat seat;
    seat.card_path = card_path;
    seat.stem = card_stem(card_path);
    for (const Seat& other : seats) {
      if (other.stem == seat.stem)
        usage_error(fill(T("--to %1$s and --to %2$s have the same name '%3$s': rename one card file so --sections "
                           "NAME=... can tell them apart"),
                         {other.card_path, card_path, seat.stem}));
    }
    seat.card = read_agency_card(card_path);
    for (const Seat& other : seats)
      if (other.card.fingerprint == seat.card.fingerprint)
        usage_error(fill(T("--to %1$s and --to %2$s are the same agency"), {other.card_path, card_path}));
    seats.push_back(std::move(seat));
  }
  assign_sections(seats, args.values("--sections"));
  const std::string purpose = args.required("--purpose");
  int64_t expires_at = 0;
  if (auto text = args.value("--expires")) expires_at = parse_time_arg(*text, "--expires", DateMeaning::through_day);
  const std::string out = args.required("--out");
  args.required("--owner");
  check_new_output(out);
  const std::optional<std::string> receipt = args.value("--receipt");
  std::vector<std::string> receipt_files;
  if (receipt) {
    receipt_files = receipt_paths(*receipt, seats.size());
    for (const std::string& file : receipt_files) {
      if (file == out) usage_error(T("--receipt and --out name the same file"));
      check_new_output(file);
    }
  }
  const std::string art9 = args.value("--art9-basis").value_or("");
  const std::string art6 = args.value("--art6-basis").value_or("");

  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::record& record = owned.record;
  bool any_health_data = false;
  for (Seat& seat : seats) {
    seat.sections = seat.choice.everything ? wildcard_sections(record) : seat.choice.names;
    require_basis_for_health_data(record, seat.sections, art9);
    any_health_data = any_health_data || holds_health_data(record, seat.sections);
  }
  if (!art9.empty() && !any_health_data)
    usage_error(T("--art9-basis is for health data, and none of the sections shared holds any"));
  // Every grant is made before the one save: a refusal leaves the record file as it was.
  for (Seat& seat : seats) {
    const std::string basis = holds_health_data(record, seat.sections) ? art9 : std::string();
    seat.grant_id = record.share(seat.card.bytes.view(), seat.sections, purpose, expires_at, 0, basis, art6,
                                 args.flag("--tell-involved"));
  }
  owned.save(path);
  std::vector<std::string> ids;
  for (const Seat& seat : seats) ids.push_back(seat.grant_id);
  uint64_t bundle_bytes = 0;
  try {
    bundle_bytes = write_through_path(out, [&](const std::string& file) { record.export_case_bundle(ids, file); });
  } catch (const kartla::error& e) {
    throw kartla::error(e.status(), fill(T("%1$s; the grants are saved in %2$s: write one agency's bundle with "
                                           "'kartla bundle %2$s --owner OWNER.id --grant GRANT_ID --out BUNDLE.kartla'"),
                                         {library_error_text(e), path}));
  }
  for (size_t i = 0; i < receipt_files.size(); ++i)
    (void)write_receipt(record, seats[i].grant_id, receipt_files[i], path);

  if (args.flag("--json")) {
    CaseShareSummary summary;
    for (size_t i = 0; i < seats.size(); ++i) {
      CaseShareSummary::Agency* a = summary.add_agencies();
      a->set_name(seats[i].stem);
      a->set_grant_id(seats[i].grant_id);
      a->set_agency_name(seats[i].card.name);
      a->set_agency_fingerprint(seats[i].card.fingerprint);
      for (const std::string& name : seats[i].sections) a->add_sections(name);
      if (!receipt_files.empty()) a->set_receipt(receipt_files[i]);
    }
    summary.set_purpose(purpose);
    summary.set_gdpr_art6_basis(art6.empty() ? std::string("6.1.a") : art6);
    if (!art9.empty()) summary.set_gdpr_art9_basis(art9);
    if (expires_at != 0) summary.set_expires_at(format_utc(expires_at));
    summary.set_record(path);
    summary.set_sequence(record.sequence());
    summary.set_bundle(out);
    write_stdout(json_text(summary));
    return Exit::ok;
  }
  const auto agencies = static_cast<uint64_t>(seats.size());
  std::string text = fill(TN("Case-conference bundle for %s agency", "Case-conference bundle for %s agencies", agencies),
                          {std::to_string(agencies)}) +
                     "\n";
  for (size_t i = 0; i < seats.size(); ++i)
    text += "  " + seats[i].stem + ": " + printable(seats[i].card.name) + " (" + seats[i].card.fingerprint + ")\n    " +
            padded(T("grant id:"), 11) + seats[i].grant_id + "\n    " + padded(T("sections:"), 11) +
            joined(seats[i].sections) + "\n" +
            (receipt_files.empty() ? std::string() : "    " + padded(T("receipt:"), 11) + receipt_files[i] + "\n");
  text += padded(T("purpose:"), 11) + printable(purpose) + "\n" + padded(T("expires:"), 11) + expiry_text(expires_at) +
          "\n" + padded(T("record:"), 11) + fill(T("%1$s (sequence %2$s)"), {path, std::to_string(record.sequence())}) +
          "\n" + padded(T("bundle:"), 11) + fill(T("%1$s (%2$s bytes)"), {output_name(out), std::to_string(bundle_bytes)}) + "\n" +
          T("Each agency opens the bundle with its own identity and reads only its own sections.") + "\n";
  inform(text);
  return Exit::ok;
}

}  // namespace kartla::cli
