/*
 * Kartla: a portable, participant-owned competence-mapping record.
 *
 * This header is the one stable interface of the library (C99, also valid C++). Bindings and the
 * `kartla` command-line tool are built on it. The format it reads and writes is specified in
 * docs/SPEC.md.
 *
 * House rules (every function follows them; the exceptions say so):
 *  - Every function that can fail returns kartla_status; KARTLA_OK is 0. On failure,
 *    kartla_last_error() describes it, every output handle is set to NULL, every output buffer is
 *    empty, and no partial plaintext is ever returned.
 *  - `T **out` parameters: the caller owns the result and releases it with kartla_T_free.
 *    Every *_free accepts NULL.
 *  - Variable-length output is written to a kartla_buffer the library allocates (in guarded
 *    memory) and the caller releases with kartla_buffer_free, which wipes it. An output buffer
 *    must be empty (KARTLA_BUFFER_INIT or freed) when passed in.
 *  - Inputs are (const uint8_t *, size_t) pairs; any pointer (even NULL) is fine with length 0.
 *    Text inputs are NUL-terminated UTF-8 (`const char *`), never NULL unless documented.
 *  - Section names are the snake_case names listed by kartla_section_name().
 *  - No function keeps a pointer to caller memory after it returns, unless documented.
 *
 * Thread safety: there is no process-wide mutable state. kartla_last_error() is per thread.
 * Each handle type states what may be shared between threads.
 *
 * What was shared cannot be unshared: a revocation protects what is written afterwards only.
 */
#ifndef KARTLA_KARTLA_H
#define KARTLA_KARTLA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(KARTLA_BUILDING_LIBRARY) && defined(__GNUC__)
#define KARTLA_API __attribute__((visibility("default")))
#else
#define KARTLA_API
#endif

#if defined(__GNUC__)
#define KARTLA_MUST_CHECK __attribute__((warn_unused_result))
#else
#define KARTLA_MUST_CHECK
#endif

/* ---------------------------------------------------------------------------------------------
 * Versions. Every macro has a function twin (FFI cannot see macros); a test checks they agree.
 */
#define KARTLA_VERSION_MAJOR 0
#define KARTLA_VERSION_MINOR 1
#define KARTLA_VERSION_PATCH 0
#define KARTLA_VERSION_NUMBER (KARTLA_VERSION_MAJOR * 10000 + KARTLA_VERSION_MINOR * 100 + KARTLA_VERSION_PATCH)
#define KARTLA_VERSION_STRING "0.1.0"
/* The ABI version: the shared library's SOVERSION. It changes on any incompatible change. */
#define KARTLA_ABI_VERSION 0
/* The container format major version this library reads and writes. */
#define KARTLA_FORMAT_VERSION 1

/* Static strings and numbers; thread-safe. */
KARTLA_API const char *kartla_version(void);
KARTLA_API uint32_t kartla_version_number(void);
KARTLA_API uint32_t kartla_abi_version(void);
KARTLA_API uint32_t kartla_format_version(void);

/* ---------------------------------------------------------------------------------------------
 * Status codes. The values never change; new codes are only ever added.
 */
typedef enum kartla_status {
  KARTLA_OK = 0,
  KARTLA_E_INVALID_ARGUMENT = 1, /* misuse: NULL, bad length, unknown section name, non-empty out buffer */
  KARTLA_E_FORMAT = 2,           /* malformed, truncated, trailing data, non-canonical encoding */
  KARTLA_E_LIMIT = 3,            /* input larger than a documented limit (docs/SPEC.md §9) */
  KARTLA_E_VERSION = 4,          /* written in a format version this library does not read */
  KARTLA_E_SIGNATURE = 5,        /* a signature does not verify, or something is not covered by one */
  KARTLA_E_INTEGRITY = 6,        /* a section failed authentication (hash, key commitment or AEAD) */
  KARTLA_E_AUTH = 7,             /* wrong passphrase, wrong recovery code, or not this identity's record */
  KARTLA_E_NOT_SHARED = 8,       /* this reader holds no grant for the section */
  KARTLA_E_EXPIRED = 9,          /* a grant or other signed statement is past its validity */
  KARTLA_E_ROLLBACK = 10,        /* an older copy than one already seen */
  KARTLA_E_NOT_FOUND = 11,       /* the section is not in the record */
  KARTLA_E_SCHEMA = 12,          /* content does not match the section's schema or its rules */
  KARTLA_E_IO = 13,              /* the operating system refused a read or write */
  KARTLA_E_BUSY = 14,            /* another program is saving the record, or saved it since it was opened */
  KARTLA_E_NO_MEMORY = 15,
  KARTLA_E_CRYPTO = 16,          /* libsodium could not be initialised */
  KARTLA_E_INTERNAL = 17         /* a bug in Kartla: please report it */
} kartla_status;

/* The enum constant's name without the prefix ("OK", "E_FORMAT", ...), static; "UNKNOWN" for
 * values this version does not know. Thread-safe. */
