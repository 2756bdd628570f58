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
 * Thread safety: the only process-wide mutable state is an internal pool of secure memory for
 * small secrets, guarded by a lock; every function may be called from any thread.
 * kartla_last_error() is per thread.
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

/* A new, empty record owned by `owner`, not yet saved (sequence 0). KARTLA_E_INVALID_ARGUMENT if
 * `owner` is an agency's or a trust root's identity: only an owner identity owns a record. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_new(const kartla_identity *owner, kartla_record **out);

/* Opens the owner's record file. KARTLA_E_INVALID_ARGUMENT if `owner` is not an owner identity
 * (checked first); KARTLA_E_AUTH if it belongs to another identity; KARTLA_E_FORMAT if it is a
 * share bundle; signature, limit and format errors as for kartla_verify_file. The file is held
 * open: section bodies are read when asked for. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_open_file(const char *path, const kartla_identity *owner,
                                                                   kartla_record **out);
/* As kartla_record_open_file, from bytes (copied). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_open(const uint8_t *bytes, size_t len,
                                                              const kartla_identity *owner, kartla_record **out);

/* Opening as the owner remembers versions (docs/SPEC.md §8.1). The identity keeps, per record,
 * the highest sequence it has seen and that version's manifest hash: in the identity file (saved
 * by kartla_identity_save) and, after kartla_identity_use_state_folder, in a file on this
 * computer that does not travel with the stick. An older authentic copy put back in place of the
 * record, or a different version with a sequence already seen (a fork), is then refused with
 * KARTLA_E_ROLLBACK instead of being read and silently extended - unless the caller accepts it:
 */
#define KARTLA_RECORD_OPEN_OPTIONS_VERSION 1
typedef struct kartla_record_open_options {
  uint32_t version;      /* KARTLA_RECORD_OPEN_OPTIONS_VERSION */
  /* 1: open an older copy or a fork anyway (to read it, or to continue from it when the newer
   * copy is lost). Its next save then takes a sequence above every one seen, so two versions
   * never share a sequence number. 0 (default): such a copy is KARTLA_E_ROLLBACK. */
  uint32_t accept_older;
  /* The highest sequence the caller itself has seen (0 = none), checked as the remembered marks
   * are: a copy below it is KARTLA_E_ROLLBACK unless accept_older. */
  uint64_t last_seen;
} kartla_record_open_options;

KARTLA_API void kartla_record_open_options_init(kartla_record_open_options *options);

