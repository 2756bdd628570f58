/* SPDX-License-Identifier: Apache-2.0 */
// A fixed receipt shared by the receipt fuzzer and its seed generator: made with the fixed owner
// keys of fuzz_owner.h for the fixed agency of fuzz_agency.h, so seeds pass every check and the
// fuzzer can sign what it mutates with the same owner key. Test data: never a real key.
#pragma once

#include <string>

#include "format/receipt_codec.h"
#include "fuzz_agency.h"
#include "fuzz_owner.h"

namespace kartla::fuzzing {

inline std::string owner_card_file_for_receipts() {
  const format::Card card{format::CardKind::owner, owner_signing_keys().public_key, owner_box_keys().public_key,
                          "", "", 0, 1700000000};
  const std::string bytes = format::encode_card(card);
  return format::encode_card_file(
      format::encode_signed_card(bytes, crypto::sign_with_label(format::label::kCardSignature, owner_signing_keys(), bytes)));
}

inline format::Receipt fixed_receipt(format::ReceiptKind kind, format::ReceiptEnd end) {
  format::Receipt r;
  r.kind = kind;
  r.record_id = std::string(16, '\x52');
  r.owner_signing_key = owner_signing_keys().public_key;
  r.owner_encryption_key = owner_box_keys().public_key;
  r.grant_id = std::string(16, '\x47');
  r.recipient_signing_key = agency_signing_keys().public_key;
  r.recipient_encryption_key = agency_box_keys().public_key;
  r.agency_name = "Fuzz kommun";
  r.sections = {"profile", "work_ability"};
  r.purpose = "kartläggning";
  r.gdpr_art6_basis = "6.1.e";
  r.gdpr_art9_basis = "9.2.b";
  r.granted_at = 1767225600;
  r.expires_at = end == format::ReceiptEnd::expired ? 1767225600 + 86400 : 0;
  if (kind == format::ReceiptKind::termination) {
    r.ended_at = 1767225600 + 2 * 86400;
    r.end_reason = end;
  }
  r.sequence = 7;
  r.manifest_hash = std::string(32, '\x48');
  return r;
}

inline std::string signed_receipt_over(const std::string& receipt_bytes) {
  return format::encode_signed_receipt(
      receipt_bytes, crypto::sign_with_label(format::label::kReceiptSignature, owner_signing_keys(), receipt_bytes));
}

}  // namespace kartla::fuzzing
