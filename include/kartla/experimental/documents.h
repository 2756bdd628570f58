/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: documents as files (certificates, validation reports, CVs as PDF).
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_DOCUMENTS_H
#define KARTLA_EXPERIMENTAL_DOCUMENTS_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/documents.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/share.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Documents (docs/SPEC.md §5.6). A document's exact bytes go in and come out as bytes, never as
 * JSON or base64: each is one entry of the documents section, with its size and SHA-256, and
 * is encrypted, signed and shared with that section. Listings carry metadata and the size only.
 *
 * Thread safety: as the handle they take (kartla_record: one thread at a time; kartla_share:
 * any number of threads at once).
 *
 * Threads of the library's own: the streamed reads (the *_to_file and *_to_callback functions)
 * compute a document's SHA-256 on a second thread once more than 256 KiB of it has arrived, so
 * that the check costs no wall-clock time on a second core. The thread is started and joined
 * within the call: none is left running when a function returns, and none is ever started by
 * any other function. If the system refuses a thread, the hash is computed on the caller's
 * thread with the same result.
 */
#define KARTLA_DOCUMENT_OPTIONS_VERSION 1
typedef struct kartla_document_options {
  uint32_t version;       /* KARTLA_DOCUMENT_OPTIONS_VERSION */
  const char *title;      /* NULL = none */
  /* A kartla.v1.DocumentEntry.Kind name as protobuf JSON writes it ("DIPLOMA",
   * "OCN_CERTIFICATE", "MEDICAL_STATEMENT", ...); NULL = "OTHER". */
  const char *kind;
  const char *media_type; /* type/subtype, e.g. "application/pdf"; NULL = "application/octet-stream" */
  /* 1: the document is health data (GDPR Art. 9); required for MEDICAL_STATEMENT. It then makes
   * the documents section special category for sharing (docs/SPEC.md §5.1). 0 (default): not. */
  uint32_t health_data;
} kartla_document_options;

KARTLA_API void kartla_document_options_init(kartla_document_options *options);

