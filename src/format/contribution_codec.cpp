// SPDX-License-Identifier: Apache-2.0
#include "format/contribution_codec.h"

#include <cstring>

#include "base/error.h"
#include "format/card_of_kind.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/signed_envelope.h"
#include "format/strict_parse.h"
#include "kartla/v1/attest.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

std::string payload_prefix() {
  std::string prefix(label::kContributionPayload);
  prefix.push_back('\0');
  return prefix;
}

// The rules a reader applies are the rules a writer checks before signing: `bad` is
// Error(format) when reading and Error(invalid_argument) when writing.
void check_contribution(const pb::Contribution& m, Code bad) {
  const auto require = [bad](bool ok, const char* what) {
    if (!ok) fail(bad, "contribution: %s", {what});
  };
  require(m.contribution_id().size() == kContributionIdBytes, "the contribution id has an invalid length");
  require(!m.sender_card().empty(), "the sender's card is missing");
  require(m.recipient_signing_key().size() == 32 && m.recipient_encryption_key().size() == 32,
          "a recipient key has an invalid length");
  require(m.record_id().size() == kRecordIdBytes, "the record id has an invalid length");
  require(m.section_id() != 0, "the section id is missing");
  require(!m.entry().empty(), "the entry is missing");
  require(!m.attestation().empty(), "the attestation is missing");
  require(m.created_at() > 0, "the creation time is missing");
}

// Protobuf's copies of the entry are ordinary heap memory: wipe the ones we own before they are
// freed (docs/SPEC.md §10).
void wipe_string(std::string* s) { crypto::wipe(s->data(), s->size()); }

}  // namespace

std::string encode_contribution(const Contribution& c, ByteView entry) {
  pb::Contribution msg;
  msg.set_format_version(kFormatVersion);
  msg.set_contribution_id(c.contribution_id);
  msg.set_sender_card(c.sender_card);
  msg.set_recipient_signing_key(c.recipient_signing_key);
  msg.set_recipient_encryption_key(c.recipient_encryption_key);
  msg.set_record_id(c.record_id);
  msg.set_section_id(c.section_id);
  msg.set_entry(entry.to_string());
  msg.set_attestation(c.attestation);
  msg.set_created_at(c.created_at);
  check_contribution(msg, Code::invalid_argument);
  std::string out = msg.SerializeAsString();
  wipe_string(msg.mutable_entry());
  return out;
}

namespace {

// The sealed box's plaintext: the payload prefix and the SignedContribution (which holds the
// person's entry, so it lives in secure memory and its one ordinary copy is wiped).
std::string seal_envelope(std::string envelope, ByteView recipient_encryption_key) {
  struct Wipe {
    std::string& s;
    ~Wipe() { wipe_string(&s); }
  } wipe{envelope};
  const std::string prefix = payload_prefix();
  // 16 bytes leave room for the ContributionFile's own tags and lengths around the sealed box.
  if (envelope.size() + prefix.size() + crypto::kSealOverhead + 16 > kMaxContributionBytes)
    fail(Code::limit, "the contribution is larger than the limit");
  crypto::SecretBuffer plaintext(prefix.size() + envelope.size());
  std::memcpy(plaintext.data(), prefix.data(), prefix.size());
  std::memcpy(plaintext.data() + prefix.size(), envelope.data(), envelope.size());

  pb::ContributionFile file;
  file.set_format_version(kFormatVersion);
  file.set_sealed(crypto::seal_to(recipient_encryption_key, plaintext.view()));
  return frame_small_file(FileType::contribution, file.SerializeAsString());
}

}  // namespace

std::string seal_contribution_file(ByteView contribution_bytes, ByteView signature, ByteView recipient_encryption_key) {
  return seal_envelope(encode_envelope(SignedType::contribution, contribution_bytes, signature),
                       recipient_encryption_key);
}

std::string sign_and_seal_contribution_file(ByteView contribution_bytes, const crypto::SigningKeyPair& sender,
                                            ByteView recipient_encryption_key) {
  return seal_envelope(sign_envelope(SignedType::contribution, sender, contribution_bytes), recipient_encryption_key);
}

OpenedContribution open_contribution_file(const crypto::BoxKeyPair& owner, ByteView file) {
  pb::ContributionFile outer;
  parse_strict(unframe_small_file(file, FileType::contribution, kMaxContributionBytes), outer, "contribution",
               kMaxContributionBytes);
  if (outer.format_version() != kFormatVersion) fail(Code::version, "contribution format version is not supported");

  // One message whatever failed: the box does not say whether it was for someone else or damaged.
  auto plaintext = crypto::open_sealed_bounded(owner, outer.sealed(), kMaxContributionBytes);
  if (!plaintext)
    fail(Code::auth, "the contribution does not open with this identity's key: it is for someone else, or damaged");

  const std::string prefix = payload_prefix();
  if (plaintext->size() < prefix.size() || std::memcmp(plaintext->data(), prefix.data(), prefix.size()) != 0)
    fail(Code::format, "contribution: not a contribution payload");
  Envelope signed_msg =
      decode_envelope(SignedType::contribution, {plaintext->data() + prefix.size(), plaintext->size() - prefix.size()});
  pb::Contribution msg;
  struct Wipe {
    Envelope& s;
    pb::Contribution& m;
    ~Wipe() {
      wipe_string(&s.body);
      wipe_string(m.mutable_entry());
    }
  } wipe{signed_msg, msg};
  parse_strict(signed_msg.body, msg, "contribution", kMaxContributionBytes);

  if (msg.format_version() != kFormatVersion) fail(Code::version, "contribution format version is not supported");
  check_contribution(msg, Code::format);
  check_signature_length(SignedType::contribution, signed_msg);
  SignedCard sender = decode_card_of_kind(msg.sender_card(), CardKind::agency, "the sender");
  verify_envelope(SignedType::contribution, sender.card.signing_key, signed_msg);
  // A sealed box has no sender authentication: anyone holding a signed contribution could re-seal
  // it to another person. The signed recipient key must be the one that opened it.
  if (msg.recipient_encryption_key() != owner.public_key)
    fail(Code::signature, "the contribution is signed for another person");

  OpenedContribution out;
  out.contribution = Contribution{msg.contribution_id(),         msg.sender_card(), msg.recipient_signing_key(),
                                  msg.recipient_encryption_key(), msg.record_id(),   msg.section_id(),
                                  msg.attestation(),              msg.created_at()};
  out.entry = crypto::SecretBuffer::copy_of(msg.entry());
  out.sender = std::move(sender);
  return out;
}

}  // namespace kartla::format
