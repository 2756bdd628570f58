// SPDX-License-Identifier: Apache-2.0
// Round-trip fuzz target for receipts (fuzz_roundtrip.h): a receipt file that decodes is written
// back from what was read (Receipt, SignedReceipt, frame) to the same bytes. The input is also
// signed with the fixed owner key as Receipt bytes (fuzz_receipt.h), so mutations reach the rules
// behind the signature.
#include <cstddef>
#include <cstdint>

#include "format/framing.h"
#include "format/limits.h"
#include "format/receipt_codec.h"
#include "fuzz_receipt.h"
#include "fuzz_roundtrip.h"

namespace {

using namespace kartla;

void receipt_round_trip(ByteView receipt_bytes) {
  const std::string signed_bytes = fuzzing::signed_receipt_over(receipt_bytes.to_string());
  const auto r = fuzzing::accepted([&] { return format::decode_signed_receipt(signed_bytes); });
  if (r) fuzzing::require_same_bytes(format::encode_receipt(r->receipt), receipt_bytes, "a receipt");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  const auto file = fuzzing::accepted([&] { return format::decode_receipt_file(input); });
  if (file)
    fuzzing::require_same_bytes(
        format::encode_receipt_file(format::encode_signed_receipt(format::encode_receipt(file->receipt), file->signature)),
        input, "a receipt file");
  const auto payload = fuzzing::accepted(
      [&] { return format::unframe_small_file(input, format::FileType::receipt, format::kMaxReceiptBytes); });
  if (payload) {
    fuzzing::envelope_round_trip(format::SignedType::receipt, *payload);
    const auto envelope = fuzzing::accepted([&] { return format::decode_envelope(format::SignedType::receipt, *payload); });
    if (envelope) receipt_round_trip(envelope->body);
  }
  fuzzing::envelope_round_trip(format::SignedType::receipt, input);
  if (size <= format::kMaxReceiptBytes) receipt_round_trip(input);
  return 0;
}
