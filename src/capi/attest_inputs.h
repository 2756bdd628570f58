/* SPDX-License-Identifier: Apache-2.0 */
// The inputs the attestation, trust-list, contribution and provenance functions share: bounded
// files, optional trust lists, times and record ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "attest/trust_list.h"
#include "base/bytes.h"

namespace kartla::capi {

// A bounded input: refused from the length alone, before any byte is read.
ByteView bounded_input(const uint8_t* data, size_t len, uint64_t max, const char* name);
// The limit of a framed file whose payload has this limit.
uint64_t framed_limit(size_t payload_limit);
// A trust-list input of length 0 is none; otherwise it is verified at `now` (no rollback check,
// any root).
std::optional<attest::VerifiedTrustList> optional_trust_list(const uint8_t* data, size_t len, int64_t now);
// 0 means "now" throughout the C ABI.
int64_t time_or_now(int64_t t);
// A record id given as 32 hex digits.
std::string record_id_input(const char* hex, const char* name);

}  // namespace kartla::capi
