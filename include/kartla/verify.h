/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: verification of a record or bundle by anyone, without keys.
 *
 * STABLE TIER (docs/API-STABILITY.md). Part of kartla/kartla.h; compiles on its own. The house
 * rules every function follows are in kartla/common.h.
 */
#ifndef KARTLA_VERIFY_H
#define KARTLA_VERIFY_H

#include "kartla/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Verification, by anyone holding a record or bundle and no key: the owner's signature over the
 * exact manifest bytes, every entry and grant covered by it, and the hash of every section body
 * present.
 *
 * Thread safety: a kartla_verification is immutable and may be shared between threads.
 */
typedef struct kartla_verification kartla_verification;

KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_open_file(const char *path, kartla_verification **out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_open(const uint8_t *bytes, size_t len, kartla_verification **out);

KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_sequence(const kartla_verification *v, uint64_t *out);
/* Text: the record id (32 hex digits), the owner's fingerprint, and the previous manifest's
 * hash (64 hex digits; empty text for the first version). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_record_id(const kartla_verification *v,
                                                                         kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_owner_fingerprint(const kartla_verification *v,
                                                                                 kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_previous_hash(const kartla_verification *v,
                                                                             kartla_buffer *out);
/* The whole report (docs/SPEC.md §8): *out receives kartla.v1.VerificationReport. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_report(const kartla_verification *v,
                                                                      kartla_encoding encoding, kartla_buffer *out);
/* KARTLA_OK if the verified copy's sequence is at least last_seen, else KARTLA_E_ROLLBACK
 * (an older copy than one already seen: authentic, but not the latest). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_check_last_seen(const kartla_verification *v,
                                                                               uint64_t last_seen);
KARTLA_API void kartla_verification_free(kartla_verification *v);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_VERIFY_H */
