/* SPDX-License-Identifier: Apache-2.0 */
// Receipts for both sides (docs/SPEC.md §7.6). The owner makes them from the saved record: the
// grant's entry in the sharing ledger (who, which sections, what for, on which basis, when, and
// how it ended) plus the record's keys and the saved version's sequence and manifest hash. The
// agency verifies one offline and keeps it: a termination receipt is the owner's signed word that
// the grant has ended and processing must stop. It proves what the owner stated, not that the
// agency received it.
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "format/receipt_codec.h"
#include "model/record.h"

namespace kartla::share {

// The receipt file of grant `grant_id_hex` (32 hex digits, as the ledger names it): a grant
// receipt while the grant is live, a termination receipt once it has ended (revoked or expired in
// the ledger). Errors: invalid_argument if the record was never saved or has unsaved changes (a
// receipt names a version the owner signed); not_found if the ledger knows no such grant;
// expired if the grant is live but past its expiry at `now` (it ends, and its termination
// receipt can be made, after the next save); integrity if the ledger does not describe the
// record's grants (SPEC §7.4 step 1).
std::string make_receipt_file(const model::Record& record, const std::string& grant_id_hex, int64_t now);

// SPEC §7.6 "Reading a receipt": the frame, strict parsing, the field rules and the owner's
// signature (format::decode_receipt_file), then the pins. owner_card_file: the owner card the
// reader expects, or empty (not pinned): Error(auth) if the receipt is signed by another owner.
// agency_card_file: the reader's own agency card, or empty (not checked): Error(signature) if the
// receipt names another recipient. Either card: Error(invalid_argument) if it is not of its kind,
// and the errors of a damaged card file (§4.2).
format::SignedReceipt verify_receipt(ByteView receipt_file, ByteView owner_card_file, ByteView agency_card_file);

}  // namespace kartla::share
