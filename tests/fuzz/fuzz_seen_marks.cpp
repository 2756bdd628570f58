// SPDX-License-Identifier: Apache-2.0
// Fuzz target: what an owner remembers of the versions seen (docs/SPEC.md §8.1). The first byte
// picks the way in: even, the rest is a state file ('S') read for a fixed identity; odd, the rest
// is the plaintext of the sealed marks, sealed with a fixed data key and opened again, so the
// padding and the strict SeenMarks parsing behind the AEAD are reached too. Only kartla::Error is
// caught.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "crypto/secret_buffer.h"
#include "format/labels.h"
#include "format/seen_marks_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  if (size == 0) return 0;
  static const crypto::SecretBuffer data_key = crypto::SecretBuffer::copy_of(std::string(32, 'k'));
  static const std::string card(100, 'c');
  static const std::string signing_key(32, 's');
  const ByteView rest{data + 1, size - 1};
  try {
    if (data[0] % 2 == 0) {
      (void)format::open_seen_marks(data_key, card, format::decode_seen_file(rest, signing_key));
    } else {
      // Seal the input as the writer would (its own padding), then read it back.
      crypto::SecretBuffer padded(static_cast<size_t>(crypto::padded_size(rest.size)));
      for (size_t i = 0; i < rest.size; ++i) padded.data()[i] = rest.data[i];
      crypto::pad_in_place(padded.data(), rest.size);
      std::string ad(format::label::kSeenMarksAd);
      ad.push_back('\0');
      ad += card;
      const std::string sealed = crypto::aead_seal(
          crypto::derive_subkey(data_key, format::label::kSeenMarksKeyContext, 0), padded.view(), ad);
      (void)format::open_seen_marks(data_key, card, sealed);
    }
  } catch (const Error&) {
  }
  return 0;
}
