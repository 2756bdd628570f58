// SPDX-License-Identifier: Apache-2.0
// Round-trip fuzz target for contributions (fuzz_roundtrip.h): the input, signed with the fixed
// agency key as Contribution bytes and sealed to the fixed owner (fuzz_attest.h), must, if the
// owner opens it, be written back from what was opened (Contribution and entry) to the same
// bytes; and a SignedContribution envelope that decodes is written back unchanged. The sealed box
// itself has no round trip: it is new randomness every time it is made.
#include <cstddef>
#include <cstdint>

#include "format/contribution_codec.h"
#include "format/limits.h"
#include "fuzz_attest.h"
#include "fuzz_roundtrip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  fuzzing::envelope_round_trip(format::SignedType::contribution, input);
  if (size + 4096 > format::kMaxContributionBytes) return 0;
  const std::string file = format::sign_and_seal_contribution_file(input, fuzzing::agency_signing_keys(),
                                                                   fuzzing::owner_box_keys().public_key);
  const auto opened = fuzzing::accepted([&] { return format::open_contribution_file(fuzzing::owner_box_keys(), file); });
  if (opened)
    fuzzing::require_same_bytes(format::encode_contribution(opened->contribution, opened->entry.view()), input,
                                "a contribution");
  return 0;
}
