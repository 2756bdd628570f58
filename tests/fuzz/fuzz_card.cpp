// SPDX-License-Identifier: Apache-2.0
// Fuzz target: public card files (strict decoding and the self-signature). Only kartla::Error is
// caught.
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "format/card_codec.h"
#include "format/fingerprint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  try {
    const format::SignedCard card = format::decode_card_file({data, size});
    (void)format::fingerprint(card.card.signing_key, card.card.encryption_key);
  } catch (const Error&) {
  }
  return 0;
}
