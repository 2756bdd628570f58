/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: trust roots and trust lists.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_TRUST_H
#define KARTLA_EXPERIMENTAL_TRUST_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/trust.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/identity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Trust lists (docs/SPEC.md §13.3): a trust root's signed list of agency cards, each with the role
 * the root vouches for and a validity period, under a sequence number and an expiry.
 *
 * Thread safety: a kartla_trust_draft must not be used by two threads at once; the other
 * functions keep no state and may run on several threads at once.
 */

/* As kartla_identity_new, for a trust root (the identity that signs trust lists). `name` is
 * required (at most 256 bytes), e.g. "Kartla trust root, Region Skåne". */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_new_trust_root(const char *name,
                                                                 const kartla_identity_options *options,
                                                                 const uint8_t *passphrase, size_t passphrase_len,
                                                                 kartla_identity **out, kartla_buffer *recovery_code);

/* What a trust root is about to sign. The caller owns it and frees it with
 * kartla_trust_draft_free. */
typedef struct kartla_trust_draft kartla_trust_draft;

/* An empty draft with this sequence number (>= 1; one more than the previous list's). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_draft_new(uint64_t sequence, kartla_trust_draft **out);
/* The next version of an existing trust-list file: its agencies, sequence + 1. The file's
 * signature is checked (KARTLA_E_SIGNATURE); its expiry is not (renewing an expired list is the
 * point). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_draft_next(const uint8_t *trust_list, size_t trust_list_len,
                                                                   kartla_trust_draft **out);
/* Adds an agency card file with the role the root vouches for (one of kartla_agency_role_name())
 * and its validity period in Unix seconds (valid_until 0: until the list expires).
 * KARTLA_E_INVALID_ARGUMENT for a card that is not an agency's, an unknown role, an agency already
 * on the draft or an empty period; KARTLA_E_SIGNATURE / KARTLA_E_FORMAT for a damaged card. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_draft_add(kartla_trust_draft *draft, const uint8_t *card,
                                                                  size_t card_len, const char *role,
                                                                  int64_t valid_from, int64_t valid_until);
/* Removes the agency with this card's keys; *removed = 1 if it was on the draft, else 0. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_draft_remove(kartla_trust_draft *draft, const uint8_t *card,
                                                                     size_t card_len, int *removed);
/* The draft's sequence number. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_draft_sequence(const kartla_trust_draft *draft,
                                                                       uint64_t *out);
KARTLA_API void kartla_trust_draft_free(kartla_trust_draft *draft);

/* The trust-list file signed by `root` (a trust root's identity), issued at issued_at (Unix
 * seconds, 0 = now) and expiring at expires_at (after issued_at). *out receives the file's bytes.
 * KARTLA_E_INVALID_ARGUMENT if `root` is not a trust root or the times break a rule. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_list_sign(const kartla_identity *root,
                                                                  const kartla_trust_draft *draft, int64_t issued_at,
                                                                  int64_t expires_at, kartla_buffer *out);

/* Verifies a trust-list file at time `now` (Unix seconds, 0 = now): the root's signature, that the
 * root is the one whose card is `expected_root_card` (length 0: whichever root signed it), that
 * its sequence is at least last_seen (0: none seen) and that it has not expired. *out receives
 * kartla.v1.TrustListDescription. KARTLA_E_FORMAT / _LIMIT / _VERSION malformed; KARTLA_E_SIGNATURE a bad signature or another
 * root (an expected_root_card that is an owner's or agency's card included: no list is signed by
 * it); KARTLA_E_ROLLBACK older than last_seen; KARTLA_E_EXPIRED expired. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_list_verify(const uint8_t *trust_list, size_t trust_list_len,
                                                                    const uint8_t *expected_root_card,
                                                                    size_t expected_root_card_len, uint64_t last_seen,
                                                                    int64_t now, kartla_encoding encoding,
                                                                    kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_TRUST_H */
