// SPDX-License-Identifier: Apache-2.0
// Fuzz target: share bundles (and record files) as an agency opens them - framing, strict
// parsing, the owner's signature, listed entries and grants, trial unwrapping of every grant and
// its slot secrets against the slot table, then each granted section (slot, key commitment, hash,
// AEAD, padding, expiry) - plus the grant parser itself: the same input, sealed to the fuzzer's
// agency, is opened as a grant's (padded) plaintext, since the
// fuzzer cannot forge the owner's signature to get a mutated grant listed. Every input must end
// in success or a kartla::Error; only kartla::Error is caught, so the fuzzer sees everything else.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/error.h"
#include "format/byte_source.h"
#include "format/grant_codec.h"
#include "fuzz_agency.h"
#include "model/section_registry.h"
#include "share/agency_view.h"

namespace {

// The seeds' grants were made at 1700000000; some expire at 1800000000.
constexpr int64_t kTimes[] = {1700000100, 1900000000};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  try {
    const share::AgencyView view = share::AgencyView::open(
        std::make_shared<format::OwnedMemorySource>(input.to_string()), fuzzing::agency_box_keys(),
        fuzzing::agency_signing_keys().public_key);
    for (const auto& granted : view.granted()) {
      if (granted.info == nullptr) continue;
      for (int64_t at : kTimes) {
        try {
          (void)view.read_section(*granted.info, at);
        } catch (const Error&) {
        }
      }
    }
    // The not-shared path builds its message from what is granted.
    try {
      (void)view.read_section(model::section_by_name("sharing_ledger"), kTimes[0]);
    } catch (const Error&) {
    }
  } catch (const Error&) {
  }
  if (size <= format::kMaxGrantBytes - crypto::kSealOverhead) {
    try {
      (void)format::open_grant(fuzzing::agency_box_keys(), fuzzing::agency_signing_keys().public_key,
                               crypto::seal_to(fuzzing::agency_box_keys().public_key, input));
    } catch (const Error&) {
    }
  }
  return 0;
}