/* Adds `content` (len bytes, copied; len 0 is an empty file) as a new document of the record
 * (the documents section is created if absent); *id receives its id (text). Its assertion says the
 * participant added it (SELF_REPORTED) at the record's clock (kartla_record_set_clock). The change
 * reaches the disk with kartla_record_save. KARTLA_E_INVALID_ARGUMENT for an unknown kind or options version;
 * KARTLA_E_SCHEMA if the entry breaks a content rule (a malformed media type, a medical statement
 * without health_data); KARTLA_E_LIMIT if the documents section would exceed the section size
 * limit (docs/SPEC.md §9). The record is unchanged on failure. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_add_document(kartla_record *record, const uint8_t *content,
                                                                      size_t len,
                                                                      const kartla_document_options *options,
                                                                      kartla_buffer *id);
/* As kartla_record_add_document with the content of the file at `path` (a regular file; symlinks
 * are followed), read from disk once, straight into its place in the new documents section, which
 * is then encrypted where it lies: the memory it takes is about one documents section, not the
 * several copies that holding the file in memory and passing it to kartla_record_add_document
 * costs. The section is the same, byte for byte, as kartla_record_add_document makes from the same
 * bytes. The size comes from the open file (fstat) before anything is allocated, so a file above
 * the section size limit is refused with KARTLA_E_LIMIT without a byte of it being read; the new
 * entry's content rules are checked before the file is read as well. Errors as
 * kartla_record_add_document, and: KARTLA_E_IO if the file cannot be opened or read;
 * KARTLA_E_INVALID_ARGUMENT if it is not a regular file (a directory, a FIFO, a device: read those
 * into memory and use kartla_record_add_document); KARTLA_E_FORMAT ("... changed size while it
 * was read") if the file grows or shrinks while it is read. If its bytes change in place while it
 * is read (the same size), the entry's SHA-256 and size are those of the bytes as read, so the
 * document is always the content its entry describes, though perhaps neither the old file nor the
 * new one. The record is unchanged on failure. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_add_document_file(kartla_record *record, const char *path,
                                                                           const kartla_document_options *options,
                                                                           kartla_buffer *id);
/* The exact bytes of document `id`, in guarded memory, checked against the entry's size and
 * SHA-256. KARTLA_E_NOT_FOUND if the record holds no such document (or it holds only a reference
 * to a copy kept elsewhere); KARTLA_E_INTEGRITY if the section fails authentication or the bytes
 * do not match their entry. Nothing is returned on failure. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_document(const kartla_record *record, const char *id,
                                                                  kartla_buffer *out);
/* The documents without their content: *out receives kartla.v1.Documents whose entries hold
 * every field but inline_content (size_bytes and sha256 say what the content is, as the owner's
 * signed entry records them: a listing reads no content, so they are checked against the bytes
 * when the document itself is read); attestations are left out. An empty list if the record holds no documents section. The section is read as it is
 * decrypted (docs/SPEC.md §5.6, "Streamed reading"), keeping the metadata only: the memory it
 * needs does not grow with the documents' sizes. A section that is not a documents message
 * (or uses a protobuf group field, which no Kartla schema has) is KARTLA_E_SCHEMA. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_documents(const kartla_record *record,
                                                                   kartla_encoding encoding, kartla_buffer *out);
/* Removes document `id`. KARTLA_E_NOT_FOUND if there is none. The change reaches the disk with
 * kartla_record_save; copies saved or shared before keep it. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_remove_document(kartla_record *record, const char *id);

/* Writes document `id`'s exact bytes to the file `path`, whole or not at all, with a fixed amount
 * of memory whatever the document's size (docs/SPEC.md §5.6, "Streamed reading"): the saved
 * section is read once, hashed, authenticated and decrypted piece by piece into a temporary file
 * (mode 0600) in path's folder, and that file becomes `path` only after the whole section has
 * authenticated and the document matched its size and SHA-256; on any failure it is removed and
 * `path` is untouched. replace = 0: KARTLA_E_INVALID_ARGUMENT if `path` exists (checked when the
 * file is put in place); 1: an existing file is replaced. Errors as kartla_record_document, and
 * KARTLA_E_IO if the file cannot be written. A document added since the last save is written
 * from memory. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_document_to_file(const kartla_record *record, const char *id,
                                                                          const char *path, int replace);

/* Reading a document into a callback, with nothing released before it is authentic (docs/SPEC.md
 * §5.6, "Streamed reading into a callback"). The callback receives events in this order:
 *  - KARTLA_DOCUMENT_DATA (len > 0): the next bytes of the document, in order, with no gaps. The
 *    bytes are borrowed: valid during the call only (the library's guarded buffer is reused for
 *    the next piece and wiped at the end).
 *  - KARTLA_DOCUMENT_DISCARD (data NULL, len 0), at most once and last: the read failed after
 *    DATA was delivered; what was delivered is an incomplete prefix of the document and must be
 *    thrown away. Its return value is ignored.
 * The callback returns 0 to go on; any other value stops the read, which then returns
 * KARTLA_E_IO ("the receiver refused the bytes"; kartla_last_error says which value it returned),
 * after the DISCARD event. An empty document makes no call at all.
 * Why a callback needs more than one pass: the library first reads the whole saved section,
 * authenticates it and checks the document's size and SHA-256, remembering a keyed hash of each
 * 64 KiB piece of ciphertext (no plaintext is kept); only then does it read the pieces that hold
 * the document again, and releases each only if it is byte for byte the piece it authenticated.
 * So every byte DATA delivers was authenticated and belongs where it is delivered, even if the
 * file changes while it is read; a file changed between or during the passes stops the read with
 * KARTLA_E_INTEGRITY (then DISCARD), a file cut short with KARTLA_E_FORMAT or KARTLA_E_IO.
 * Memory: one 64 KiB piece at a time and 32 bytes per 64 KiB of the section, whatever the
 * document's size. Time: about twice a read to a file (the document is read, hashed and
 * decrypted twice); kartla_record_document_to_file is the one-pass way when a file is wanted.
 * Errors otherwise as kartla_record_document. The callback must not call Kartla functions on the
 * same handle. A document added since the last save is read from memory. */
typedef enum kartla_document_event {
  KARTLA_DOCUMENT_DATA = 1,
  KARTLA_DOCUMENT_DISCARD = 2
} kartla_document_event;
typedef int32_t (*kartla_document_callback)(void *context, kartla_document_event event, const uint8_t *data,
                                            size_t len);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_record_document_to_callback(const kartla_record *record, const char *id,
                                                                       kartla_document_callback callback,
                                                                       void *context);

/* The agency's side, with the checks and errors of kartla_share_section for the documents
 * section (KARTLA_E_NOT_SHARED, KARTLA_E_EXPIRED, KARTLA_E_INTEGRITY), at time `at` (Unix
 * seconds; 0 = now), then as kartla_record_document and kartla_record_documents. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_document(const kartla_share *share, const char *id,
                                                                 int64_t at, kartla_buffer *out);
/* As kartla_record_document_to_file, for an agency. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_document_to_file(const kartla_share *share, const char *id,
                                                                         int64_t at, const char *path, int replace);
/* As kartla_record_document_to_callback, for an agency. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_document_to_callback(const kartla_share *share, const char *id,
                                                                      int64_t at, kartla_document_callback callback,
                                                                      void *context);
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_share_documents(const kartla_share *share, int64_t at,
                                                                  kartla_encoding encoding, kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_DOCUMENTS_H */
