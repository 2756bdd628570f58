/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: contributions written by agencies and accepted by owners.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_CONTRIBUTION_H
#define KARTLA_EXPERIMENTAL_CONTRIBUTION_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/contribution.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/record.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Contributions (docs/SPEC.md §13.5): an agency's entry for one section of a person's record,
 * signed by the agency and sealed to the owner, who accepts it into the record or does not.
 *
 * Thread safety: the contribution functions keep no state; kartla_record_accept_contribution as
 * every kartla_record call.
 */

/* An agency's contribution file: one entry for section `section` of record `record_id` (32 hex
 * digits) of the owner whose card this is, given as the JSON of one element of the section's
 * `entries` (with a non-empty "id"), signed by `agency` and sealed to the owner alone. claim_json:
 * NULL for the default claim (kind CONTRIBUTED), else as for kartla_attestation_issue. now: Unix
 * seconds, 0 = now. *out receives the file's bytes. KARTLA_E_INVALID_ARGUMENT if `agency` is not
 * an agency, the card not an owner's or the section takes no contributions; KARTLA_E_SCHEMA if the
 * entry JSON is not such an element or has no id, if the entry, as entries[0] of the section,
 * breaks a content rule kartla_validate_section_json reports (the rules that need the rest of the
 * owner's section are checked when it is accepted), or if the claim breaks one; the message names
 * the field path and rule id, and nothing is written. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_contribution_create(const kartla_identity *agency,
                                                                      const uint8_t *owner_card, size_t owner_card_len,
                                                                      const char *record_id, const char *section,
                                                                      const uint8_t *entry_json, size_t entry_json_len,
                                                                      const char *claim_json, int64_t now,
                                                                      kartla_buffer *out);

/* Opens a contribution file for `owner` and verifies it completely before describing it (nothing
 * is described of a file that fails). record_id: 32 hex digits to require that record, or NULL.
 * *out receives kartla.v1.ContributionDescription (its content is the section holding only the
 * contributed entry: plaintext, kept in guarded memory like a section). KARTLA_E_AUTH not sealed to this owner or
 * damaged; KARTLA_E_SIGNATURE a bad signature or made for another person or record;
 * KARTLA_E_FORMAT / _LIMIT / _VERSION malformed; KARTLA_E_SCHEMA an unknown section or entry, or
 * a claim that breaks a content rule (as kartla_attestation_verify). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_contribution_describe(const kartla_identity *owner,
                                                                        const uint8_t *contribution,
                                                                        size_t contribution_len, const char *record_id,
                                                                        int64_t now, kartla_encoding encoding,
                                                                        kartla_buffer *out);

/* Accepts a contribution into the owner's record (every check of kartla_contribution_describe,
 * with this record's id): the entry joins the section's entries, the agency's attestation is kept
 * beside it. *added = 1 if the record changed, 0 if it already held this contribution (accepting
 * twice changes nothing). KARTLA_E_INVALID_ARGUMENT if the section holds a different entry with
 * the same id; KARTLA_E_SCHEMA if the section with the entry merged would break a content rule
 * (the whole section is validated as kartla_record_set_section does; the message names the field
 * path and rule id); KARTLA_E_AUTH if `owner` is not the record's owner. On failure the record is
 * unchanged. To reject a contribution, do not accept it. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_accept_contribution(kartla_record *record,
                                                                             const kartla_identity *owner,
                                                                             const uint8_t *contribution,
                                                                             size_t contribution_len, int64_t now,
                                                                             int *added);

/* Whether a contribution was already accepted into the owner's record: *accepted = 1 if the
 * record holds the agency's attestation from it (accepting it again would change nothing), else
 * 0. Reads only. Every check of kartla_contribution_describe, with this record's id;
 * KARTLA_E_AUTH if `owner` is not the record's owner. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_contribution_accepted(const kartla_record *record,
                                                                               const kartla_identity *owner,
                                                                               const uint8_t *contribution,
                                                                               size_t contribution_len, int64_t now,
                                                                               int *accepted);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_CONTRIBUTION_H */
