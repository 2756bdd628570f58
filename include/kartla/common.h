/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: versions, status codes, errors, buffers, encodings and the list of sections.
 *
 * STABLE TIER (docs/API-STABILITY.md). Every other Kartla header includes this one; programs
 * include the umbrella kartla/kartla.h. C99, also valid C++.
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
 *  - Names: kartla_<object>_<verb> for what a function does to a handle (kartla_record_save),
 *    kartla_<object>_<noun> for what it reads from one (kartla_record_sequence,
 *    kartla_record_section); a constructor is kartla_<object>_new or _open, its options struct
 *    kartla_<function>_options with a _VERSION macro and an _init function.
 *
 * Thread safety: the only process-wide mutable state is an internal pool of secure memory for
 * small secrets, guarded by a lock (larger secure buffers are reused per thread, without one);
 * every function may be called from any thread.
 * Each handle type states what may be shared between threads.
 *
 * Errors and threads: the status a function returns is the whole verdict and is all a program
 * needs to decide what to do. The message that explains it (kartla_last_error) is kept per
 * operating-system thread, valid until the next Kartla call on that thread. A binding for a
 * runtime that moves work between OS threads must read the message on the thread that made the
 * failing call, before that thread makes another Kartla call:
 *  - Go: runtime.LockOSThread() around the call and the kartla_last_error() that follows it
 *    (as git2go does around libgit2's git_error_last);
 *  - Java (JNA), .NET (P/Invoke), Python, Node, Rust: make the call and kartla_last_error() one
 *    after the other in the same method, with nothing between them that can block. A Java
 *    virtual thread changes carrier thread only where it blocks, so it stays on one OS thread
 *    between the two calls.
 * tests/abi/last_error_threads.c checks that threads never see each other's messages.
 *
 * What was shared cannot be unshared: a revocation protects what is written afterwards only.
 */
#ifndef KARTLA_COMMON_H
#define KARTLA_COMMON_H

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
#define KARTLA_VERSION_MAJOR 1
#define KARTLA_VERSION_MINOR 0
#define KARTLA_VERSION_PATCH 0
#define KARTLA_VERSION_NUMBER (KARTLA_VERSION_MAJOR * 10000 + KARTLA_VERSION_MINOR * 100 + KARTLA_VERSION_PATCH)
#define KARTLA_VERSION_STRING "1.0.0"
/* The ABI version: the shared library's SOVERSION. It changes on any incompatible change. */
#define KARTLA_ABI_VERSION 1
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

/* A message describing the most recent failure on the calling thread, in English (its wording is
 * stable for logs; kartla_last_error_localized in kartla/experimental/errors.h gives the same
 * message in a person's language). Owned by the library, valid until the next Kartla call on this
 * thread; never NULL ("" before any failure). See "Errors and threads" above for runtimes that
 * move work between OS threads. */
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
 * Structured results. Every function that describes, verifies or reports writes one message of
 * proto/kartla/v1/results.proto (package kartla.v1; its comments say what each field means), named
 * in the function's comment, in the encoding the caller asks for:
 *  - KARTLA_ENCODING_PROTOBUF: the message's protobuf bytes, for the classes any protobuf
 *    generator makes from that file;
 *  - KARTLA_ENCODING_JSON: its standard protobuf JSON (text): the .proto field names as keys,
 *    every field present (64-bit integers as strings, enums by name, an unset message left out).
 * Any other value is KARTLA_E_INVALID_ARGUMENT.
 */
typedef enum kartla_encoding {
  KARTLA_ENCODING_PROTOBUF = 0,
  KARTLA_ENCODING_JSON = 1,
  /* Not an encoding. With it every int, negative ones included, is a value of the type, so that
   * an unknown value from a binding is KARTLA_E_INVALID_ARGUMENT rather than undefined
   * behaviour in the C++ implementation. */
  KARTLA_ENCODING_RANGE_ = -2147483647 - 1
} kartla_encoding;

/* ---------------------------------------------------------------------------------------------
 * Sections: the fixed list of record sections (static data, thread-safe).
 */
KARTLA_API size_t kartla_section_count(void);
/* The name of section `index` (0-based), static; NULL if index >= kartla_section_count(). */
KARTLA_API const char *kartla_section_name(size_t index);
/* *out = 1 if the section holds special-category (health) data that is never shared by a
 * wildcard, else 0. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_section_is_special_category(const char *section, int *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_COMMON_H */
