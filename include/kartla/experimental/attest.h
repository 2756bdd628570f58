/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: attestations of entries, and provenance.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_ATTEST_H
#define KARTLA_EXPERIMENTAL_ATTEST_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/attest.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/record.h"
#include "kartla/share.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Attestations (docs/SPEC.md §13.2): an agency's signed claim about one entry of one person's
 * record, bound to the owner's keys, the record id, the section, the entry's id and the entry's
 * exact bytes, so that it cannot be moved to another person, record or entry, and stops holding
 * when the entry is edited.
 *
 * Thread safety: these functions keep no state; `agency` is used read-only (as every function
 * taking a const kartla_identity *), so any of them may run on several threads at once.
 */

/* The bytes of entry `entry_id` inside section content `content` (protobuf bytes of section
 * `section`, as kartla_record_section returns them): what an attestation covers. *out receives
 * them. KARTLA_E_NOT_FOUND if no entry has that id; KARTLA_E_SCHEMA if the content does not parse
 * or two entries share the id; KARTLA_E_LIMIT for content over 256 MiB. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_section_entry(const char *section, const uint8_t *content,
                                                                size_t content_len, const char *entry_id,
                                                                kartla_buffer *out);

/* The entry an attestation is about. */
#define KARTLA_ENTRY_REF_VERSION 1
typedef struct kartla_entry_ref {
  uint32_t version;          /* KARTLA_ENTRY_REF_VERSION */
  const uint8_t *owner_card; /* the record owner's public card file (kartla_identity_card) */
  size_t owner_card_len;
  const char *record_id;     /* 32 hex digits, as kartla_record_id gives it */
  const char *section;       /* a section name */
  const char *entry_id;      /* the entry's id */
  const uint8_t *entry;      /* the entry's bytes (kartla_section_entry) */
  size_t entry_len;
} kartla_entry_ref;

/* Sets the version and NULL / 0 fields. */
KARTLA_API void kartla_entry_ref_init(kartla_entry_ref *ref);

/* Makes an attestation file signed by `agency` (an agency's identity) about the entry `ref`
 * names. `claim_json` is the claim as JSON (docs/SPEC.md §13.2), e.g. {"kind": "VALIDATED",
 * "level_system": "seqf", "level_code": "3", "method": "ocn", "date": "2025-11-20",
 * "credits_hundredths": 750, "assessor_role": "OCN-bedömare"}; KARTLA_E_SCHEMA if it does not
 * match, or if a value breaks a content rule (a level system or code, or a method, its code
 * system does not know; a date that does not exist), with the field and rule id in
 * kartla_last_error(), e.g. "claim.level_code: seqf-level: ...". issued_at: Unix seconds, 0 =
 * now; expires_at: Unix seconds after issued_at, 0 = never. *out receives the file's bytes.
 * KARTLA_E_INVALID_ARGUMENT if `agency` is not an agency, the card not an owner's, the record id
 * not 32 hex digits, the section unknown or without entries, the entry bytes are not that entry's
 * (an attestation that could never hold), or a claim value has the wrong shape (a date that is not
 * YYYY, YYYY-MM or YYYY-MM-DD). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_attestation_issue(const kartla_identity *agency,
                                                                    const kartla_entry_ref *ref, const char *claim_json,
                                                                    int64_t issued_at, int64_t expires_at,
                                                                    kartla_buffer *out);

/* Checks an attestation file against the entry `ref` names, at time `now` (Unix seconds, 0 =
 * now), with an optional trust list file (length 0: none; a trust list is verified first, and an
 * expired one is KARTLA_E_EXPIRED with *report empty).
 *
 * EXCEPTION to the house rule on outputs: *report is filled whenever the attestation was judged,
 * with kartla.v1.AttestationReport (verdict and finding: docs/SPEC.md §13.2). The status is KARTLA_OK for a valid
 * attestation, trusted or not (the verdict says which), and otherwise the class of the first
 * check that failed: KARTLA_E_FORMAT / _LIMIT / _VERSION (malformed), KARTLA_E_SIGNATURE (bad
 * signature, or made for another person, record, section or entry), KARTLA_E_INTEGRITY (the entry
 * changed), KARTLA_E_EXPIRED (expired, or dated in the future), KARTLA_E_SCHEMA (finding
 * "bad_claim": the claim breaks a content rule, as kartla_attestation_issue refuses it). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_attestation_verify(const uint8_t *attestation, size_t attestation_len,
                                                                     const kartla_entry_ref *ref,
                                                                     const uint8_t *trust_list, size_t trust_list_len,
                                                                     int64_t now, kartla_encoding encoding,
                                                                     kartla_buffer *report);

/* Describes an attestation file on its own, before anyone relies on it: who signed it (the
 * issuer's card and the signature are checked), whose record, section and entry it is about, what
 * it claims, and, at `now` (Unix seconds, 0 = now), whether it is current, its claim obeys the
 * content rules and its issuer is on the optional trust list (length 0: none; verified first, as
 * for kartla_attestation_verify). It cannot say whether the attestation holds for an entry: that
 * needs the entry (kartla_attestation_verify).
 *
 * The same EXCEPTION on outputs as kartla_attestation_verify: *out receives
 * kartla.v1.AttestationDescription whenever the attestation was judged, and the status is
 * KARTLA_OK for a signed, current attestation (trusted or not: the report's verdict says which),
 * else the class of the first check that failed: KARTLA_E_FORMAT / _LIMIT / _VERSION (malformed),
 * KARTLA_E_SIGNATURE (the issuer's card or the signature), KARTLA_E_EXPIRED (expired, or dated in
 * the future), KARTLA_E_SCHEMA (the claim breaks a content rule). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_attestation_describe(const uint8_t *attestation,
                                                                       size_t attestation_len,
                                                                       const uint8_t *trust_list, size_t trust_list_len,
                                                                       int64_t now, kartla_encoding encoding,
                                                                       kartla_buffer *out);

/* ---------------------------------------------------------------------------------------------
 * Attestations and contributions in the owner's record, and provenance (docs/SPEC.md §13.4-13.6).
 *
 * Thread safety: as for kartla_record (a record must not be used by two threads at once) and
 * kartla_share (immutable, shareable); the contribution functions keep no state.
 */

