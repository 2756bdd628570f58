#include "format/card_codec.h"

#include "base/error.h"
#include "crypto/sign.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/limits.h"
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

std::string encode_signed_card(ByteView card_bytes, ByteView signature) {
  pb::SignedCard msg;
  msg.set_card(card_bytes.to_string());
  msg.set_signature(signature.to_string());
  return msg.SerializeAsString();
}

SignedCard decode_signed_card(ByteView signed_card_bytes) {
  pb::SignedCard outer;
  parse_strict(signed_card_bytes, outer, "card", kMaxSmallFileBytes);
  pb::Card msg;
  parse_strict(outer.card(), msg, "card", kMaxSmallFileBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "card format version is not supported");
  if (msg.kind() < 1 || msg.kind() > 3) fail(Code::format, "card has an unknown kind");
  if (msg.signing_key().size() != 32 || msg.encryption_key().size() != 32)
    fail(Code::format, "card key has an invalid length");
  // A fixed size is a format rule (SPEC §4.2, §9), decided before any verification, so a 0-, 63-
  // or 65-byte signature is E_FORMAT like every other wrong length, never E_SIGNATURE.
  if (outer.signature().size() != crypto::kSignatureBytes) fail(Code::format, "card signature is not 64 bytes");
  if (msg.name().size() > kMaxNameBytes || msg.organisation_number().size() > kMaxOrgNumberBytes)
    fail(Code::limit, "card name or organisation number is too long");
  if (!crypto::verify_with_label(label::kCardSignature, msg.signing_key(), outer.card(), outer.signature()))
    fail(Code::signature, "the card's self-signature does not verify");
  SignedCard out;
  out.card_bytes = outer.card();
  out.signature = outer.signature();
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
