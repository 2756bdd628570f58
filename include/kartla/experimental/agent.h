/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: what an agent needs to spare a run of commands the passphrase's Argon2id cost.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_AGENT_H
#define KARTLA_EXPERIMENTAL_AGENT_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/agent.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/identity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * The passphrase key (docs/SPEC.md §4.1.3, docs/AGENT.md): the 32 bytes Argon2id derives from an
 * identity file's passphrase, salt and parameters. It opens that one file's passphrase wrap, and
 * nothing once the passphrase is changed (a new salt). Whoever holds it and the identity file
 * holds the identity's keys: keep it only in memory that is never written to disk, as
 * `kartla agent` does. The functions that give it out have "insecure_export" in their names so
 * that a search finds every use.
 *
 * Thread safety: none of these keeps state; each may run on several threads at once.
 */

/* The name under which an agent keeps the passphrase key of the identity file `file`: 32 bytes
 * in *out, a hash of the card, the Argon2id parameters, the salt and the passphrase wrap (never
 * of anything secret). KARTLA_E_FORMAT / KARTLA_E_LIMIT / KARTLA_E_VERSION for a file that is not
 * a valid identity file. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_passphrase_key_tag(const uint8_t *file, size_t file_len,
                                                                              kartla_buffer *out);

/* As kartla_identity_open, and *passphrase_key receives the passphrase key (32 bytes, in guarded
 * memory, wiped by kartla_buffer_free). On failure both outputs are empty. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_open_insecure_export_key(
    const uint8_t *file, size_t file_len, const uint8_t *passphrase, size_t passphrase_len, kartla_identity **out,
    kartla_buffer *passphrase_key);

/* Unlocks an identity file's bytes with its passphrase key instead of the passphrase: no
 * Argon2id. KARTLA_E_AUTH if the key does not open this file (another file, a changed
 * passphrase, a key of the wrong length), as for a wrong passphrase. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_open_with_passphrase_key(const uint8_t *file,
                                                                                    size_t file_len,
                                                                                    const uint8_t *key,
                                                                                    size_t key_len,
                                                                                    kartla_identity **out);

/* Copies `len` bytes into a library-allocated buffer in guarded memory (locked where the system
 * allows, wiped by kartla_buffer_free): for a program that must keep a secret it received
 * (an agent keeping a passphrase key) in the same memory the library keeps its own. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_buffer_copy(const uint8_t *data, size_t len, kartla_buffer *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KARTLA_EXPERIMENTAL_AGENT_H */
