/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Kartla: a portable, participant-owned competence-mapping record.
 *
 * The C ABI, the one interface of the library (C99, also valid C++). Bindings, the `kartla`
 * command-line tool and the WebAssembly build are built on it. The format it reads and writes is
 * specified in docs/SPEC.md; what each tier promises is in docs/API-STABILITY.md.
 *
 * This umbrella includes the STABLE tier, one header per concern:
 *   kartla/common.h    versions, status codes, errors, buffers, encodings, sections (house rules)
 *   kartla/identity.h  owner and agency identities, cards
 *   kartla/record.h    the owner's record; content validation
 *   kartla/share.h     grants, revocation, bundles; the agency's side
 *   kartla/verify.h    verification without keys
 * and, when KARTLA_EXPERIMENTAL is defined before it, the EXPERIMENTAL tier, which may change in
 * any release:
 *   kartla/experimental/agent.h         the passphrase key an agent keeps
 *   kartla/experimental/attest.h        attestations and provenance
 *   kartla/experimental/trust.h         trust roots and trust lists
 *   kartla/experimental/contribution.h  agencies' contributions
 *   kartla/experimental/coordination.h  case-conference bundles
 *   kartla/experimental/documents.h     documents as files: bytes in and out, never JSON
 *   kartla/experimental/errors.h        the last error in the reader's language
 *   kartla/experimental/followup.h      a programme's follow-up figures
 *   kartla/experimental/identity.h      identity additions (a passphrase at a new Argon2id cost)
 *   kartla/experimental/receipt.h       receipts of grants and their end
 *   kartla/experimental/views.h         progress, plan and the record as text
 *
 * YOUR PROCESS HOLDS SECRETS. The library keeps keys in guarded memory that it wipes, but
 * passphrases, section plaintext and the buffers it returns live in your process too, and the
 * library cannot protect them from the process itself. Before calling Kartla, a program should
 * (as the `kartla` tool does at start): turn core dumps off (setrlimit(RLIMIT_CORE) to 0, so a
 * crash does not write decrypted sections to disk), make itself non-dumpable on Linux
 * (prctl(PR_SET_DUMPABLE, 0), which also stops other processes of the same user from attaching
 * with ptrace or reading /proc/PID/mem), and ignore SIGPIPE if it writes secrets such as a
 * recovery code to a pipe, so that a closed pipe is an error it can handle rather than a death
 * that leaves an identity whose recovery code nobody saw.
 */
#ifndef KARTLA_KARTLA_H
#define KARTLA_KARTLA_H

#include "kartla/common.h"
#include "kartla/identity.h"
#include "kartla/record.h"
#include "kartla/share.h"
#include "kartla/verify.h"

#ifdef KARTLA_EXPERIMENTAL
#include "kartla/experimental/agent.h"
#include "kartla/experimental/attest.h"
#include "kartla/experimental/contribution.h"
#include "kartla/experimental/coordination.h"
#include "kartla/experimental/documents.h"
#include "kartla/experimental/errors.h"
#include "kartla/experimental/followup.h"
#include "kartla/experimental/identity.h"
#include "kartla/experimental/receipt.h"
#include "kartla/experimental/trust.h"
#include "kartla/experimental/views.h"
#endif

#endif /* KARTLA_KARTLA_H */
