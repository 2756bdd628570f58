// SPDX-License-Identifier: Apache-2.0
// `kartla attest show FILE`, and `kartla verify` of a file that is not a record: inspect a signed
// object before anyone relies on it. An attestation says who signed it (name, organisation, role
// and fingerprint from the issuer's own card, whose signature is checked), whose record, section
// and entry it is about, what it claims, whether it is current, and, with --trust, whether the
// issuer is vouched for by a root (warned about unless pinned with --trust-root). Whether it holds
// for the entry cannot be seen without the entry: `record attach` and `record provenance` check
// that. A trust list is shown as `trust show` shows it; a contribution is sealed to its recipient,
// so only `inbox` with the recipient's key can open it.
#include <optional>
#include <string>

#include "args.h"
#include "commands.h"
#include "file_kinds.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "messages.h"
#include "output.h"

namespace kartla::cli {
namespace {

constexpr size_t kAttestationReadLimit = 1u << 20;

std::string issuer_text(const v1::Party& issuer) {
  std::string text = printable(issuer.name());
  if (!issuer.organisation_number().empty()) text += ", " + fill(T("org %s"), {printable(issuer.organisation_number())});
  if (!issuer.role().empty()) text += ", " + fill(T("role %s"), {printable(issuer.role())});
  return text;
}

std::string row(const char* label, const std::string& value) { return "  " + padded(label, 22) + value + "\n"; }

std::string attestation_text(const std::string& path, const v1::AttestationDescription& d, bool trust_given,
                             bool root_pinned) {
  const v1::AttestationReport& r = d.report();
  std::string text;
  if (!r.has_issuer()) {
    // Nothing in it can be believed: say only why.
    return fill(T("%1$s: not a valid attestation: %2$s"), {path, printable(r.message())}) + "\n";
  }
  text += fill(T("Attestation signed by %s"), {issuer_text(r.issuer())}) + "\n";
  text += row(T("issuer fingerprint:"), r.issuer().fingerprint());
  text += row(T("signature:"), T("valid (the issuer's card and signature check out)"));
  text += row(T("about:"), fill(T("entry %1$s of section %2$s"), {printable(r.entry_id()), d.section()}));
  text += row(T("record:"), d.record_id());
  text += row(T("owner fingerprint:"), d.owner_fingerprint());
  text += row(T("claim:"), claim_text(r.claim()));
  text += row(T("issued:"), format_utc(r.issued_at()));
  text += row(T("expires:"), r.expires_at() == 0 ? std::string(T("never")) : format_utc(r.expires_at()));
  std::string verdict;
  if (r.verdict() == "invalid") {
    verdict = fill(T("not valid: %s"), {printable(r.message())});
  } else if (!trust_given) {
    verdict = T("not judged: no trust list given (--trust)");
  } else if (r.verdict() == "trusted") {
    verdict = fill(T("trusted: the trust list vouches for the issuer as %s"), {printable(r.listed().role())});
    if (!root_pinned) verdict += " " + std::string(T("(by an unpinned root: see the warning above)"));
  } else {
    verdict = fill(T("not trusted: %s"), {printable(r.message())});
  }
  text += row(T("verdict:"), verdict);
  text += std::string(T("Whether it holds for the entry (the same person, record and unchanged content) is "
                        "checked when the owner attaches it or a reader asks for provenance.")) +
          "\n";
  return text;
}

Exit show_attestation(const Args& args, const std::string& path) {
  const Secret file = read_kartla_file(path, FileKind::attestation, kAttestationReadLimit);
  const std::optional<TrustListInput> trust = trust_list_option(args);
  const kartla::attestation_check check = kartla::attestation_describe(
      file.view(), trust ? std::string_view(trust->bytes) : std::string_view(), 0, KARTLA_ENCODING_PROTOBUF);
  const auto described = parse_result<v1::AttestationDescription>(check.report.view());
  if (args.flag("--json")) {
    write_stdout(json_text(described));
  } else {
    std::string text;
    if (trust && !trust->root_pinned) text += trust_list_report(trust->list, false);
    text += attestation_text(path == "-" ? T("standard input") : path, described, trust.has_value(),
                             trust && trust->root_pinned);
    write_stdout(text);
  }
  // An attestation that does not hold is reported in full, then fails with its class (exit 4 for
  // a bad signature, 3 expired, 2 a claim breaking a rule), so a script cannot mistake it for one
  // that holds.
  if (check.status != KARTLA_OK) throw kartla::error(check.status, check.message);
  return Exit::ok;
}

}  // namespace

Exit run_attest_show(const Args& args) {
  args.expect_positionals({"FILE"});
  return show_attestation(args, args.positional(0));
}

bool verify_signed_object(const Args& args, const std::string& path) {
  const std::optional<FileKind> kind = kind_of_file(path);
  if (!kind || *kind == FileKind::record) return false;
  switch (*kind) {
    case FileKind::attestation:
      show_attestation(args, path);
      return true;
    case FileKind::trust_list: {
      const TrustListInput list = read_trust_list(args, path);
      write_stdout(args.flag("--json") ? json_text(list.list) : trust_list_report(list.list, list.root_pinned));
      return true;
    }
    case FileKind::contribution:
      usage_error(fill(T("%s is a contribution, sealed to the person it is for: only they can open and check it, "
                         "with 'kartla inbox FILE --owner OWNER.id'"),
                       {path}));
    default:
      usage_error(fill(T("%1$s is %2$s; kartla verify checks records, share bundles, attestations and trust lists"),
                       {path, kind_name(*kind)}));
  }
}

}  // namespace kartla::cli
