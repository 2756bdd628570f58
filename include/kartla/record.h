/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: the owner's record: open, read, write, save; content validation.
 *
 * STABLE TIER (docs/API-STABILITY.md). Part of kartla/kartla.h; compiles on its own. The house
 * rules every function follows are in kartla/common.h.
 */
#ifndef KARTLA_RECORD_H
#define KARTLA_RECORD_H

#include "kartla/identity.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 * share bundle; signature, limit and format errors as for kartla_verification_open_file. The file is held
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
/* The sections the record holds, unknown ids (a newer writer's) included (docs/SPEC.md §5.1):
 * *out receives kartla.v1.SectionList. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_sections(const kartla_record *record,
                                                                  kartla_encoding encoding, kartla_buffer *out);
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
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_section(const kartla_record *record, const char *section,
                                                                     kartla_buffer *out);
/* The capacity a buffer needs for kartla_record_section_into: the section's padded length
 * (docs/SPEC.md §5.4), at least its content's length and at most 6.25 % (or the 1 KiB floor) above it; the
 * exact length is known only once the section is decrypted (*out_len of the read).
 * KARTLA_E_NOT_FOUND if the record does not hold it. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_section_size(const kartla_record *record,
                                                                      const char *section, size_t *out);
/* As kartla_record_section, decrypted straight into memory the caller owns: no allocation,
 * for large sections or many reads into one buffer. `out` has room for `capacity` bytes; *out_len
 * receives the content's length. KARTLA_E_INVALID_ARGUMENT if capacity is below
 * kartla_record_section_size. On any failure nothing of the section is left in `out` (the bytes it
 * would have used are wiped). The plaintext is then in memory of the caller's choosing, which the
 * caller should wipe when done; kartla_record_section keeps it in guarded, locked memory. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_section_into(const kartla_record *record,
                                                                          const char *section, uint8_t *out,
                                                                          size_t capacity, size_t *out_len);
/* As kartla_record_section, as protobuf JSON (text, snake_case field names). */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_section_json(const kartla_record *record,
                                                                          const char *section, kartla_buffer *out);
/* Removes a section. KARTLA_E_NOT_FOUND if absent. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_remove_section(kartla_record *record, const char *section);
/* Wipes the keys and releases the record. NULL is fine. */
KARTLA_API void kartla_record_free(kartla_record *record);

/* ---------------------------------------------------------------------------------------------
 * Content validation against the offline rules of docs/MODEL.md.
 *
 * kartla_record_set_section and kartla_record_set_section_json run the same validation and refuse
 * content that breaks any rule with KARTLA_E_SCHEMA, leaving the record unchanged; the message
 * names the first violation ("FIELD: RULE: MESSAGE") and how many follow.
 */

/* Validates section content given as protobuf bytes (kartla_validate_section) or protobuf JSON
 * (kartla_validate_section_json). Static data only: thread-safe.
 *
 * EXCEPTION to the house rule on outputs: *report is filled on KARTLA_OK and on KARTLA_E_SCHEMA
 * alike, with kartla.v1.ValidationReport: every violation in field order (none when valid).
 * Content that does not parse as the section's message (for JSON: protobuf's parser message) is
 * one violation with rule "schema-parse" and an empty field. On KARTLA_E_SCHEMA,
 * kartla_last_error() names the first violation. Other failures (KARTLA_E_INVALID_ARGUMENT for an
 * unknown section or encoding, KARTLA_E_LIMIT for content over the section size limit) leave
 * *report empty. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_validate_section(const char *section, const uint8_t *protobuf,
                                                                   size_t len, kartla_encoding encoding,
                                                                   kartla_buffer *report);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_validate_section_json(const char *section, const uint8_t *json,
                                                                        size_t len, kartla_encoding encoding,
                                                                        kartla_buffer *report);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_RECORD_H */
