/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: coordination between agencies: the case-conference bundle.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_COORDINATION_H
#define KARTLA_EXPERIMENTAL_COORDINATION_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/coordination.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/record.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Case-conference bundles (docs/SPEC.md §7.7): one file for the agencies that meet about the
 * person (the municipality, the Public Employment Service, the Social Insurance Agency...). The
 * owner first grants each agency its own sections with kartla_record_share (one grant, and one
 * sharing-ledger entry, per agency, all with the same purpose and expiry) and saves; this writes
 * the one file they all receive. Each agency opens it with kartla_share_open as any bundle and
 * reads only the sections of its own grant: it holds no key to the others' ciphertexts. It does
 * see how many grants and present sections the file holds, and their padded sizes.
 *
 * Thread safety: as every kartla_record call (not at the same time as another call on the same
 * record).
 */

/* Writes, atomically, the bundle of the grants `grant_ids` (grant_count ids of 32 hex digits, as
 * kartla_record_share returns them): the signed manifest, the ciphertexts of every section one of
 * the grants still covers (each once) and those grants only. The record must be saved.
 * KARTLA_E_INVALID_ARGUMENT for no grant or more than 16, an id named twice, two grants to one
 * agency, or grants that differ in purpose or expiry; KARTLA_E_NOT_FOUND for an id the ledger does
 * not know or a revoked grant; KARTLA_E_EXPIRED for a grant past its expiry at the record's
 * clock: an ended grant is never exported. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_export_case_bundle(const kartla_record *record,
                                                                            const char *const *grant_ids,
                                                                            size_t grant_count,
                                                                            const char *out_path);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_COORDINATION_H */
