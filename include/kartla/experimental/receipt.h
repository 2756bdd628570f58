/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: receipts of grants and of their end.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_RECEIPT_H
#define KARTLA_EXPERIMENTAL_RECEIPT_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/receipt.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/record.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Receipts (docs/SPEC.md §7.6): the owner's signed statement that a grant was made, or that it
 * ended, when and why, for the agency to verify offline and keep. A termination receipt is the
 * owner's word that the grant has ended and the agency must stop processing those sections. It
 * proves what the owner stated, and when; it does not prove that the agency received it.
 *
 * Thread safety: kartla_record_receipt as every kartla_record call (not at the same time as
 * another call on the same record); kartla_receipt_describe keeps no state and may run on
 * several threads at once.
 */

/* The receipt file of grant `grant_id` (32 hex digits, as kartla_record_share returns it and
 * the sharing ledger lists it), signed by the record's owner: a grant receipt while the grant is
 * live; a termination receipt (when it ended, and whether revoked or expired) once it has ended.
 * It names the saved version it is made from (sequence and manifest hash): make it after
 * kartla_record_save, e.g. after kartla_record_revoke and the save, the version that no longer
 * holds the grant. *out receives the file's bytes. KARTLA_E_INVALID_ARGUMENT if the record was
 * never saved or has unsaved changes; KARTLA_E_NOT_FOUND if the ledger knows no grant with that
 * id; KARTLA_E_EXPIRED if the grant is past its expiry at the record's clock
 * (kartla_record_set_clock) but has not ended yet: it ends at the next save, and its termination
 * receipt can be made then; KARTLA_E_INTEGRITY if the ledger does not describe the record's
 * grants. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_receipt(const kartla_record *record, const char *grant_id,
                                                                 kartla_buffer *out);

/* Verifies a receipt file, then describes it (nothing is described of a receipt that fails):
 * its framing, strict encoding and field rules (KARTLA_E_FORMAT / _LIMIT / _VERSION) and the
 * owner's signature (KARTLA_E_SIGNATURE). owner_card: the card file of the owner the caller
 * expects, or length 0 (not pinned: then compare owner_fingerprint with the person yourself, as
 * any signature only says that *some* owner signed): KARTLA_E_AUTH if another owner signed it.
 * agency_card: the caller's own agency card file, or length 0 (not checked): KARTLA_E_SIGNATURE
 * if the receipt is about a grant to another agency. KARTLA_E_INVALID_ARGUMENT if a card is not
 * an owner's / an agency's; a damaged card fails as kartla_card_fingerprint does.
 * *out receives kartla.v1.ReceiptDescription. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_receipt_describe(const uint8_t *receipt, size_t receipt_len,
                                                                   const uint8_t *owner_card, size_t owner_card_len,
                                                                   const uint8_t *agency_card, size_t agency_card_len,
                                                                   kartla_encoding encoding, kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_RECEIPT_H */
