/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: sharing: the owner's grants, revocation and bundles, and the agency's reading side.
 *
 * STABLE TIER (docs/API-STABILITY.md). Part of kartla/kartla.h; compiles on its own. The house
 * rules every function follows are in kartla/common.h.
 */
#ifndef KARTLA_SHARE_H
#define KARTLA_SHARE_H

#include "kartla/record.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Sharing (the owner's side). A grant gives one agency the current keys of the named sections,
 * for a stated purpose, until an optional expiry. It is kept in the record (so the agency can
 * open the record file itself) and listed in the owner-only sharing_ledger section.
 *
 * WHAT WAS SHARED CANNOT BE UNSHARED: revoking an agency re-encrypts the sections it could read
 * under new keys, so it cannot read anything written afterwards; what it already read or copied
 * stays with it.
 */
#define KARTLA_RECORD_SHARE_OPTIONS_VERSION 3
typedef struct kartla_record_share_options {
  /* 2 or 3 (KARTLA_RECORD_SHARE_OPTIONS_VERSION). kartla_record_share_options_init fills the
   * version 2 fields and sets 2, so that a program built against 1.0 (whose struct ends before
   * tell_involved) keeps working; version 2 shares as before: nothing is told. */
  uint32_t version;
  const char *purpose; /* required: what the agency may use the sections for */
  int64_t expires_at;  /* Unix seconds, UTC; 0 = until revoked */
  int64_t now;         /* Unix seconds recorded as the grant time; 0 = the record's clock */
  /* GDPR Art. 6(1) basis of the share, "6.1.a" to "6.1.f"; NULL = "6.1.a" (consent: sharing is
   * the person's own decision). Bound into the signed grant and shown to the agency. */
  const char *gdpr_art6_basis;
  /* GDPR Art. 9(2) exception, "9.2.a" to "9.2.j". REQUIRED when a shared section holds health
   * data (work_ability; notes or documents with an entry flagged as health data:
   * kartla_record_section_is_special); refused otherwise. NULL = none. */
  const char *gdpr_art9_basis;
  /* Version 3: after init, set version = KARTLA_RECORD_SHARE_OPTIONS_VERSION and tell_involved.
   * 1 = with the person's explicit consent, tell the agency who else works with them:
   * the action plan's involved agencies (name, role, organisation number, since when, the
   * contact now, the lead), signed into the grant, never any section content (docs/SPEC.md
   * §7.9); the agency reads it in kartla_share_describe. KARTLA_E_NOT_FOUND if the record has no
   * action plan naming an involved agency. 0 = tell nothing. */
  uint32_t tell_involved;
} kartla_record_share_options;

KARTLA_API void kartla_record_share_options_init(kartla_record_share_options *options);

