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

std::string until_text(const v1::ListedAgency& a) {
  return a.valid_until() == 0 ? std::string("the list's expiry") : format_utc(a.valid_until());
}

// "Name (org NNNNNN-NNNN, role R)" for an issuer or listed agency.
std::string who(const std::string& name, const std::string& organisation_number, const std::string& role) {
  std::string text = printable(name);
  std::string detail;
  if (!organisation_number.empty()) detail = "org " + printable(organisation_number);
  if (!role.empty()) detail += (detail.empty() ? "" : ", ") + std::string("role ") + printable(role);
  return detail.empty() ? text : text + " (" + detail + ")";
}

std::string attestation_line(const v1::AttestationReport& report) {
  const std::string& verdict = report.verdict();
  std::string line = "      " + verdict;
  // The role shown is the one the trust list vouches for, never the card's own claim.
  if (report.has_listed()) {
    line += " by " + who(report.listed().name(), report.listed().organisation_number(), report.listed().role());
  } else if (report.has_issuer()) {
    line += " by " + who(report.issuer().name(), report.issuer().organisation_number(), "");
  }
  if (report.has_claim() && report.claim().kind() != v1::AttestationClaim::KIND_UNSPECIFIED)
    line += ", claim " + printable(v1::AttestationClaim::Kind_Name(report.claim().kind()));
  if (verdict != "trusted") line += ": " + printable(report.message());
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
  const auto described = parse_result<v1::TrustListDescription>(
      kartla::trust_list_verify(out.bytes, root, 0, 0, KARTLA_ENCODING_PROTOBUF));
  const std::string& fingerprint = described.root().fingerprint();
  if (!fingerprint.empty()) last_seen = std::max(last_seen, remembered_trust_sequence(fingerprint));
  out.list = parse_result<v1::TrustListDescription>(
      kartla::trust_list_verify(out.bytes, root, last_seen, 0, KARTLA_ENCODING_PROTOBUF));
  if (!fingerprint.empty()) remember_trust_sequence(fingerprint, described.sequence());
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

std::string trust_list_report(const v1::TrustListDescription& list) {
  std::string text = "Trust list " + std::to_string(list.sequence()) + " signed by " + printable(list.root().name()) +
                     " (" + list.root().fingerprint() + ")\n";
  text += "  issued " + format_utc(list.issued_at()) + ", expires " + format_utc(list.expires_at()) + "\n";
  text += "  " + std::to_string(list.agencies_size()) + " agencies vouched for\n";
  for (const v1::ListedAgency& a : list.agencies()) {
    text += "    " + who(a.name(), a.organisation_number(), a.role()) + ", " + format_utc(a.valid_from()) + " to " +
            until_text(a) + "\n" + "      fingerprint " + a.fingerprint() + "\n";
  }
  return text;
}

std::string provenance_report(const v1::ProvenanceReport& provenance) {
  std::string text = "Section " + provenance.section() + ": ";
  text += provenance.has_trust_list() ? "trust list " + std::to_string(provenance.trust_list().sequence()) + " by " +
                                            printable(provenance.trust_list().root()) + "\n"
                                      : std::string("no trust list (no issuer is trusted)\n");
  if (provenance.entries_size() == 0) text += "  (no entries)\n";
  for (const v1::EntryProvenance& e : provenance.entries()) {
    text += "  " + printable(e.entry_id()) + ": " + e.provenance() + "\n";
    for (const v1::AttestationReport& report : e.attestations()) text += attestation_line(report);
  }
  if (provenance.unmatched_size() != 0) {
    text += "  attestations naming no entry here: " + std::to_string(provenance.unmatched_size()) + "\n";
    for (const v1::AttestationReport& report : provenance.unmatched()) text += attestation_line(report);
  }
  return text;
}

}  // namespace kartla::cli
