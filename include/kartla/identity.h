/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: identities of owners and agencies, and their public cards.
 *
 * STABLE TIER (docs/API-STABILITY.md). Part of kartla/kartla.h; compiles on its own. The house
 * rules every function follows are in kartla/common.h.
 */
#ifndef KARTLA_IDENTITY_H
#define KARTLA_IDENTITY_H

#include "kartla/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Identities: an owner's (participant's) Ed25519 + X25519 keys, stored in an identity file whose
 * secret part is encrypted under Argon2id(passphrase) and, separately, under a recovery code.
 *
 * Thread safety: a kartla_identity may be used from several threads at once by the functions
 * that take it as `const kartla_identity *`; kartla_identity_set_passphrase needs exclusive use.
 */
typedef struct kartla_identity kartla_identity;

#define KARTLA_IDENTITY_OPTIONS_VERSION 1
typedef struct kartla_identity_options {
  uint32_t version;          /* KARTLA_IDENTITY_OPTIONS_VERSION */
  uint32_t kdf_opslimit;     /* Argon2id passes; 0 = default (3); allowed 3..16 */
  uint32_t kdf_memlimit_mib; /* Argon2id memory in MiB; 0 = default (256); allowed 64..1024 */
  int64_t created_at;        /* Unix seconds written into the card; 0 = now */
} kartla_identity_options;

/* Fills options with the defaults and the current version. */
KARTLA_API void kartla_identity_options_init(kartla_identity_options *options);

/* Creates a new owner identity, unlocked. `options` may be NULL (defaults). The passphrase must
 * not be empty. *recovery_code receives the recovery code as text (nine groups of four hex
 * digits): show it to the person once; it is never stored and cannot be shown again. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_new(const kartla_identity_options *options,
                                                               const uint8_t *passphrase, size_t passphrase_len,
                                                               kartla_identity **out, kartla_buffer *recovery_code);

/* Unlocks an identity file's bytes with its passphrase. KARTLA_E_AUTH for a wrong passphrase;
 * KARTLA_E_FORMAT / KARTLA_E_LIMIT for a file whose Argon2id parameters are below the minimum or
 * above the maximum (refused before any hashing). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_open(const uint8_t *file, size_t file_len,
                                                                const uint8_t *passphrase, size_t passphrase_len,
                                                                kartla_identity **out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_open_file(const char *path, const uint8_t *passphrase,
                                                                     size_t passphrase_len, kartla_identity **out);

/* Unlocks with the recovery code instead (any case; '-' and ' ' separators ignored). A mistyped
 * code (bad checksum) and a wrong code are both KARTLA_E_AUTH, with different messages; code
 * input over 4096 bytes is KARTLA_E_LIMIT (SPEC §4.1.2). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_recover(const uint8_t *file, size_t file_len,
                                                                   const uint8_t *recovery_code, size_t code_len,
                                                                   kartla_identity **out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_recover_file(const char *path,
                                                                        const uint8_t *recovery_code,
                                                                        size_t code_len, kartla_identity **out);

/* Locks the identity under a new passphrase (fresh salt). The recovery code stays valid. The
 * change reaches the disk only with kartla_identity_save. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_set_passphrase(kartla_identity *identity,
                                                                          const uint8_t *passphrase,
                                                                          size_t passphrase_len);

/* Save flags. */
#define KARTLA_SAVE_CREATE_ONLY 1u /* fail with KARTLA_E_INVALID_ARGUMENT if the path exists */

/* Writes the locked identity file atomically (temporary file, fsync, rename, directory fsync),
 * with the versions of records it has seen (kartla_record_open_options). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_save(const kartla_identity *identity, const char *path,
                                                                uint32_t flags);
/* The locked identity file's bytes. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_file_bytes(const kartla_identity *identity,
                                                                      kartla_buffer *out);
/* The public card file's bytes (safe to give to anyone). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_card(const kartla_identity *identity, kartla_buffer *out);
/* The fingerprint as text: eight groups of four hex digits, to compare aloud. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_fingerprint(const kartla_identity *identity,
                                                                       kartla_buffer *out);
/* Wipes the keys and releases the identity. NULL is fine. */
KARTLA_API void kartla_identity_free(kartla_identity *identity);

/* Keeps the identity's record of versions seen (kartla_record_open_options, kartla/record.h)
 * also in `folder` (a file named after the identity's fingerprint, created 0600), which should be
 * a folder of this computer that does not travel with the record, e.g. $XDG_STATE_HOME/kartla. Merges what the file there already holds.
 * KARTLA_E_IO if the folder cannot be used; KARTLA_E_INTEGRITY if the file there was not written
 * by this identity. Not thread-safe with other calls on the same identity. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_use_state_folder(kartla_identity *identity,
                                                                            const char *folder);

/* The fingerprint of a card file, after checking its self-signature (KARTLA_E_SIGNATURE). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_card_fingerprint(const uint8_t *card, size_t card_len,
                                                                   kartla_buffer *out);

/* ---------------------------------------------------------------------------------------------
 * Agencies: an agency's identity is created like an owner's (passphrase, recovery code) and its
 * public card names the agency, its organisation number and its role.
 */
#define KARTLA_AGENCY_INFO_VERSION 1
typedef struct kartla_agency_info {
  uint32_t version;                /* KARTLA_AGENCY_INFO_VERSION */
  const char *name;                /* required, at most 256 bytes */
  const char *organisation_number; /* Swedish NNNNNN-NNNN (Luhn-checked) or Finnish Y-tunnus NNNNNNN-N */
  const char *role;                /* one of kartla_agency_role_name() */
} kartla_agency_info;

/* Sets version and NULL fields. */
KARTLA_API void kartla_agency_info_init(kartla_agency_info *info);
/* The documented agency roles (static data, thread-safe); NULL past the end. */
KARTLA_API size_t kartla_agency_role_count(void);
KARTLA_API const char *kartla_agency_role_name(size_t index);

/* As kartla_identity_new, for an agency. KARTLA_E_INVALID_ARGUMENT names what is wrong with
 * `info` (e.g. an organisation number whose check digit fails). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_new_agency(const kartla_agency_info *info,
                                                             const kartla_identity_options *options,
                                                             const uint8_t *passphrase, size_t passphrase_len,
                                                             kartla_identity **out, kartla_buffer *recovery_code);

/* A card file described: *out receives kartla.v1.CardDescription. KARTLA_E_SIGNATURE if its
 * self-signature fails. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_card_describe(const uint8_t *card, size_t card_len,
                                                                kartla_encoding encoding, kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_IDENTITY_H */
