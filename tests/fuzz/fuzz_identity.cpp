// SPDX-License-Identifier: Apache-2.0
// Fuzz target: identity files. Unlocking runs Argon2id (hundreds of milliseconds per input), so
// the target covers everything before it: framing, strict decoding, the Argon2id policy and the
// card the file carries. Only kartla::Error is caught.
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "format/card_codec.h"
#include "format/identity_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  try {
    const format::IdentityFile file = format::decode_identity_file({data, size});
    (void)format::decode_signed_card(file.signed_card);
    (void)format::encode_identity_file(file);
  } catch (const Error&) {
  }
  return 0;
}
