/* SPDX-License-Identifier: Apache-2.0 */
// Ending grants, by revocation or at expiry (docs/SPEC.md §7.4). Both end the same way, so that
// an expired grant is as dead as a revoked one: every section the ended grants still cover moves
// to a new key generation; every other live grant that covers one of those sections is re-issued
// under the new keys; the ended grants leave the record; the ledger records when and why. What
// an agency already read or copied cannot be taken back: this protects what is written later.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kartla/v1/sharing_ledger.pb.h"
#include "model/record.h"

namespace kartla::share {

struct EndedGrants {
  std::vector<std::string> grant_ids;         // hex, in ledger order
  std::vector<std::string> rotated_sections;  // names
  size_t reissued_grants = 0;
};

enum class EndReason { revoked, expired };

// Ends every active ledger grant `which` selects, at `now`. Grants past their expiry at `now`
// are ended (as expired) in the same step and are never re-issued. Not saved: call
// Record::save. Error(integrity) if the ledger and the record's grants disagree (nothing
// changed); a failure after the first change marks the record unsafe to save.
EndedGrants end_grants(model::Record& record, const std::function<bool(const v1::ShareGrantRecord&)>& which,
                       EndReason reason, int64_t now);

// Ends every grant whose expiry is at or before `now` (Record::save's caller runs this first, so
// the first save after an expiry rotates the keys). Returns what it ended; nothing if none.
EndedGrants expire_grants(model::Record& record, int64_t now);

}  // namespace kartla::share