KARTLA_API const char *kartla_status_name(kartla_status status);

/* A message describing the most recent failure on the calling thread. Owned by the library,
 * valid until the next Kartla call on this thread; never NULL ("" before any failure). */
KARTLA_API const char *kartla_last_error(void);

/* ---------------------------------------------------------------------------------------------
 * Buffers: library-allocated output, in guarded memory, wiped by kartla_buffer_free.
 * For text output data[len] is a NUL byte (not counted in len). Do not modify the fields.
 */
typedef struct kartla_buffer {
  uint8_t *data;
  size_t len;
  void *internal;
} kartla_buffer;

#define KARTLA_BUFFER_INIT {NULL, 0, NULL}

/* Sets a buffer to empty (the function twin of KARTLA_BUFFER_INIT). */
KARTLA_API void kartla_buffer_init(kartla_buffer *buffer);
/* Wipes and releases the buffer's memory and leaves it empty. NULL and empty buffers are fine. */
KARTLA_API void kartla_buffer_free(kartla_buffer *buffer);

/* ---------------------------------------------------------------------------------------------
 * Sections: the fixed list of record sections (static data, thread-safe).
 */
KARTLA_API size_t kartla_section_count(void);
/* The name of section `index` (0-based), static; NULL if index >= kartla_section_count(). */
KARTLA_API const char *kartla_section_name(size_t index);
/* *out = 1 if the section holds special-category (health) data that is never shared by a
 * wildcard, else 0. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_section_is_special_category(const char *section, int *out);

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
 * code (bad checksum) and a wrong code are both KARTLA_E_AUTH, with different messages. */
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

/* Writes the locked identity file atomically (temporary file, fsync, rename, directory fsync). */
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

/* The fingerprint of a card file, after checking its self-signature (KARTLA_E_SIGNATURE). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_card_fingerprint(const uint8_t *card, size_t card_len,
                                                                   kartla_buffer *out);

/* ---------------------------------------------------------------------------------------------
 * Records: the owner's view. Every section is readable and writable; changes reach the disk
 * only with kartla_record_save, which writes the next signed version.
 *
 * Thread safety: a kartla_record must not be used by two threads at once (it caches an open
 * file). Different records may be used on different threads. The record keeps its own copy of
 * the owner's keys, so the identity may be freed while the record lives.
 */
typedef struct kartla_record kartla_record;

/* A new, empty record owned by `owner`, not yet saved (sequence 0). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_new(const kartla_identity *owner, kartla_record **out);

/* Opens the owner's record file. KARTLA_E_AUTH if it belongs to another identity; KARTLA_E_FORMAT
 * if it is a share bundle; signature, limit and format errors as for kartla_verify_file. The file
 * is held open: section bodies are read when asked for. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_open_file(const char *path, const kartla_identity *owner,
                                                                   kartla_record **out);
/* As kartla_record_open_file, from bytes (copied). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_open(const uint8_t *bytes, size_t len,
                                                              const kartla_identity *owner, kartla_record **out);

/* Saves the next version (sequence + 1) atomically under an exclusive lock on `path`.lock.
 * KARTLA_E_BUSY if another program holds the lock or saved a newer version since this record was
 * opened; KARTLA_E_INVALID_ARGUMENT if `path` holds something other than this record; KARTLA_E_IO
 * if the disk refused (the old file is then unchanged). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_save(kartla_record *record, const char *path);

/* The record id as 32 lowercase hex digits (text). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_id(const kartla_record *record, kartla_buffer *out);
/* The sequence number of the version last opened or saved (0 if never saved). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_sequence(const kartla_record *record, uint64_t *out);
/* *out = 1 if the record holds the section, else 0. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_has_section(const kartla_record *record, const char *section,
                                                                     int *out);

/* Replaces a section's content with protobuf bytes of its message (docs/MODEL.md).
 * KARTLA_E_SCHEMA if the bytes are not a valid message of that type. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_set_section(kartla_record *record, const char *section,
                                                                     const uint8_t *protobuf, size_t len);
/* As kartla_record_set_section, from protobuf JSON. KARTLA_E_SCHEMA names what does not match. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_set_section_json(kartla_record *record, const char *section,
                                                                          const uint8_t *json, size_t len);
/* A section's content as protobuf bytes. KARTLA_E_NOT_FOUND if the record does not hold it;
 * KARTLA_E_INTEGRITY if it fails authentication (nothing is returned). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_get_section(const kartla_record *record, const char *section,
                                                                     kartla_buffer *out);
/* As kartla_record_get_section, as protobuf JSON (text, snake_case field names). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_get_section_json(const kartla_record *record,
                                                                          const char *section, kartla_buffer *out);
/* Removes a section. KARTLA_E_NOT_FOUND if absent. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_remove_section(kartla_record *record, const char *section);
/* Wipes the keys and releases the record. NULL is fine. */
KARTLA_API void kartla_record_free(kartla_record *record);

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
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_agency_new(const kartla_agency_info *info,
                                                             const kartla_identity_options *options,
                                                             const uint8_t *passphrase, size_t passphrase_len,
                                                             kartla_identity **out, kartla_buffer *recovery_code);

