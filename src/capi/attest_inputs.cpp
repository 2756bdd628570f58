// SPDX-License-Identifier: Apache-2.0
#include "capi/attest_inputs.h"

#include <ctime>

#include "capi/guard.h"
#include "crypto/encoding.h"
#include "format/framing.h"
#include "format/limits.h"

namespace kartla::capi {

ByteView bounded_input(const uint8_t* data, size_t len, uint64_t max, const char* name) {
  if (len > max) fail(Code::limit, "%s is larger than its limit", {std::string(name)});
  return input_bytes(data, len, name);
}

uint64_t framed_limit(size_t payload_limit) { return format::kFramePrefixBytes + payload_limit; }

std::optional<attest::VerifiedTrustList> optional_trust_list(const uint8_t* data, size_t len, int64_t now) {
  const ByteView file = bounded_input(data, len, framed_limit(format::kMaxTrustListBytes), "trust_list");
  if (file.size == 0) return std::nullopt;
  return attest::verify_trust_list(file, {now, std::nullopt, ""});
}

int64_t time_or_now(int64_t t) { return t != 0 ? t : static_cast<int64_t>(std::time(nullptr)); }

std::string record_id_input(const char* hex, const char* name) {
  const auto id = crypto::from_hex(input_text(hex, name));
  if (!id || id->size() != format::kRecordIdBytes) fail(Code::invalid_argument, "%s is not 32 hex digits",
                                                        {std::string(name)});
  return *id;
}

}  // namespace kartla::capi
