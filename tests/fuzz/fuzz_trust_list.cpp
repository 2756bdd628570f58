// SPDX-License-Identifier: Apache-2.0
// Fuzz target: trust lists - the file frame, the strict SignedTrustList and TrustList, the root's
// and every agency's card, the signature, rollback and expiry, and the next-version draft. The
// same input is also signed with the fixed root key as TrustList bytes, so mutations reach the
// checks behind the signature. Only kartla::Error is caught.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attest/trust_list.h"
#include "base/error.h"
#include "format/limits.h"
#include "format/trust_list_codec.h"
#include "fuzz_attest.h"

namespace {

void check(kartla::ByteView file) {
  using namespace kartla;
  try {
    const attest::VerifiedTrustList list = attest::verify_trust_list(file, {fuzzing::kAttestTime, 2, ""});
    (void)list.find(fuzzing::agency_signing_keys().public_key, fuzzing::agency_box_keys().public_key);
    (void)attest::next_version(file);
  } catch (const Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  check(input);
  if (size <= format::kMaxTrustListBytes) {
    const std::string signature =
        crypto::sign_with_label(format::label::kTrustListSignature, fuzzing::root_signing_keys(), input);
    check(format::encode_trust_list_file(format::encode_signed_trust_list(input, signature)));
  }
  return 0;
}
