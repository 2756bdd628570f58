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
 *   kartla/experimental/attest.h        attestations and provenance
 *   kartla/experimental/trust.h         trust roots and trust lists
 *   kartla/experimental/contribution.h  agencies' contributions
 *   kartla/experimental/coordination.h  case-conference bundles
 *   kartla/experimental/receipt.h       receipts of grants and their end
 *   kartla/experimental/views.h         progress, plan and the record as text
 */
#ifndef KARTLA_KARTLA_H
#define KARTLA_KARTLA_H

#include "kartla/common.h"
#include "kartla/identity.h"
#include "kartla/record.h"
#include "kartla/share.h"
#include "kartla/verify.h"

#ifdef KARTLA_EXPERIMENTAL
#include "kartla/experimental/attest.h"
#include "kartla/experimental/contribution.h"
#include "kartla/experimental/coordination.h"
#include "kartla/experimental/receipt.h"
#include "kartla/experimental/trust.h"
#include "kartla/experimental/views.h"
#endif

#endif /* KARTLA_KARTLA_H */