/* As kartla_record_open_file and kartla_record_open, with options (NULL = the defaults, which
 * is what those two use). KARTLA_E_ROLLBACK for an older copy or a fork (see above). A newer
 * version than any seen is remembered. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_open_file_with_options(
    const char *path, const kartla_identity *owner, const kartla_record_open_options *options, kartla_record **out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_open_with_options(const uint8_t *bytes, size_t len,
                                                                           const kartla_identity *owner,
                                                                           const kartla_record_open_options *options,
                                                                           kartla_record **out);

/* Keeps the identity's record of versions seen also in `folder` (a file named after the
 * identity's fingerprint, created 0600), which should be a folder of this computer that does not
 * travel with the record, e.g. $XDG_STATE_HOME/kartla. Merges what the file there already holds.
 * KARTLA_E_IO if the folder cannot be used; KARTLA_E_INTEGRITY if the file there was not written
 * by this identity. Not thread-safe with other calls on the same identity. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_use_state_folder(kartla_identity *identity,
                                                                            const char *folder);

/* Saves the next version (sequence + 1) atomically under an exclusive lock on `path`.lock, and
 * remembers it as seen (see kartla_record_open_options; kartla_identity_save then writes it into
 * the identity file). KARTLA_E_ROLLBACK if a later version of this record was seen since it was
 * opened (saving would fork its history). First, every grant past its expiry (at the record's clock, kartla_record_set_clock) is ended
 * as a revocation would end it: its sections move to new keys and the grant leaves the record,
 * so an expired agency reads nothing written from then on (docs/SPEC.md §7.4).
 * KARTLA_E_BUSY if another program holds the lock or saved a newer version since this record was
 * opened; KARTLA_E_INVALID_ARGUMENT if `path` holds something other than this record; KARTLA_E_IO
 * if the disk refused (the old file is then unchanged). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_save(kartla_record *record, const char *path);

/* Sets the time (Unix seconds, UTC) that this record's owner operations use where they take no
 * time of their own: kartla_record_save ends the grants expired by then, and
 * kartla_record_export_bundle refuses them. 0 (the default) means the system clock. For tests,
 * and for systems that keep a trusted clock of their own. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_set_clock(kartla_record *record, int64_t now);

/* The record id as 32 lowercase hex digits (text). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_id(const kartla_record *record, kartla_buffer *out);
/* The sequence number of the version last opened or saved (0 if never saved). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_sequence(const kartla_record *record, uint64_t *out);
/* The sections the record holds, as JSON text: an array, in ascending id, of {"id", "name",
 * "generation", "ciphertext_length"} (the padded length); "name" is "unknown" for a section id
 * this library does not know (a newer writer's), which is listed all the same (docs/SPEC.md §5.1). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_sections_json(const kartla_record *record,
                                                                       kartla_buffer *out);
/* *out = 1 if the record holds the section, else 0. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_has_section(const kartla_record *record, const char *section,
                                                                     int *out);

/* Replaces a section's content with protobuf bytes of its message (docs/MODEL.md).
 * KARTLA_E_SCHEMA if the bytes are not a valid message of that type. KARTLA_E_INVALID_ARGUMENT
 * for "sharing_ledger": only share, revoke and expiry write it (also for remove). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_set_section(kartla_record *record, const char *section,
                                                                     const uint8_t *protobuf, size_t len);
/* As kartla_record_set_section, from protobuf JSON. KARTLA_E_SCHEMA names what does not match. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_set_section_json(kartla_record *record, const char *section,
                                                                          const uint8_t *json, size_t len);
/* A section's content as protobuf bytes. KARTLA_E_NOT_FOUND if the record does not hold it;
 * KARTLA_E_INTEGRITY if it fails authentication (nothing is returned). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_get_section(const kartla_record *record, const char *section,
                                                                     kartla_buffer *out);
/* The capacity a buffer needs for kartla_record_get_section_into: the section's padded length
 * (docs/SPEC.md §5.4), at least its content's length and at most 6.25 % (or the 1 KiB floor) above it; the
 * exact length is known only once the section is decrypted (*out_len of the read).
 * KARTLA_E_NOT_FOUND if the record does not hold it. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_section_size(const kartla_record *record,
                                                                      const char *section, size_t *out);
/* As kartla_record_get_section, decrypted straight into memory the caller owns: no allocation,
 * for large sections or many reads into one buffer. `out` has room for `capacity` bytes; *out_len
 * receives the content's length. KARTLA_E_INVALID_ARGUMENT if capacity is below
 * kartla_record_section_size. On any failure nothing of the section is left in `out` (the bytes it
 * would have used are wiped). The plaintext is then in memory of the caller's choosing, which the
 * caller should wipe when done; kartla_record_get_section keeps it in guarded, locked memory. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_get_section_into(const kartla_record *record,
                                                                          const char *section, uint8_t *out,
                                                                          size_t capacity, size_t *out_len);
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
#define KARTLA_SHARE_OPTIONS_VERSION 2
typedef struct kartla_share_options {
  uint32_t version;    /* KARTLA_SHARE_OPTIONS_VERSION */
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
} kartla_share_options;

KARTLA_API void kartla_share_options_init(kartla_share_options *options);

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
                                                               const kartla_share_options *options,
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
 * *summary receives JSON text: agency_fingerprint, rotated_sections, grant_ids (the grants that
 * ended, in ledger order: after kartla_record_save, kartla_record_receipt makes each one's
 * termination receipt), revoked_grants, reissued_grants. The change reaches the disk with
 * kartla_record_save. KARTLA_E_NOT_FOUND if nothing is shared with that agency. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_revoke(kartla_record *record, const uint8_t *card,
                                                                size_t card_len, int64_t now, kartla_buffer *summary);

