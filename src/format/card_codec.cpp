// SPDX-License-Identifier: Apache-2.0
#include "format/card_codec.h"

#include "base/error.h"
#include "format/framing.h"
#include "format/limits.h"
#include "format/signed_envelope.h"
#include "format/strict_parse.h"
#include "kartla/v1/container.pb.h"

namespace kartla::format {

namespace pb = kartla::v1::container;

std::string encode_card(const Card& card) {
  pb::Card msg;
  msg.set_format_version(kFormatVersion);
  msg.set_kind(static_cast<uint32_t>(card.kind));
  msg.set_signing_key(card.signing_key);
  msg.set_encryption_key(card.encryption_key);
  msg.set_name(card.name);
  msg.set_organisation_number(card.organisation_number);
  msg.set_role(card.role);
  msg.set_created_at(card.created_at);
  return msg.SerializeAsString();
}

std::string sign_card(const Card& card, const crypto::SigningKeyPair& signer) {
  return sign_envelope(SignedType::card, signer, encode_card(card));
}

std::string encode_signed_card(ByteView card_bytes, ByteView signature) {
  return encode_envelope(SignedType::card, card_bytes, signature);
}

std::string encode_signed_card(const SignedCard& card) { return encode_signed_card(card.card_bytes, card.signature); }

SignedCard decode_signed_card(ByteView signed_card_bytes) {
  Envelope outer = decode_envelope(SignedType::card, signed_card_bytes);
  pb::Card msg;
  parse_strict(outer.body, msg, "card", kMaxSmallFileBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "card format version is not supported");
  if (msg.kind() < 1 || msg.kind() > 3) fail(Code::format, "card has an unknown kind");
  if (msg.signing_key().size() != 32 || msg.encryption_key().size() != 32)
    fail(Code::format, "card key has an invalid length");
  // A 0-, 63- or 65-byte signature is E_FORMAT like every other wrong length (SPEC §4.2, §9).
  check_signature_length(SignedType::card, outer);
  if (msg.name().size() > kMaxNameBytes || msg.organisation_number().size() > kMaxOrgNumberBytes)
    fail(Code::limit, "card name or organisation number is too long");
  verify_envelope(SignedType::card, msg.signing_key(), outer);
  SignedCard out;
  out.card_bytes = std::move(outer.body);
  out.signature = std::move(outer.signature);
  out.card = Card{static_cast<CardKind>(msg.kind()), msg.signing_key(), msg.encryption_key(), msg.name(),
                  msg.organisation_number(), msg.role(), msg.created_at()};
  return out;
}

std::string encode_card_file(ByteView signed_card_bytes) {
  return frame_small_file(FileType::card, signed_card_bytes);
}

SignedCard decode_card_file(ByteView file) {
  return decode_signed_card(unframe_small_file(file, FileType::card, kMaxSmallFileBytes));
}

}  // namespace kartla::format
