/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla C ABI: additions to identities (kartla/identity.h) on their way to the stable tier.
 *
 * EXPERIMENTAL TIER (docs/API-STABILITY.md): these functions may change or go in any release,
 * and are exported under the version node KARTLA_EXPERIMENTAL. Define KARTLA_EXPERIMENTAL before
 * including kartla/kartla.h (or this header) to use them.
 */
#ifndef KARTLA_EXPERIMENTAL_IDENTITY_H
#define KARTLA_EXPERIMENTAL_IDENTITY_H

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/identity.h is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include "kartla/identity.h"

#ifdef __cplusplus
extern "C" {
#endif

/* As kartla_identity_set_passphrase, at the Argon2id cost `options` gives (kdf_opslimit and
 * kdf_memlimit_mib, with kartla_identity_new's defaults for 0 and its limits; created_at is not
 * used) instead of the cost the file had. NULL options means the defaults, not the old cost. A
 * person who recovers an identity on a phone can so give it a cost the phone manages, and one
 * moving to a desktop a higher one. KARTLA_E_INVALID_ARGUMENT for a wrong options version or a
 * cost outside the limits (the identity is then unchanged). Thread safety: as
 * kartla_identity_set_passphrase, it needs exclusive use of the identity. */
KARTLA_MUST_CHECK KARTLA_API kartla_status kartla_identity_set_passphrase_with_options(
    kartla_identity *identity, const kartla_identity_options *options, const uint8_t *passphrase,
    size_t passphrase_len);

#ifdef __cplusplus
}
#endif

#endif /* KARTLA_EXPERIMENTAL_IDENTITY_H */
