#include "trust_files.h"

#include <algorithm>
#include <cstdint>

#include "date_arg.h"
#include "failure.h"
#include "display_text.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "state_folder.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

std::string number_text(const JsonObject& o, const std::string& name) {
  return std::to_string(static_cast<int64_t>(number_field(o, name)));
}

std::string until_text(const JsonObject& o) {
  const auto until = static_cast<int64_t>(number_field(o, "valid_until"));
  return until == 0 ? std::string("the list's expiry") : format_utc(until);
}

// "Name (org NNNNNN-NNNN, role R)" for an issuer or listed agency.
std::string who(const JsonObject& o, const std::string& role) {
  std::string text = printable(text_field(o, "name"));
  std::string detail;
  if (!text_field(o, "organisation_number").empty()) detail = "org " + printable(text_field(o, "organisation_number"));
  if (!role.empty()) detail += (detail.empty() ? "" : ", ") + std::string("role ") + printable(role);
  return detail.empty() ? text : text + " (" + detail + ")";
}

std::string attestation_line(const JsonObject& report) {
  const std::string verdict = text_field(report, "verdict");
  const JsonObject* issuer = object_field(report, "issuer");
  const JsonObject* listed = object_field(report, "listed");
  const JsonObject* claim = object_field(report, "claim");
  std::string line = "      " + verdict;
  if (listed != nullptr) {
    line += " by " + who(*listed, text_field(*listed, "role"));
  } else if (issuer != nullptr) {
    line += " by " + who(*issuer, "");
  }
  if (claim != nullptr && !text_field(*claim, "kind").empty()) line += ", claim " + printable(text_field(*claim, "kind"));
  if (verdict != "trusted") line += ": " + printable(text_field(report, "message"));
  return line + "\n";
}

}  // namespace

TrustListInput read_trust_list(const Args& args, const std::string& path) {
  TrustListInput out;
  out.bytes = std::string(read_input(path, kTrustListReadLimit).view());
  std::string root;
  if (const auto root_path = args.value("--trust-root")) root = std::string(read_input(*root_path, kSmallFileReadLimit).view());
  uint64_t last_seen = 0;
  if (const auto n = args.value("--last-seen-trust")) last_seen = parse_unsigned(*n, "--last-seen-trust", UINT64_MAX);
  // The newest list of this root that this computer has verified counts as seen too, so an older
  // list put in its place is refused without anyone carrying a number (docs/SPEC.md §13.3).
  const JsonObject described = parse_json_object(kartla::trust_list_verify(out.bytes, root, 0));
  const JsonObject* signer = object_field(described, "root");
  const std::string fingerprint = signer != nullptr ? text_field(*signer, "fingerprint") : std::string();
  if (!fingerprint.empty()) last_seen = std::max(last_seen, remembered_trust_sequence(fingerprint));
  out.json = kartla::trust_list_verify(out.bytes, root, last_seen);
  if (!fingerprint.empty())
    remember_trust_sequence(fingerprint, static_cast<uint64_t>(number_field(described, "sequence")));
  return out;
}

std::optional<TrustListInput> trust_list_option(const Args& args) {
  const auto path = args.value("--trust");
  if (!path) {
    if (args.value("--trust-root") || args.value("--last-seen-trust"))
      usage_error("--trust-root and --last-seen-trust need --trust TRUST.list");
    return std::nullopt;
  }
  return read_trust_list(args, *path);
}

std::string trust_list_report(const JsonObject& list) {
  const JsonObject* root = object_field(list, "root");
  std::string text = "Trust list " + number_text(list, "sequence") + " signed by " +
                     (root ? printable(text_field(*root, "name")) : std::string("?")) + " (" +
                     (root ? text_field(*root, "fingerprint") : std::string()) + ")\n";
  text += "  issued " + format_utc(static_cast<int64_t>(number_field(list, "issued_at"))) + ", expires " +
          format_utc(static_cast<int64_t>(number_field(list, "expires_at"))) + "\n";
  const auto agencies = object_list_field(list, "agencies");
  text += "  " + std::to_string(agencies.size()) + " agencies vouched for\n";
  for (const JsonObject* a : agencies) {
    text += "    " + who(*a, text_field(*a, "role")) + ", " +
            format_utc(static_cast<int64_t>(number_field(*a, "valid_from"))) + " to " + until_text(*a) + "\n" +
            "      fingerprint " + text_field(*a, "fingerprint") + "\n";
  }
  return text;
}

std::string provenance_report(const JsonObject& provenance) {
  std::string text = "Section " + text_field(provenance, "section") + ": ";
  const JsonObject* trust = object_field(provenance, "trust_list");
  text += trust ? "trust list " + number_text(*trust, "sequence") + " by " + printable(text_field(*trust, "root")) + "\n"
                : std::string("no trust list (no issuer is trusted)\n");
  const auto entries = object_list_field(provenance, "entries");
  if (entries.empty()) text += "  (no entries)\n";
  for (const JsonObject* e : entries) {
    text += "  " + printable(text_field(*e, "entry_id")) + ": " + text_field(*e, "provenance") + "\n";
    for (const JsonObject* report : object_list_field(*e, "attestations")) text += attestation_line(*report);
  }
  const auto unmatched = object_list_field(provenance, "unmatched");
  if (!unmatched.empty()) {
    text += "  attestations naming no entry here: " + std::to_string(unmatched.size()) + "\n";
    for (const JsonObject* report : unmatched) text += attestation_line(*report);
  }
  return text;
}

}  // namespace kartla::cli