/* Grants `sections` (an array of section_count names; never "sharing_ledger") to the agency
 * whose card file is `card`. The change reaches the disk with kartla_record_save; then
 * kartla_record_export_bundle can write the agency's bundle. *grant_id receives the grant's id
 * (text, 32 hex digits). KARTLA_E_NOT_FOUND for a section the record does not hold;
 * KARTLA_E_INVALID_ARGUMENT for a card that is not an agency's, no purpose, a past expiry, health
 * data without an Art. 9(2) basis, or a basis that is not one of the codes above.
 * EXPIRY: at the first save after it, the grant ends as a revocation would (see
 * kartla_record_save). A copy the agency already took still opens with the keys it had. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_share(kartla_record *record, const uint8_t *card,
                                                               size_t card_len, const char *const *sections,
                                                               size_t section_count,
                                                               const kartla_record_share_options *options,
                                                               kartla_buffer *grant_id);

/* *out = 1 if sharing the section would share health data (GDPR Art. 9): work_ability always;
 * notes or documents when an entry is flagged contains_health_info / health_data. Such a
 * section is never part of a wildcard share, and sharing it needs options.gdpr_art9_basis. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_section_is_special(const kartla_record *record,
                                                                            const char *section, int *out);

/* Writes, atomically, the share bundle of one grant: the signed manifest, the ciphertexts of the
 * sections the grant still covers (at the key generation it carries) and that grant only. The
 * record must be saved (no unsaved changes). KARTLA_E_NOT_FOUND if the ledger knows no grant
 * with that id, or it was revoked; KARTLA_E_EXPIRED if it is past its expiry at the record's
 * clock: an ended grant is never exported. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_export_bundle(const kartla_record *record,
                                                                       const char *grant_id, const char *out_path);

/* Revokes every grant to the agency whose card is `card` (see the warning above). `now` is
 * recorded as the revocation time (0 = the record's clock, kartla_record_set_clock); ledger times
 * never go backwards, so a `now` earlier than the ledger's last event is recorded as that event's.
 * *summary receives kartla.v1.RevocationSummary (its grant_ids: after kartla_record_save,
 * kartla_record_receipt makes each one's termination receipt). The change reaches the disk with
 * kartla_record_save. KARTLA_E_NOT_FOUND if nothing is shared with that agency. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_revoke(kartla_record *record, const uint8_t *card,
                                                                size_t card_len, int64_t now, kartla_encoding encoding,
                                                                kartla_buffer *summary);

/* ---------------------------------------------------------------------------------------------
 * Opening a share (the agency's side): a share bundle or the full record file, read with the
 * agency's identity. Only sections granted to this agency can be read, and each is checked
 * against the owner's signature, its ciphertext hash, the key commitment, the binding of its
 * ciphertext to this record, section and key generation, and the grant's expiry.
 *
 * Thread safety: a kartla_share is immutable once opened and may be used by several threads at
 * once (an agency system can open many bundles on many threads); it holds an open file.
 */
typedef struct kartla_share kartla_share;

KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_open_file(const char *path, const kartla_identity *agency,
                                                                  kartla_share **out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_open(const uint8_t *bytes, size_t len,
                                                             const kartla_identity *agency, kartla_share **out);

/* A granted section's content, checked at time `at` (Unix seconds; 0 = now). KARTLA_E_NOT_SHARED
 * (naming the sections that are shared) if no grant of this agency covers it in this file;
 * KARTLA_E_EXPIRED if the grants covering it have expired; KARTLA_E_INTEGRITY if it fails
 * authentication. Nothing is returned on failure. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_section(const kartla_share *share, const char *section,
                                                                    int64_t at, kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_section_json(const kartla_share *share,
                                                                         const char *section, int64_t at,
                                                                         kartla_buffer *out);
/* As kartla_record_section_size (a capacity: the padded length) and
 * kartla_record_section_into, for an agency: the same checks and errors as
 * kartla_share_section, the plaintext in memory the caller owns (wiped on any failure; the
 * caller wipes it when done). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_section_size(const kartla_share *share, const char *section,
                                                                     int64_t at, size_t *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_section_into(const kartla_share *share,
                                                                         const char *section, int64_t at,
                                                                         uint8_t *out, size_t capacity,
                                                                         size_t *out_len);
/* What this file gives the agency, one entry per granted section: *out receives
 * kartla.v1.ShareDescription. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_describe(const kartla_share *share, kartla_encoding encoding,
                                                                 kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_sequence(const kartla_share *share, uint64_t *out);
/* KARTLA_E_ROLLBACK if this copy's sequence is below last_seen (authentic, but older). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_check_last_seen(const kartla_share *share,
                                                                        uint64_t last_seen);
/* Pins the owner: KARTLA_OK if this file is signed by the owner whose card file is `card`, else
 * KARTLA_E_AUTH naming both fingerprints. A signature only proves that *some* owner signed the
 * file; an agency that knows whose record it expects (from an earlier visit, or a card handed
 * over at the desk) should check it, or a stranger's validly signed record could be passed off
 * as the participant's. KARTLA_E_SIGNATURE if the card's self-signature fails;
 * KARTLA_E_INVALID_ARGUMENT if it is not an owner's card. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_check_owner(const kartla_share *share, const uint8_t *card,
                                                                    size_t card_len);
KARTLA_API void kartla_share_free(kartla_share *share);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_SHARE_H */
