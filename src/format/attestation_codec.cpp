// SPDX-License-Identifier: Apache-2.0
#include "format/attestation_codec.h"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>

#include "base/error.h"
#include "crypto/hash.h"
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

constexpr uint32_t kLastClaimKind = static_cast<uint32_t>(ClaimKind::confirmed);

// The rules a reader applies are the rules a writer checks before signing: `bad` is
// Error(format) when reading and Error(invalid_argument) when writing. Lengths over a limit are
// Error(limit) either way (docs/SPEC.md §9).
struct Rules {
  Code bad;
  void require(bool ok, const char* what) const {
    if (!ok) fail(bad, "attestation: %s", {what});
  }
  void within(size_t size, size_t max, const char* what) const {
    if (size > max) fail(Code::limit, "attestation: %1$s is longer than %2$s bytes", {what, std::to_string(max)});
  }
};

bool digits(std::string_view s, size_t at, size_t n) {
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// YYYY, YYYY-MM or YYYY-MM-DD (a validation is often remembered only to the month), or empty.
bool valid_date(std::string_view d) {
  if (d.empty()) return true;
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!digits(d, 0, 4)) return false;
  if (d.size() >= 7 && (d[4] != '-' || !digits(d, 5, 2) || number(d, 5, 2) < 1 || number(d, 5, 2) > 12)) return false;
  if (d.size() == 10 && (d[7] != '-' || !digits(d, 8, 2) || number(d, 8, 2) < 1 || number(d, 8, 2) > 31)) return false;
  return true;
}

void check_claim(const pb::Claim& c, const Rules& r) {
  r.require(c.kind() >= 1 && static_cast<uint32_t>(c.kind()) <= kLastClaimKind, "the claim's kind is unknown");
  r.within(c.level_system().size(), kMaxNameBytes, "the claim's level system");
  r.within(c.level_code().size(), kMaxNameBytes, "the claim's level code");
  r.within(c.method().size(), kMaxNameBytes, "the claim's method");
  r.within(c.assessor_role().size(), kMaxNameBytes, "the claim's assessor role");
  r.within(c.text().size(), kMaxClaimTextBytes, "the claim's text");
  r.require(valid_date(c.date()), "the claim's date is not YYYY, YYYY-MM or YYYY-MM-DD");
}

void check_attestation(const pb::Attestation& m, const Rules& r) {
  r.require(!m.issuer_card().empty(), "the issuer's card is missing");
  r.require(m.owner_signing_key().size() == 32 && m.owner_encryption_key().size() == 32,
            "an owner key has an invalid length");
  r.require(m.record_id().size() == kRecordIdBytes, "the record id has an invalid length");
  r.require(m.section_id() != 0, "the section id is missing");
  r.require(!m.entry_id().empty(), "the entry id is missing");
  r.within(m.entry_id().size(), kMaxEntryIdBytes, "the entry id");
  r.require(m.entry_hash().size() == kDigestBytes, "the entry hash has an invalid length");
  r.require(m.has_claim(), "the claim is missing");
  check_claim(m.claim(), r);
  r.require(m.issued_at() > 0, "the issue time is missing");
  r.require(m.expires_at() == 0 || m.expires_at() > m.issued_at(), "it expires before it is issued");
}

pb::Claim to_pb(const Claim& claim) {
  pb::Claim msg;
  msg.set_kind(static_cast<pb::Claim_Kind>(claim.kind));
  msg.set_level_system(claim.level_system);
  msg.set_level_code(claim.level_code);
  msg.set_method(claim.method);
  msg.set_date(claim.date);
  msg.set_credits_hundredths(claim.credits_hundredths);
  msg.set_assessor_role(claim.assessor_role);
  msg.set_text(claim.text);
  return msg;
}

Claim from_pb(const pb::Claim& c) {
  return Claim{static_cast<ClaimKind>(c.kind()), c.level_system(), c.level_code(), c.method(), c.date(),
               c.credits_hundredths(), c.assessor_role(), c.text()};
}

}  // namespace

