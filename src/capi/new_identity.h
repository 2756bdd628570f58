/* SPDX-License-Identifier: Apache-2.0 */
// What kartla_identity_new, kartla_identity_new_agency and kartla_identity_new_trust_root share: the identity
// options, and the creation itself with its error mapping.
#pragma once

#include <cstddef>
#include <cstdint>

#include "identity/identity.h"
#include "kartla/kartla.h"

namespace kartla::capi {

// Checks `options` (NULL = the defaults) and copies its Argon2id cost and creation time into
// `params`. Error(invalid_argument) for a wrong version.
void apply_identity_options(const kartla_identity_options* options, identity::NewIdentity& params);

// Creates the identity and hands it out: *out and the recovery code, or neither. Nothing is
// parsed here, so a format or limit complaint (Argon2id cost outside 3..16 passes or 64..1024
// MiB, a name too long) is about the caller's arguments: Error(invalid_argument).
void create_identity_for_caller(const identity::NewIdentity& params, const uint8_t* passphrase, size_t passphrase_len,
                                kartla_identity** out, kartla_buffer* recovery_code);

}  // namespace kartla::capi