/* ---------------------------------------------------------------------------------------------
 * Receipts (docs/SPEC.md §7.6): the owner's signed statement that a grant was made, or that it
 * ended, when and why, for the agency to verify offline and keep. A termination receipt is the
 * owner's word that the grant has ended and the agency must stop processing those sections. It
 * proves what the owner stated, and when; it does not prove that the agency received it.
 *
 * Thread safety: kartla_record_receipt as every kartla_record call (not at the same time as
 * another call on the same record); kartla_receipt_describe_json keeps no state and may run on
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
 * *out receives JSON text {"kind": "grant" | "termination", "record_id", "owner_fingerprint",
 * "grant_id", "agency_name", "agency_fingerprint", "sections": [names], "purpose",
 * "gdpr_art6_basis", "gdpr_art9_basis" ("" if none), "granted_at", "expires_at" (0: until
 * revoked), "ended_at" (0 on a grant receipt), "end_reason" ("revoked", "expired", or "" on a
 * grant receipt), "sequence", "manifest_hash"}: times in Unix seconds (UTC), ids and the hash in
 * lowercase hex. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_receipt_describe_json(const uint8_t *receipt, size_t receipt_len,
                                                                        const uint8_t *owner_card,
                                                                        size_t owner_card_len,
                                                                        const uint8_t *agency_card,
                                                                        size_t agency_card_len, kartla_buffer *out);

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
/* As kartla_record_section_size (a capacity: the padded length) and
 * kartla_record_get_section_into, for an agency: the same checks and errors as
 * kartla_share_get_section, the plaintext in memory the caller owns (wiped on any failure; the
 * caller wipes it when done). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_section_size(const kartla_share *share, const char *section,
                                                                     int64_t at, size_t *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_get_section_into(const kartla_share *share,
                                                                         const char *section, int64_t at,
                                                                         uint8_t *out, size_t capacity,
                                                                         size_t *out_len);
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
 * Content: validation of section content against the offline rules of docs/MODEL.md, and the
 * views a person reads (progress, action plan, the whole record as text).
 *
 * kartla_record_set_section and kartla_record_set_section_json run the same validation and refuse
 * content that breaks any rule with KARTLA_E_SCHEMA, leaving the record unchanged; the message
 * names the first violation ("FIELD: RULE: MESSAGE") and how many follow.
 */

/* Validates section content given as protobuf bytes (kartla_validate_section) or protobuf JSON
 * (kartla_validate_section_json). Static data only: thread-safe.
 *
 * EXCEPTION to the house rule on outputs: *report is filled on KARTLA_OK and on KARTLA_E_SCHEMA
 * alike, with JSON text {"section": NAME, "valid": BOOL, "violations": [{"field": PATH, "rule":
 * RULE_ID, "message": TEXT}, ...]} listing every violation in field order (empty when valid).
 * Content that does not parse as the section's message (for JSON: protobuf's parser message) is
 * one violation with rule "schema-parse" and an empty field. On KARTLA_E_SCHEMA,
 * kartla_last_error() names the first violation. Other failures (KARTLA_E_INVALID_ARGUMENT for an
 * unknown section, KARTLA_E_LIMIT for content over the section size limit) leave *report empty. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_validate_section(const char *section, const uint8_t *protobuf,
                                                                   size_t len, kartla_buffer *report);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_validate_section_json(const char *section, const uint8_t *json,
                                                                        size_t len, kartla_buffer *report);

#define KARTLA_VIEW_OPTIONS_VERSION 1
typedef struct kartla_view_options {
  uint32_t version;              /* KARTLA_VIEW_OPTIONS_VERSION */
  uint32_t include_work_ability; /* progress: 1 = also chart work_ability scores (health data); 0 = not */
  const char *language;          /* BCP 47 tag for instrument titles and labels ("sv", "fi"); NULL = "en" */
} kartla_view_options;

