/* SPDX-License-Identifier: Apache-2.0 */
// Revoking an agency (docs/SPEC.md §7.4): every grant it holds ends, by share/end_grants.h.
// What the agency already read or copied cannot be taken back: revocation protects only what is
// written afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/record.h"

namespace kartla::share {

struct RevocationResult {
  std::string agency_fingerprint;
  std::vector<std::string> grant_ids;  // hex, in ledger order: the grants that ended (receipts name them)
  std::vector<std::string> rotated_sections;
  size_t revoked_grants = 0;
  size_t reissued_grants = 0;
};

// Not saved: call Record::save. Error(not_found) if nothing is shared with this agency.
RevocationResult revoke_agency(model::Record& record, const std::string& agency_card_file, int64_t now);

}  // namespace kartla::share