std::string_view claim_kind_name(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::validated: return "validated";
    case ClaimKind::completed: return "completed";
    case ClaimKind::assessed: return "assessed";
    case ClaimKind::contributed: return "contributed";
    case ClaimKind::confirmed: return "confirmed";
  }
  return "unknown";
}

std::string attested_entry_hash(ByteView entry_bytes) {
  return crypto::digest_bytes(crypto::labelled_hash(label::kAttestedEntry, entry_bytes));
}

std::string encode_attestation(const Attestation& a) {
  pb::Attestation msg;
  msg.set_format_version(kFormatVersion);
  msg.set_issuer_card(a.issuer_card);
  msg.set_owner_signing_key(a.owner_signing_key);
  msg.set_owner_encryption_key(a.owner_encryption_key);
  msg.set_record_id(a.record_id);
  msg.set_section_id(a.section_id);
  msg.set_entry_id(a.entry_id);
  msg.set_entry_hash(a.entry_hash);
  *msg.mutable_claim() = to_pb(a.claim);
  msg.set_issued_at(a.issued_at);
  msg.set_expires_at(a.expires_at);
  check_attestation(msg, Rules{Code::invalid_argument});
  // Protobuf serializes a string that is not UTF-8 (logging to stderr) but no reader parses it:
  // refuse it here rather than sign something unreadable.
  google::protobuf::LogSilencer silence;
  std::string out = msg.SerializeAsString();
  pb::Attestation again;
  if (!parse_bounded(out, again)) fail(Code::invalid_argument, "attestation: a text field is not valid UTF-8");
  return out;
}

std::string encode_signed_attestation(ByteView attestation_bytes, ByteView signature) {
  return encode_envelope(SignedType::attestation, attestation_bytes, signature);
}

std::string sign_attestation_file(ByteView attestation_bytes, const crypto::SigningKeyPair& issuer) {
  return encode_attestation_file(sign_envelope(SignedType::attestation, issuer, attestation_bytes));
}

SignedAttestation decode_signed_attestation(ByteView signed_attestation_bytes) {
  Envelope outer = decode_envelope(SignedType::attestation, signed_attestation_bytes);
  pb::Attestation msg;
  parse_strict(outer.body, msg, "attestation", kMaxAttestationBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "attestation format version is not supported");
  check_attestation(msg, Rules{Code::format});
  check_signature_length(SignedType::attestation, outer);
  SignedCard issuer = decode_card_of_kind(msg.issuer_card(), CardKind::agency, "the issuer");
  verify_envelope(SignedType::attestation, issuer.card.signing_key, outer);

  SignedAttestation out;
  out.attestation_bytes = std::move(outer.body);
  out.signature = std::move(outer.signature);
  out.attestation = Attestation{msg.issuer_card(), msg.owner_signing_key(), msg.owner_encryption_key(), msg.record_id(),
                                msg.section_id(),  msg.entry_id(),          msg.entry_hash(),           from_pb(msg.claim()),
                                msg.issued_at(),   msg.expires_at()};
  out.issuer = std::move(issuer);
  return out;
}

std::string encode_attestation_file(ByteView signed_attestation_bytes) {
  return frame_small_file(FileType::attestation, signed_attestation_bytes);
}

std::string unframe_attestation_file(ByteView file) {
  return unframe_small_file(file, FileType::attestation, kMaxAttestationBytes).to_string();
}

Claim claim_from_json(std::string_view json) {
  if (json.size() > kMaxAttestationBytes) fail(Code::limit, "the claim JSON is larger than 64 KiB");
  pb::Claim msg;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  google::protobuf::LogSilencer silence;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &msg, options);
  if (!status.ok()) fail(Code::schema, "the claim JSON does not match its schema: %s",
                         {std::string(status.message())});
  check_claim(msg, Rules{Code::invalid_argument});
  return from_pb(msg);
}

std::string claim_to_json(const Claim& claim) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(to_pb(claim), &json, options);
  if (!status.ok()) fail(Code::internal, "cannot render the claim as JSON: %s", {std::string(status.message())});
  return json;
}

}  // namespace kartla::format
