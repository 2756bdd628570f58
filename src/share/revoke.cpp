// SPDX-License-Identifier: Apache-2.0
#include "share/revoke.h"

#include "base/error.h"
#include "format/card_codec.h"
#include "format/fingerprint.h"
#include "share/end_grants.h"
#include "share/ledger.h"

namespace kartla::share {

RevocationResult revoke_agency(model::Record& record, const std::string& agency_card_file, int64_t now) {
  const format::SignedCard card = format::decode_card_file(agency_card_file);
  RevocationResult result;
  result.agency_fingerprint = format::fingerprint(card.card.signing_key, card.card.encryption_key);
  bool held = false;
  const v1::SharingLedger ledger = read_ledger(record);
  for (const auto& e : ledger.grants())
    held = held || (is_active(e) && e.agency_fingerprint() == result.agency_fingerprint);
  // Before anything changes: a revocation that finds nothing leaves the record as it was.
  if (!held) fail(Code::not_found, "nothing is shared with this agency");
  const EndedGrants ended = end_grants(
      record, [&](const v1::ShareGrantRecord& e) { return e.agency_fingerprint() == result.agency_fingerprint; },
      EndReason::revoked, now);
  result.rotated_sections = ended.rotated_sections;
  result.grant_ids = ended.grant_ids;
  result.revoked_grants = ended.grant_ids.size();
  result.reissued_grants = ended.reissued_grants;
  return result;
}

}  // namespace kartla::share
