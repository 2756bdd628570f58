/* SPDX-License-Identifier: Apache-2.0 */
// The owner-only sharing ledger section (docs/MODEL.md "sharing_ledger"): who was given what,
// for which purpose, until when, and when it ended; plus a hash-chained event log. Only this
// layer writes it (share, revoke, expiry): Record refuses it from any other writer, so nobody can
// erase the list of who holds keys, or invent one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kartla/v1/sharing_ledger.pb.h"
#include "model/record.h"

namespace kartla::share {

// The ledger as stored, or an empty one if the record has none yet.
v1::SharingLedger read_ledger(const model::Record& record);
// Validates it with the same rules as any section write (Error(schema) naming the rule), then
// stores it.
void write_ledger(model::Record& record, const v1::SharingLedger& ledger);

// Appends an owner event (GRANT, REVOKE, EXPIRE), chaining its hash to the previous event's.
void append_owner_event(v1::SharingLedger& ledger, v1::AccessEvent::Action action, const std::string& grant_id,
                        const std::vector<std::string>& sections, int64_t at);

void set_time(google::protobuf::Timestamp* out, int64_t unix_seconds);

// The time to record for something happening at `now`: never before the ledger's last event. A
// clock that ran ahead once (or a test clock) must not make every later share or revocation
// break the ledger's time order and be refused; its events carry the later time instead.
int64_t ledger_time(const v1::SharingLedger& ledger, int64_t now);

// Not revoked and not ended at expiry (it may still be past its expiry until the next save).
bool is_active(const v1::ShareGrantRecord& entry);

// The sections the grant still covers: those the record holds at the generation the grant
// carries. A section rotated, or removed and written again, has another key: the grant no longer
// opens it and it is never exported or re-issued for it (SPEC §7.4).
std::vector<uint32_t> covered_sections(const model::Record& record, const v1::ShareGrantRecord& entry);

// Error(integrity) unless every grant the record holds is the grant of exactly one active ledger
// entry and every active entry's grant is in the record. Sharing decisions are made from the
// ledger, so a ledger that does not describe the record's grants must stop them, not guide them.
void check_ledger_matches_grants(const model::Record& record, const v1::SharingLedger& ledger);

}  // namespace kartla::share