/* Stores an attestation file with the entry of `record` it names, after checking it against that
 * entry at `now` (Unix seconds, 0 = now). `owner` is the record's owner (KARTLA_E_AUTH for any
 * other identity). An issuer
 * nobody vouches for is accepted (trust is the reader's decision). *added = 1 if the record
 * changed, 0 if it already held this attestation. The change reaches the disk with
 * kartla_record_save. KARTLA_E_NOT_FOUND no such section or entry; an attestation that does not
 * hold fails with the class kartla_attestation_verify gives (KARTLA_E_SIGNATURE for another
 * person, record or entry, KARTLA_E_INTEGRITY for an edited entry, ...). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_attach_attestation(kartla_record *record,
                                                                            const kartla_identity *owner,
                                                                            const uint8_t *attestation,
                                                                            size_t attestation_len, int64_t now,
                                                                            int *added);

/* The provenance of every entry of a section: *out receives kartla.v1.ProvenanceReport (the
 * entry ids are plaintext, kept in guarded memory like a section). trust_list: a trust-list file
 * or length 0 (then no issuer is trusted); it is verified at `now` (Unix seconds, 0 = now) and an
 * expired or bad list fails the call (KARTLA_E_EXPIRED, KARTLA_E_SIGNATURE, ...). Attestations
 * that do not hold are results in the report, not failures. KARTLA_E_NOT_FOUND if the record does
 * not hold the section; KARTLA_E_AUTH if `owner` is not the record's owner. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_provenance(const kartla_record *record,
                                                                    const kartla_identity *owner, const char *section,
                                                                    const uint8_t *trust_list, size_t trust_list_len,
                                                                    int64_t now, kartla_encoding encoding,
                                                                    kartla_buffer *out);
/* As kartla_record_provenance, for an agency's share (the section must be readable by it:
 * KARTLA_E_NOT_SHARED / KARTLA_E_EXPIRED as for kartla_share_section). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_provenance(const kartla_share *share, const char *section,
                                                                   const uint8_t *trust_list, size_t trust_list_len,
                                                                   int64_t now, kartla_encoding encoding,
                                                                   kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_ATTEST_H */
