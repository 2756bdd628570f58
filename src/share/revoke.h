// Revoking an agency (docs/SPEC.md §7.4). Every section the agency could read moves to a new key
// generation (fresh key, re-encrypted); every other agency's grant that covers one of those
// sections is re-issued under the new keys; the agency's grants leave the record; the ledger
// records the time. What the agency already read or copied cannot be taken back: revocation
// protects only what is written afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/record.h"

namespace kartla::share {

struct RevocationResult {
  std::string agency_fingerprint;
  std::vector<std::string> rotated_sections;
  size_t revoked_grants = 0;
  size_t reissued_grants = 0;
};

// Not saved: call Record::save. Error(not_found) if nothing is shared with this agency.
RevocationResult revoke_agency(model::Record& record, const std::string& agency_card_file, int64_t now);

}  // namespace kartla::share
