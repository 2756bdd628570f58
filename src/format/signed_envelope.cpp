// SPDX-License-Identifier: Apache-2.0
#include "format/signed_envelope.h"

#include <string_view>

#include "base/error.h"
#include "crypto/secret_buffer.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/attest.pb.h"
#include "kartla/v1/container.pb.h"
#include "kartla/v1/receipt.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

// Each type's envelope message names its body field differently (card, attestation, ...); the
// signature is field 2 everywhere.
template <typename Message, std::string* (Message::*Body)()>
struct EnvelopeMessage {
  static std::string encode(ByteView body, ByteView signature) {
    Message msg;
    (msg.*Body)()->assign(body.as_string_view());
    msg.mutable_signature()->assign(signature.as_string_view());
    std::string out;
    const bool ok = msg.SerializeToString(&out);
    wipe_body(msg);
    if (!ok) fail(Code::internal, "cannot serialize a signed envelope");
    return out;
  }

  static Envelope decode(ByteView bytes, std::string_view what, size_t max_bytes) {
    Message msg;
    try {
      parse_strict(bytes, msg, what, max_bytes);
    } catch (...) {
      wipe_body(msg);
      throw;
    }
    // Moved out, not copied: the envelope holds the only copy of the body.
    return Envelope{std::move(*(msg.*Body)()), std::move(*msg.mutable_signature())};
  }

  // A contribution's body holds the person's entry: wipe the copy the message owns before it is
  // freed (SPEC §10). Cheap, so done for every type.
  static void wipe_body(Message& msg) {
    std::string* body = (msg.*Body)();
    crypto::wipe(body->data(), body->size());
  }
};

using CardEnvelope = EnvelopeMessage<pb::SignedCard, &pb::SignedCard::mutable_card>;
using AttestationEnvelope = EnvelopeMessage<pb::SignedAttestation, &pb::SignedAttestation::mutable_attestation>;
using TrustListEnvelope = EnvelopeMessage<pb::SignedTrustList, &pb::SignedTrustList::mutable_trust_list>;
using ContributionEnvelope = EnvelopeMessage<pb::SignedContribution, &pb::SignedContribution::mutable_contribution>;
using ReceiptEnvelope = EnvelopeMessage<pb::SignedReceipt, &pb::SignedReceipt::mutable_receipt>;

struct TypeRules {
  SignedType type;
  const char* label;
  const char* what;  // names the type in parse errors and the messages below
  size_t max_bytes;
  const char* bad_length;     // catalogue messages (KARTLA_ERROR_N_), raised as they are
  const char* bad_signature;
  std::string (*encode)(ByteView, ByteView);
  Envelope (*decode)(ByteView, std::string_view, size_t);
};

// One row per signature label: who signs (SPEC), under which label, in which message, how large.
const TypeRules kRules[] = {
    {SignedType::card, label::kCardSignature, "card", kMaxSmallFileBytes,  // by the card's own key, §4.2
     KARTLA_ERROR_N_("card signature is not 64 bytes"),
     KARTLA_ERROR_N_("the card's self-signature does not verify"),
     CardEnvelope::encode, CardEnvelope::decode},
    {SignedType::attestation, label::kAttestationSignature, "attestation", kMaxAttestationBytes,  // the issuer, §13.2
     KARTLA_ERROR_N_("attestation: the signature has an invalid length"),
     KARTLA_ERROR_N_("the attestation's signature does not verify"),
     AttestationEnvelope::encode, AttestationEnvelope::decode},
    {SignedType::trust_list, label::kTrustListSignature, "trust list", kMaxTrustListBytes,  // the trust root, §13.3
     KARTLA_ERROR_N_("trust list: the signature has an invalid length"),
     KARTLA_ERROR_N_("the trust list's signature does not verify"),
     TrustListEnvelope::encode, TrustListEnvelope::decode},
    {SignedType::contribution, label::kContributionSignature, "contribution", kMaxContributionBytes,  // the sender, §13.4
     KARTLA_ERROR_N_("contribution: the signature has an invalid length"),
     KARTLA_ERROR_N_("the contribution's signature does not verify"),
     ContributionEnvelope::encode, ContributionEnvelope::decode},
    {SignedType::receipt, label::kReceiptSignature, "receipt", kMaxReceiptBytes,  // the owner, §7.6
     KARTLA_ERROR_N_("receipt: the signature has an invalid length"),
     KARTLA_ERROR_N_("the receipt's signature does not verify"),
     ReceiptEnvelope::encode, ReceiptEnvelope::decode},
};

const TypeRules& rules(SignedType type) {
  for (const TypeRules& r : kRules)
    if (r.type == type) return r;
  fail(Code::internal, "unknown signed type");
}

}  // namespace

const char* signature_label(SignedType type) { return rules(type).label; }

std::string encode_envelope(SignedType type, ByteView body, ByteView signature) {
  return rules(type).encode(body, signature);
}

std::string sign_envelope(SignedType type, const crypto::SigningKeyPair& signer, ByteView body) {
  return encode_envelope(type, body, crypto::sign_with_label(rules(type).label, signer, body));
}

Envelope decode_envelope(SignedType type, ByteView envelope_bytes) {
  const TypeRules& r = rules(type);
  return r.decode(envelope_bytes, r.what, r.max_bytes);
}

void check_signature_length(SignedType type, const Envelope& envelope) {
  if (envelope.signature.size() != crypto::kSignatureBytes) fail(Code::format, rules(type).bad_length);
}

void verify_envelope(SignedType type, ByteView signing_key, const Envelope& envelope) {
  const TypeRules& r = rules(type);
  if (!crypto::verify_with_label(r.label, signing_key, envelope.body, envelope.signature))
    fail(Code::signature, r.bad_signature);
}

}  // namespace kartla::format