/* A card file described as JSON text: kind ("owner", "agency", "trust_root"), name,
 * organisation_number, role, created_at, fingerprint. KARTLA_E_SIGNATURE if its self-signature
 * fails. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_card_describe_json(const uint8_t *card, size_t card_len,
                                                                     kartla_buffer *out);

/* ---------------------------------------------------------------------------------------------
 * Sharing (the owner's side). A grant gives one agency the current keys of the named sections,
 * for a stated purpose, until an optional expiry. It is kept in the record (so the agency can
 * open the record file itself) and listed in the owner-only sharing_ledger section.
 *
 * WHAT WAS SHARED CANNOT BE UNSHARED: revoking an agency re-encrypts the sections it could read
 * under new keys, so it cannot read anything written afterwards; what it already read or copied
 * stays with it.
 */
#define KARTLA_SHARE_OPTIONS_VERSION 1
typedef struct kartla_share_options {
  uint32_t version;    /* KARTLA_SHARE_OPTIONS_VERSION */
  const char *purpose; /* required: what the agency may use the sections for */
  int64_t expires_at;  /* Unix seconds, UTC; 0 = until revoked */
  int64_t now;         /* Unix seconds recorded as the grant time; 0 = the current time */
} kartla_share_options;

KARTLA_API void kartla_share_options_init(kartla_share_options *options);

/* Grants `sections` (an array of section_count names; never "sharing_ledger") to the agency
 * whose card file is `card`. The change reaches the disk with kartla_record_save; then
 * kartla_record_export_bundle can write the agency's bundle. *grant_id receives the grant's id
 * (text, 32 hex digits). KARTLA_E_NOT_FOUND for a section the record does not hold;
 * KARTLA_E_INVALID_ARGUMENT for a card that is not an agency's, no purpose, or a past expiry. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_share(kartla_record *record, const uint8_t *card,
                                                               size_t card_len, const char *const *sections,
                                                               size_t section_count,
                                                               const kartla_share_options *options,
                                                               kartla_buffer *grant_id);

/* Writes, atomically, the share bundle of one grant: the signed manifest, the ciphertexts of the
 * grant's sections and that grant only. The record must be saved (no unsaved changes).
 * KARTLA_E_NOT_FOUND if the ledger knows no active grant with that id. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_export_bundle(const kartla_record *record,
                                                                       const char *grant_id, const char *out_path);

/* Revokes every grant to the agency whose card is `card` (see the warning above). `now` is
 * recorded as the revocation time (0 = the current time). *summary receives JSON text:
 * agency_fingerprint, rotated_sections, revoked_grants, reissued_grants. The change reaches the
 * disk with kartla_record_save. KARTLA_E_NOT_FOUND if nothing is shared with that agency. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_revoke(kartla_record *record, const uint8_t *card,
                                                                size_t card_len, int64_t now, kartla_buffer *summary);

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
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_get_section(const kartla_share *share, const char *section,
                                                                    int64_t at, kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_get_section_json(const kartla_share *share,
                                                                         const char *section, int64_t at,
                                                                         kartla_buffer *out);
/* JSON text: record_id, owner_fingerprint, sequence, previous_manifest_hash, and grants: one
 * object per granted section with section, purpose, granted_at, expires_at, present, current. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_describe_json(const kartla_share *share, kartla_buffer *out);
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

/* ---------------------------------------------------------------------------------------------
 * Verification, by anyone holding a record or bundle and no key: the owner's signature over the
 * exact manifest bytes, every entry and grant covered by it, and the hash of every section body
 * present.
 *
 * Thread safety: a kartla_verification is immutable and may be shared between threads.
 */
typedef struct kartla_verification kartla_verification;

KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verify_file(const char *path, kartla_verification **out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verify(const uint8_t *bytes, size_t len, kartla_verification **out);

KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_sequence(const kartla_verification *v, uint64_t *out);
/* Text: the record id (32 hex digits), the owner's fingerprint, and the previous manifest's
 * hash (64 hex digits; empty text for the first version). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_record_id(const kartla_verification *v,
                                                                         kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_owner_fingerprint(const kartla_verification *v,
                                                                                 kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_previous_hash(const kartla_verification *v,
                                                                             kartla_buffer *out);
/* The whole report as JSON text (docs/SPEC.md §8 lists its fields). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_json(const kartla_verification *v, kartla_buffer *out);
/* KARTLA_OK if the verified copy's sequence is at least last_seen, else KARTLA_E_ROLLBACK
 * (an older copy than one already seen: authentic, but not the latest). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_verification_check_last_seen(const kartla_verification *v,
                                                                               uint64_t last_seen);
KARTLA_API void kartla_verification_free(kartla_verification *v);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_KARTLA_H */
