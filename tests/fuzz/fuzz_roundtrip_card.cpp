// SPDX-License-Identifier: Apache-2.0
// Round-trip fuzz target for cards (fuzz_roundtrip.h): a card file that decodes is written back
// from what was read (Card, SignedCard, frame) to the same bytes. Because the fuzzer cannot forge
// a self-signature, the input and the card inside a card file are also signed with the fixed
// owner key (fuzz_owner.h), so mutations of the Card reach the check behind the signature.
#include <cstddef>
#include <cstdint>

#include "format/card_codec.h"
#include "format/framing.h"
#include "format/limits.h"
#include "fuzz_owner.h"
#include "fuzz_roundtrip.h"

namespace {

using namespace kartla;

void card_round_trip(ByteView card_bytes) {
  const std::string signed_card =
      format::sign_envelope(format::SignedType::card, fuzzing::owner_signing_keys(), card_bytes);
  const auto card = fuzzing::accepted([&] { return format::decode_signed_card(signed_card); });
  if (card) fuzzing::require_same_bytes(format::encode_card(card->card), card_bytes, "a card");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  const auto file = fuzzing::accepted([&] { return format::decode_card_file(input); });
  if (file)
    fuzzing::require_same_bytes(
        format::encode_card_file(format::encode_signed_card(format::encode_card(file->card), file->signature)), input,
        "a card file");
  const auto payload = fuzzing::accepted(
      [&] { return format::unframe_small_file(input, format::FileType::card, format::kMaxSmallFileBytes); });
  if (payload) {
    fuzzing::envelope_round_trip(format::SignedType::card, *payload);
    const auto envelope = fuzzing::accepted([&] { return format::decode_envelope(format::SignedType::card, *payload); });
    if (envelope) card_round_trip(envelope->body);
  }
  fuzzing::envelope_round_trip(format::SignedType::card, input);
  if (size <= format::kMaxSmallFileBytes) card_round_trip(input);
  return 0;
}
