/* SPDX-License-Identifier: Apache-2.0 */
// Receipts (docs/SPEC.md §7.6): the owner's signed statement that a grant was made (a grant
// receipt) or that it ended, when and why (a termination receipt). The signed bytes bind the
// owner's keys, the record, the grant, the agency it was for, its terms and the saved record
// version the receipt was made from, so an agency can keep it, offline, as the owner's word.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "crypto/sign.h"

namespace kartla::format {

enum class ReceiptKind : uint32_t { grant = 1, termination = 2 };
// Why a grant ended (termination receipts only); none on a grant receipt.
enum class ReceiptEnd : uint32_t { none = 0, revoked = 1, expired = 2 };

// "grant" / "termination"; "revoked" / "expired" ("" for none).
std::string_view receipt_kind_name(ReceiptKind kind);
std::string_view receipt_end_name(ReceiptEnd end);

struct Receipt {
  ReceiptKind kind = ReceiptKind::grant;
  std::string record_id;             // 16
  std::string owner_signing_key;     // 32: the key the receipt is signed with
  std::string owner_encryption_key;  // 32
  std::string grant_id;              // 16
  std::string recipient_signing_key;     // 32: the agency card's keys
  std::string recipient_encryption_key;  // 32
  std::string agency_name;
  std::vector<std::string> sections;  // section names, as the sharing ledger lists them
  std::string purpose;
  std::string gdpr_art6_basis;  // "6.1.a".."6.1.f"
  std::string gdpr_art9_basis;  // "9.2.a".."9.2.j" or empty
  int64_t granted_at = 0;
  int64_t expires_at = 0;  // 0: until revoked
  int64_t ended_at = 0;    // terminations only
  ReceiptEnd end_reason = ReceiptEnd::none;
  uint64_t sequence = 0;      // the saved record version it was made from
  std::string manifest_hash;  // H("kartla/v1/manifest-hash", that version's manifest), 32
};

struct SignedReceipt {
  std::string receipt_bytes;  // exact bytes covered by the signature
  std::string signature;
  Receipt receipt;
};

// Canonical Receipt bytes, ready to sign. Refuses (Error(invalid_argument), or Error(limit) for
// an over-long agency name) anything a reader would reject, so the owner never signs a receipt
// nobody can read.
std::string encode_receipt(const Receipt& receipt);
std::string encode_signed_receipt(ByteView receipt_bytes, ByteView signature);
// encode_receipt, signed by the owner (whose key the receipt names), framed as a file ('X').
std::string sign_receipt_file(const Receipt& receipt, const crypto::SigningKeyPair& owner);
// The framed file ('X').
std::string encode_receipt_file(ByteView signed_receipt_bytes);

// SPEC §7.6 steps 1-4: the frame, strict SignedReceipt and Receipt, the field rules and the
// signature by receipt.owner_signing_key. Error(format, limit, version) for a malformed receipt,
// Error(signature) for a signature that fails. Says nothing about whose receipt it should be: the
// caller pins the owner and the agency (share/receipt.h).
SignedReceipt decode_receipt_file(ByteView file);
// Steps 2-4 on the SignedReceipt bytes (the file without its frame).
SignedReceipt decode_signed_receipt(ByteView signed_receipt_bytes);

}  // namespace kartla::format
