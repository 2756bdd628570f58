// SPDX-License-Identifier: Apache-2.0
// Fuzz target: attestations - the file frame, the strict SignedAttestation and Attestation, the
// issuer's card and signature, then every binding, time and trust check against a fixed entry
// (fuzz_attest.h). Because the fuzzer cannot forge the agency's signature, the same input is also
// signed with the fixed agency key as Attestation bytes, so mutations reach the checks behind the
// signature; and it is parsed as claim JSON. Only kartla::Error is caught.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attest/attestation.h"
#include "attest/trust_list.h"
#include "base/error.h"
#include "format/attestation_codec.h"
#include "format/limits.h"
#include "fuzz_attest.h"

namespace {

void check(kartla::ByteView signed_attestation) {
  using namespace kartla;
  static const std::string entry = fuzzing::competence_entry();
  static const attest::VerifiedTrustList trust =
      attest::verify_trust_list(fuzzing::trust_list_file(), {fuzzing::kAttestTime, std::nullopt, ""});
  const attest::AttestationCheck c =
      attest::verify_attestation(signed_attestation, fuzzing::competence_subject(), entry, fuzzing::kAttestTime, &trust);
  (void)attest::finding_name(c.finding);
  if (c.attestation) (void)format::claim_to_json(c.attestation->attestation.claim);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  try {
    check(attest::attestation_from_file(input));
  } catch (const Error&) {
  }
  check(input);
  if (size <= format::kMaxAttestationBytes) {
    const std::string signature =
        crypto::sign_with_label(format::label::kAttestationSignature, fuzzing::agency_signing_keys(), input);
    check(format::encode_signed_attestation(input, signature));
  }
  try {
    (void)format::claim_from_json(input.as_string_view());
  } catch (const Error&) {
  }
  return 0;
}
