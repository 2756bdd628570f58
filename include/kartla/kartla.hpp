// SPDX-License-Identifier: Apache-2.0
// Header-only C++17 wrapper over the Kartla C ABI (kartla/kartla.h), one header per concern like
// the C headers: kartla/common.hpp (errors, buffers), identity.hpp, record.hpp, share.hpp,
// verify.hpp, and with KARTLA_EXPERIMENTAL defined the experimental tier under
// kartla/experimental/. It adds no symbols of its own; see kartla/common.hpp for its rules.
#ifndef KARTLA_KARTLA_HPP
#define KARTLA_KARTLA_HPP

#include "kartla/kartla.h"

#include "kartla/common.hpp"
#include "kartla/identity.hpp"
#include "kartla/record.hpp"
#include "kartla/share.hpp"
#include "kartla/verify.hpp"

#ifdef KARTLA_EXPERIMENTAL
#include "kartla/experimental/attest.hpp"
#include "kartla/experimental/contribution.hpp"
#include "kartla/experimental/documents.hpp"
#include "kartla/experimental/receipt.hpp"
#include "kartla/experimental/trust.hpp"
#endif

#endif  // KARTLA_KARTLA_HPP
