// Trust lists and provenance on the command line: reading a trust list given with --trust (checked
// with --trust-root and --last-seen-trust) and the human-readable reports of a list and of a
// section's provenance, shared by `trust`, `record provenance`, `attest` and `inbox`.
#pragma once

#include <optional>
#include <string>

#include "args.h"
#include "results.h"

namespace kartla::cli {

inline constexpr size_t kTrustListReadLimit = 2u << 20;

struct TrustListInput {
  std::string bytes;  // the file (public data)
  v1::TrustListDescription list;  // kartla_trust_list_verify's description
};

// Reads and verifies the trust list at `path` now, against --trust-root ROOT.card (if given) and
// --last-seen-trust N (if given). The library's errors carry their exit codes (4 bad signature or
// another root, 7 older than N, 3 expired).
TrustListInput read_trust_list(const Args& args, const std::string& path);
// The same for the --trust option, if given.
std::optional<TrustListInput> trust_list_option(const Args& args);

// "Trust list 3 by ROOT (fingerprint), expires ...; N agencies: ..." for people.
std::string trust_list_report(const v1::TrustListDescription& list);
// One line per entry: its id and provenance, with the issuer's name, role and organisation number
// (or why an attestation does not hold), from kartla_record_provenance's report.
std::string provenance_report(const v1::ProvenanceReport& provenance);

}  // namespace kartla::cli
