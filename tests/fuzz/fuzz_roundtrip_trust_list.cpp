// SPDX-License-Identifier: Apache-2.0
// Round-trip fuzz target for trust lists (fuzz_roundtrip.h): a trust-list file that decodes is
// written back from what was read (TrustList, SignedTrustList, frame) to the same bytes. The input
// is also signed with the fixed root key as TrustList bytes (fuzz_attest.h), so mutations reach
// the rules behind the signature.
#include <cstddef>
#include <cstdint>

#include "format/framing.h"
#include "format/limits.h"
#include "format/trust_list_codec.h"
#include "fuzz_attest.h"
#include "fuzz_roundtrip.h"

namespace {

using namespace kartla;

void list_round_trip(ByteView list_bytes) {
  const std::string signed_bytes =
      format::sign_envelope(format::SignedType::trust_list, fuzzing::root_signing_keys(), list_bytes);
  const auto list = fuzzing::accepted([&] { return format::decode_signed_trust_list(signed_bytes); });
  if (list) fuzzing::require_same_bytes(format::encode_trust_list(list->list), list_bytes, "a trust list");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  const auto file = fuzzing::accepted([&] { return format::decode_trust_list_file(input); });
  if (file)
    fuzzing::require_same_bytes(format::encode_trust_list_file(format::encode_signed_trust_list(
                                    format::encode_trust_list(file->list), file->signature)),
                                input, "a trust-list file");
  const auto payload = fuzzing::accepted(
      [&] { return format::unframe_small_file(input, format::FileType::trust_list, format::kMaxTrustListBytes); });
  if (payload) {
    fuzzing::envelope_round_trip(format::SignedType::trust_list, *payload);
    const auto envelope =
        fuzzing::accepted([&] { return format::decode_envelope(format::SignedType::trust_list, *payload); });
    if (envelope) list_round_trip(envelope->body);
  }
  fuzzing::envelope_round_trip(format::SignedType::trust_list, input);
  if (size <= format::kMaxTrustListBytes) list_round_trip(input);
  return 0;
}
