// SPDX-License-Identifier: Apache-2.0
// Round-trip fuzz target for attestations (fuzz_roundtrip.h): an attestation file that decodes is
// written back from what was read (Attestation, SignedAttestation, frame) to the same bytes. The
// input is also signed with the fixed agency key as Attestation bytes (fuzz_attest.h), so
// mutations reach the rules behind the signature.
#include <cstddef>
#include <cstdint>

#include "format/attestation_codec.h"
#include "format/limits.h"
#include "fuzz_attest.h"
#include "fuzz_roundtrip.h"

namespace {

using namespace kartla;

void attestation_round_trip(ByteView attestation_bytes) {
  const std::string signed_bytes =
      format::sign_envelope(format::SignedType::attestation, fuzzing::agency_signing_keys(), attestation_bytes);
  const auto a = fuzzing::accepted([&] { return format::decode_signed_attestation(signed_bytes); });
  if (a) fuzzing::require_same_bytes(format::encode_attestation(a->attestation), attestation_bytes, "an attestation");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  const auto payload = fuzzing::accepted([&] { return format::unframe_attestation_file(input); });
  if (payload) {
    const auto a = fuzzing::accepted([&] { return format::decode_signed_attestation(*payload); });
    if (a)
      fuzzing::require_same_bytes(format::encode_attestation_file(format::encode_signed_attestation(
                                      format::encode_attestation(a->attestation), a->signature)),
                                  input, "an attestation file");
    fuzzing::envelope_round_trip(format::SignedType::attestation, *payload);
    const auto envelope =
        fuzzing::accepted([&] { return format::decode_envelope(format::SignedType::attestation, *payload); });
    if (envelope) attestation_round_trip(envelope->body);
  }
  fuzzing::envelope_round_trip(format::SignedType::attestation, input);
  if (size <= format::kMaxAttestationBytes) attestation_round_trip(input);
  return 0;
}
