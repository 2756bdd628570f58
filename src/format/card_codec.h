/* SPDX-License-Identifier: Apache-2.0 */
// Public cards: an identity's public keys and, for agencies, who they are; self-signed so the
// encryption key is bound to the signing key (docs/SPEC.md §4.2).
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "crypto/sign.h"

namespace kartla::format {

enum class CardKind : uint32_t { owner = 1, agency = 2, trust_root = 3 };

struct Card {
  CardKind kind = CardKind::owner;
  std::string signing_key;     // 32
  std::string encryption_key;  // 32
  std::string name;
  std::string organisation_number;
  uint32_t role = 0;
  int64_t created_at = 0;
};

struct SignedCard {
  std::string card_bytes;  // exact bytes covered by the signature
  std::string signature;
  Card card;
};

std::string encode_card(const Card& card);
// The SignedCard of `card`, self-signed with `signer` (whose public key the card must carry).
std::string sign_card(const Card& card, const crypto::SigningKeyPair& signer);
// SignedCard bytes from their parts: a card re-embedded in an attestation or a list, or a forgery.
std::string encode_signed_card(ByteView card_bytes, ByteView signature);
std::string encode_signed_card(const SignedCard& card);

// Strict decoding plus the self-signature check (Error(signature) if it fails).
SignedCard decode_signed_card(ByteView signed_card_bytes);

// Card files: the framed SignedCard.
std::string encode_card_file(ByteView signed_card_bytes);
SignedCard decode_card_file(ByteView file);

}  // namespace kartla::format
