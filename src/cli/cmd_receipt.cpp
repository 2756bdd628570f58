// `kartla receipt` (the owner writes the receipt of a grant, e.g. of one that expired) and
// `kartla receipt show` (the agency verifies one and reads it): the owner's signed statement that a
// grant was made, or that it ended, when and why (docs/SPEC.md §7.6). For the agency a termination
// receipt is the proof, kept offline, that it must stop processing those sections.
#include <string>
#include <vector>

#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "failure.h"
#include "files.h"
#include "cli_output.pb.h"
#include "json_output.h"
#include "kartla/kartla.hpp"
#include "owned_record.h"
#include "receipt_files.h"
#include "results.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

std::string joined(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + printable(item);
  return out;
}

std::string expiry_text(int64_t expires_at) {
  if (expires_at == 0) return "never (until revoked)";
  const std::string day = last_valid_day(expires_at);
  return format_utc(expires_at) + (day.empty() ? "" : " (valid through " + day + ")");
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
  const std::string what = "(sections " + joined(d.sections()) + "; purpose \"" +
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
  out += "  sections:   " + joined(d.sections()) + "\n";
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
  return path ? std::string(read_input(*path, kSmallFileReadLimit).view()) : std::string();
}

}  // namespace

Exit run_receipt(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string grant_id = args.required("--grant");
  const std::string out = args.required("--out");
  args.required("--owner");
  check_new_output(out);

  const kartla::record record = std::move(open_record_with_owner(path, args).record);
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
  const std::string receipt = std::string(read_input(path, kSmallFileReadLimit).view());
  const std::string owner_card = read_card(owner_card_path);
  const std::string agency_card = read_card(agency_card_path);
  const auto d = parse_result<v1::ReceiptDescription>(
      kartla::receipt_describe(receipt, owner_card, agency_card, KARTLA_ENCODING_PROTOBUF));
  if (args.flag("--json")) {
    write_stdout(result_json(d));
    return Exit::ok;
  }
  write_stdout(statement(d, owner_card_path.value_or(""), agency_card_path.value_or("")));
  return Exit::ok;
}

}  // namespace kartla::cli
