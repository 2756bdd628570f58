// The owner-only sharing ledger section (docs/MODEL.md "sharing_ledger"): who was given what,
// for which purpose, until when, and when it was revoked; plus a hash-chained event log.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kartla/v1/sharing_ledger.pb.h"
#include "model/record.h"

namespace kartla::share {

// The ledger as stored, or an empty one if the record has none yet.
v1::SharingLedger read_ledger(const model::Record& record);
void write_ledger(model::Record& record, const v1::SharingLedger& ledger);

// Appends an owner event (GRANT, REVOKE), chaining its hash to the previous event's.
void append_owner_event(v1::SharingLedger& ledger, v1::AccessEvent::Action action, const std::string& grant_id,
                        const std::vector<std::string>& sections, int64_t at);

void set_time(google::protobuf::Timestamp* out, int64_t unix_seconds);

}  // namespace kartla::share
