// SPDX-License-Identifier: Apache-2.0
// Fuzz target: contributions as the owner opens them - the file frame, the ContributionFile, the
// sealed box (opened with the fixed owner key of fuzz_owner.h), the payload prefix, the strict
// SignedContribution and Contribution, the sender's card and signature, the recipient and record,
// the entry and the attestation inside - then the merge helpers on what opened. The same input is
// also signed with the fixed agency key as Contribution bytes and sealed to the owner, so
// mutations reach the checks behind the box and the signature. Only kartla::Error is caught.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attest/contribution.h"
#include "attest/section_entries.h"
#include "base/error.h"
#include "format/contribution_codec.h"
#include "format/limits.h"
#include "fuzz_attest.h"

namespace {

void check(kartla::ByteView file) {
  using namespace kartla;
  try {
    const attest::VerifiedContribution c =
        attest::open_contribution(fuzzing::owner_keys(), file, fuzzing::kAttestTime, fuzzing::record_id());
    const crypto::SecretBuffer merged = attest::with_attestation(
        *c.section, attest::with_entry(*c.section, ByteView(), c.entry.view()).view(), c.attestation);
    (void)attest::entry_ids(*c.section, merged.view());
  } catch (const Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  check(input);
  if (size + 4096 <= format::kMaxContributionBytes) {
    const std::string signature =
        crypto::sign_with_label(format::label::kContributionSignature, fuzzing::agency_signing_keys(), input);
    check(format::seal_contribution_file(input, signature, fuzzing::owner_box_keys().public_key));
  }
  return 0;
}
