// SPDX-License-Identifier: Apache-2.0
// Fuzz target: receipts (docs/SPEC.md §7.6) - the file frame, the strict SignedReceipt and
// Receipt, the field rules, the owner's signature, then the owner and agency pins. Because the
// fuzzer cannot forge the owner's signature, the same input is also signed with the fixed owner
// key as Receipt bytes, so mutations reach the rules behind the signature. Only kartla::Error is
// caught.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/error.h"
#include "format/limits.h"
#include "format/receipt_codec.h"
#include "fuzz_receipt.h"
#include "share/receipt.h"

namespace {

void check(kartla::ByteView file) {
  using namespace kartla;
  static const std::string owner = fuzzing::owner_card_file_for_receipts();
  static const std::string agency = fuzzing::agency_card_file();
  try {
    const format::SignedReceipt r = share::verify_receipt(file, owner, agency);
    (void)format::receipt_kind_name(r.receipt.kind);
    (void)format::receipt_end_name(r.receipt.end_reason);
  } catch (const Error&) {
  }
  try {
    (void)share::verify_receipt(file, {}, {});
  } catch (const Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  check(input);
  if (size <= format::kMaxReceiptBytes) {
    try {
      check(format::encode_receipt_file(fuzzing::signed_receipt_over(input.to_string())));
    } catch (const Error&) {
    }
  }
  return 0;
}
