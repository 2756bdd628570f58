/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: a programme's follow-up figures, made by its project owner from the bundles its
 * participants shared with it for the report (docs/SPEC.md §7.8).
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_FOLLOWUP_H
#define KARTLA_EXPERIMENTAL_FOLLOWUP_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/followup.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/identity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The smallest group a follow-up figure may describe (docs/SPEC.md §7.8), and its function twin. */
#define KARTLA_FOLLOWUP_MINIMUM_GROUP 5
KARTLA_API uint32_t kartla_followup_minimum_group(void);
/* The most bundles one report reads. */
#define KARTLA_FOLLOWUP_MAX_BUNDLES 10000
KARTLA_API size_t kartla_followup_max_bundles(void);

/* ---------------------------------------------------------------------------------------------
 * The follow-up report. Each participant shares the section `programme_followup` with the
 * project owner's agency identity, under GDPR Art. 6(1)(c) or 6(1)(e), and gives it the bundle.
 * Given the paths of those bundles, this verifies each one as kartla_share_open_file does, reads
 * its follow-up entry, checks it against the content rules, counts each participant (each owner
 * identity) once, and writes into `out` a kartla.v1.FollowupReport (proto/kartla/v1/results.proto)
 * in `encoding`: counts and shares by gender, highest phase reached, status, status at exit and
 * six months after exit, with every cell below KARTLA_FOLLOWUP_MINIMUM_GROUP suppressed. It never
 * returns a line per person. Every bundle it does not count is listed in `skipped` with a reason
 * ("unverifiable", "unreadable", "expired", "not-shared", "invalid-content", "wrong-basis",
 * "duplicate", "other-programme"): none is dropped silently.
 *
 * `now` is the time expiry is judged at (0: the current time). KARTLA_E_INVALID_ARGUMENT for no
 * bundle or a NULL path; KARTLA_E_LIMIT for more than KARTLA_FOLLOWUP_MAX_BUNDLES bundles, and
 * when fewer than KARTLA_FOLLOWUP_MINIMUM_GROUP participants can be counted (kartla_last_error
 * says how many bundles were skipped and why); `out` is then left empty.
 *
 * The caller owns `out` and frees it with kartla_buffer_free. Thread safety: the identity is only
 * read; calls with different `out` buffers may run at the same time.
 */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_followup_report(const kartla_identity *agency,
                                                                  const char *const *bundle_paths,
                                                                  size_t bundle_count, int64_t now,
                                                                  kartla_encoding encoding, kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_FOLLOWUP_H */
