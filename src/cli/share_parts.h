/* SPDX-License-Identifier: Apache-2.0 */
// What `kartla share` (share.cpp) and its case-conference form (case_share.cpp) have in common:
// the agency cards and section lists named on the command line, checked before any passphrase is
// asked for, and the receipt files they write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kartla/kartla.hpp"
#include "secrets.h"

namespace kartla::cli {

// The owner-only section: the library refuses to share it, and a wildcard never names it.
constexpr std::string_view kLedgerSection = "sharing_ledger";

// An agency's card named on the command line (--to, --from): read and checked (self-signature,
// kind) before any passphrase is asked for, so a wrong file costs nothing.
struct AgencyCard {
  Secret bytes;  // not secret: Secret only because that is what files are read into
  std::string name;
  std::string fingerprint;
};

// A usage Failure if the card is an owner's or a trust root's; the library's error (exit 4) if
// its self-signature fails or it is not a card at all.
AgencyCard read_agency_card(const std::string& path);

struct SectionChoice {
  bool everything = false;  // --sections all (or *)
  std::vector<std::string> names;
};

// "S1,S2" or "all": a usage Failure for an unknown or empty name.
SectionChoice parse_sections(const std::string& text);

// What a wildcard shares: every section present except health data and the ledger (said on
// standard error).
std::vector<std::string> wildcard_sections(const kartla::record& record);

// A usage Failure naming --art9-basis if a named section holds health data and none is given.
void require_basis_for_health_data(const kartla::record& record, const std::vector<std::string>& sections,
                                   const std::string& art9_basis);

// The files for `count` receipts asked for as FILE: FILE, then FILE.2, FILE.3, ...
std::vector<std::string> receipt_paths(const std::string& file, size_t count);

// Writes the receipt of `grant_id` from the saved `record` to `path`; returns its size.
size_t write_receipt(const kartla::record& record, const std::string& grant_id, const std::string& path,
                     const std::string& record_path);

std::string expiry_text(int64_t expires_at);

}  // namespace kartla::cli