/* Sets the version and the defaults (work_ability left out, language NULL). */
KARTLA_API void kartla_view_options_init(kartla_view_options *options);

/* The views below read the sections they need from the record (decrypting them) and return text
 * in *out. `options` may be NULL (defaults). KARTLA_E_INVALID_ARGUMENT for an options version
 * this library does not know, include_work_ability other than 0 or 1, or a language tag that is
 * empty or longer than 35 bytes. Thread safety: as for every kartla_record call, not
 * concurrently with another call on the same record. */

/* Each indicator's movement over time (stegförflyttning), from the progress section's dated
 * assessments (and work_ability's with include_work_ability, which is left out otherwise):
 * one series per instrument, indicator, target (the goal a GAS score rates) and respondent, with
 * the first and latest date and value, the change, its direction on the instrument's scale and
 * the number of assessments. KARTLA_E_NOT_FOUND if the record holds none of those sections.
 *  _json: {"from", "to", "indicators": [{"section", "kind", "instrument", "instrument_version",
 *          "instrument_title", "placeholder_wording", "health_data", "indicator", "label", "target",
 *          "target_label", "respondent", "scale": {"min", "max", "higher_is_better", "min_label",
 *          "max_label"} or null, "first": {"date", "value"}, "latest": {...}, "change",
 *          "direction", "assessments", "points": [{"date", "value"}, ...]}, ...]}
 *  _text: a table per instrument.
 *  _svg:  a standalone SVG document, one small chart per series (layout in docs/MODEL.md). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_json(const kartla_record *record,
                                                                       const kartla_view_options *options,
                                                                       kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_text(const kartla_record *record,
                                                                       const kartla_view_options *options,
                                                                       kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_progress_svg(const kartla_record *record,
                                                                      const kartla_view_options *options,
                                                                      kartla_buffer *out);

/* The action plan: goals with their sub-goals nested, the activities serving each goal with the
 * responsible agency, phase, status and dates. KARTLA_E_NOT_FOUND without an action_plan section.
 *  _json: {"revision", "agreed_at", "participant_agreed", "current_step", "co_owners",
 *          "provenance", "goals": [{"id", "text", "status", "horizon", "target_date",
 *          "target_occupation", "target_education", "gas_levels", "provenance", "activities"
 *          (ids), "sub_goals": [...]}], "activities": [{"id", "title", "description", "type",
 *          "responsible", "responsible_role", "step", "status", "planned", "actual",
 *          "intervention_id", "goals", "provenance"}], "activities_without_goal" (ids)} */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_plan_json(const kartla_record *record,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_plan_text(const kartla_record *record,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);

/* The record as text for a person to read: coded values with the code systems' labels, dates as
 * dates, every entry's provenance marked. `section` NULL shows every section the record holds;
 * otherwise KARTLA_E_NOT_FOUND if the record does not hold it. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_show_text(const kartla_record *record, const char *section,
                                                                   const kartla_view_options *options,
                                                                   kartla_buffer *out);

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
 * `section`, as kartla_record_get_section returns them): what an attestation covers. *out receives
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
 * with JSON text {"verdict": "trusted" | "untrusted" | "invalid", "finding": NAME, "message": TEXT,
 * "entry_id", "issuer": {"name", "organisation_number", "fingerprint"} or null, "listed": {"name",
 * "organisation_number", "role", "valid_from", "valid_until"} or null, "claim": {...} or null,
 * "issued_at", "expires_at"} (findings: docs/SPEC.md §13.2). The status is KARTLA_OK for a valid
 * attestation, trusted or not (the verdict says which), and otherwise the class of the first
 * check that failed: KARTLA_E_FORMAT / _LIMIT / _VERSION (malformed), KARTLA_E_SIGNATURE (bad
 * signature, or made for another person, record, section or entry), KARTLA_E_INTEGRITY (the entry
 * changed), KARTLA_E_EXPIRED (expired, or dated in the future), KARTLA_E_SCHEMA (finding
 * "bad_claim": the claim breaks a content rule, as kartla_attestation_issue refuses it). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_attestation_verify(const uint8_t *attestation, size_t attestation_len,
                                                                     const kartla_entry_ref *ref,
                                                                     const uint8_t *trust_list, size_t trust_list_len,
                                                                     int64_t now, kartla_buffer *report);

/* ---------------------------------------------------------------------------------------------
 * Trust lists (docs/SPEC.md §13.3): a trust root's signed list of agency cards, each with the role
 * the root vouches for and a validity period, under a sequence number and an expiry.
 *
 * Thread safety: a kartla_trust_draft must not be used by two threads at once; the other
 * functions keep no state and may run on several threads at once.
 */

/* As kartla_identity_new, for a trust root (the identity that signs trust lists). `name` is
 * required (at most 256 bytes), e.g. "Kartla trust root, Region Skåne". */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_root_new(const char *name,
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
 * JSON text {"root": {"name", "fingerprint"}, "sequence", "issued_at", "expires_at", "agencies":
 * [{"name", "organisation_number", "fingerprint", "role", "valid_from", "valid_until"}]}.
 * KARTLA_E_FORMAT / _LIMIT / _VERSION malformed; KARTLA_E_SIGNATURE a bad signature or another
 * root (an expected_root_card that is an owner's or agency's card included: no list is signed by
 * it); KARTLA_E_ROLLBACK older than last_seen; KARTLA_E_EXPIRED expired. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_trust_list_verify(const uint8_t *trust_list, size_t trust_list_len,
                                                                    const uint8_t *expected_root_card,
                                                                    size_t expected_root_card_len, uint64_t last_seen,
                                                                    int64_t now, kartla_buffer *out);

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
 * *out receives JSON text {"contribution_id", "record_id", "section", "entry_id", "created_at",
 * "sender": {"name", "organisation_number", "role", "fingerprint"}, "claim": {...}, "content": the
 * section as JSON holding only the contributed entry}. KARTLA_E_AUTH not sealed to this owner or
 * damaged; KARTLA_E_SIGNATURE a bad signature or made for another person or record;
 * KARTLA_E_FORMAT / _LIMIT / _VERSION malformed; KARTLA_E_SCHEMA an unknown section or entry, or
 * a claim that breaks a content rule (as kartla_attestation_verify). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_contribution_describe_json(const kartla_identity *owner,
                                                                             const uint8_t *contribution,
                                                                             size_t contribution_len,
                                                                             const char *record_id, int64_t now,
                                                                             kartla_buffer *out);

/* Accepts a contribution into the owner's record (every check of kartla_contribution_describe_json,
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

/* The provenance of every entry of a section, as JSON text: {"section", "trust_list": null or
 * {"root", "root_fingerprint", "sequence", "expires_at"}, "entries": [{"entry_id", "provenance":
 * "self_declared" | "trusted" | "untrusted" | "invalid", "attestations": [reports as
 * kartla_attestation_verify]}],
 * "unmatched": [reports of attestations that name no entry here]}. trust_list: a trust-list file
 * or length 0 (then no issuer is trusted); it is verified at `now` (Unix seconds, 0 = now) and an
 * expired or bad list fails the call (KARTLA_E_EXPIRED, KARTLA_E_SIGNATURE, ...). Attestations
 * that do not hold are results in the JSON, not failures. KARTLA_E_NOT_FOUND if the record does
 * not hold the section; KARTLA_E_AUTH if `owner` is not the record's owner. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_provenance_json(const kartla_record *record,
                                                                         const kartla_identity *owner,
                                                                         const char *section,
                                                                         const uint8_t *trust_list,
                                                                         size_t trust_list_len, int64_t now,
                                                                         kartla_buffer *out);
/* As kartla_record_provenance_json, for an agency's share (the section must be readable by it:
 * KARTLA_E_NOT_SHARED / KARTLA_E_EXPIRED as for kartla_share_get_section). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_provenance_json(const kartla_share *share, const char *section,
                                                                        const uint8_t *trust_list,
                                                                        size_t trust_list_len, int64_t now,
                                                                        kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_KARTLA_H */
