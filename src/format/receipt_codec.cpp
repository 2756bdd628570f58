// SPDX-License-Identifier: Apache-2.0
#include "format/receipt_codec.h"

#include <google/protobuf/stubs/logging.h>

#include "base/error.h"
#include "format/framing.h"
#include "format/grant_codec.h"
#include "format/limits.h"
#include "format/signed_envelope.h"
#include "format/strict_parse.h"
#include "kartla/v1/receipt.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

constexpr size_t kKeyBytes = 32;
constexpr size_t kGrantIdBytes = 16;
constexpr size_t kMaxSectionNameBytes = 64;
constexpr std::string_view kLedgerSection = "sharing_ledger";
constexpr std::string_view kWorkAbility = "work_ability";

// The rules a reader applies are the rules a writer checks before signing: `bad` is
// Error(format) when reading and Error(invalid_argument) when writing. A length over a limit is
// Error(limit) either way (SPEC §7.6, as §13.2).
struct Rules {
  Code bad;
  void require(bool ok, const char* what) const {
    if (!ok) fail(bad, "receipt: %s", {what});
  }
  void within(size_t size, size_t max, const char* what) const {
    if (size > max) fail(Code::limit, "receipt: %1$s is longer than %2$s bytes", {what, std::to_string(max)});
  }
};

// A section name as SPEC §5.1 spells them: lowercase ASCII letters, digits and '_'. Names this
// reader does not know are accepted (a newer writer's sections), as section ids are.
bool is_section_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxSectionNameBytes) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

void check_sections(const pb::Receipt& m, const Rules& r) {
  r.require(m.sections_size() >= 1, "it names no section");
  if (static_cast<size_t>(m.sections_size()) > kMaxSections)
    fail(Code::limit, "receipt: it names more than %s sections", {std::to_string(kMaxSections)});
  for (int i = 0; i < m.sections_size(); ++i) {
    const std::string& name = m.sections(i);
    r.require(is_section_name(name), "a section name is not a section name");
    // The ledger is the owner's alone (SPEC §5.1): no grant ever names it, so no receipt may.
    r.require(name != kLedgerSection, "it names the owner-only sharing ledger");
    for (int j = 0; j < i; ++j) r.require(m.sections(j) != name, "a section is named twice");
    r.require(name != kWorkAbility || !m.gdpr_art9_basis().empty(), "work_ability without an Art. 9(2) basis");
  }
}

// SPEC §7.6 step 3.
void check_receipt(const pb::Receipt& m, const Rules& r) {
  r.require(m.kind() == static_cast<uint32_t>(ReceiptKind::grant) ||
                m.kind() == static_cast<uint32_t>(ReceiptKind::termination),
            "its kind is unknown");
  r.require(m.record_id().size() == kRecordIdBytes, "the record id has an invalid length");
  r.require(m.owner_signing_key().size() == kKeyBytes && m.owner_encryption_key().size() == kKeyBytes,
            "an owner key has an invalid length");
  r.require(m.grant_id().size() == kGrantIdBytes, "the grant id has an invalid length");
  r.require(m.recipient_signing_key().size() == kKeyBytes && m.recipient_encryption_key().size() == kKeyBytes,
            "a recipient key has an invalid length");
  r.require(!m.agency_name().empty(), "the agency's name is missing");
  r.within(m.agency_name().size(), kMaxNameBytes, "the agency's name");
  r.require(!m.purpose().empty(), "the purpose is missing");
  r.within(m.purpose().size(), kMaxPurposeBytes, "the purpose");
  r.require(is_gdpr_art6_basis(m.gdpr_art6_basis()), "no GDPR Art. 6(1) basis");
  r.require(m.gdpr_art9_basis().empty() || is_gdpr_art9_basis(m.gdpr_art9_basis()), "unknown GDPR Art. 9(2) basis");
  check_sections(m, r);
  r.require(m.granted_at() > 0, "the grant time is missing");
  r.require(m.expires_at() == 0 || m.expires_at() > m.granted_at(), "the grant expires before it was granted");
  if (m.kind() == static_cast<uint32_t>(ReceiptKind::grant)) {
    r.require(m.ended_at() == 0 && m.end_reason() == 0, "a grant receipt says the grant ended");
  } else {
    r.require(m.ended_at() > 0, "a termination receipt does not say when the grant ended");
    r.require(m.end_reason() == static_cast<uint32_t>(ReceiptEnd::revoked) ||
                  m.end_reason() == static_cast<uint32_t>(ReceiptEnd::expired),
              "a termination receipt does not say why the grant ended");
    // A grant ends as expired only at a save after its expiry (SPEC §7.4).
    r.require(m.end_reason() != static_cast<uint32_t>(ReceiptEnd::expired) ||
                  (m.expires_at() != 0 && m.ended_at() >= m.expires_at()),
              "a grant ended as expired before its expiry, or without one");
  }
  r.require(m.sequence() >= 1, "the record version is missing");
  r.require(m.manifest_hash().size() == kDigestBytes, "the manifest hash has an invalid length");
}

}  // namespace

std::string_view receipt_kind_name(ReceiptKind kind) {
  return kind == ReceiptKind::termination ? "termination" : "grant";
}

std::string_view receipt_end_name(ReceiptEnd end) {
  switch (end) {
    case ReceiptEnd::revoked: return "revoked";
    case ReceiptEnd::expired: return "expired";
    case ReceiptEnd::none: break;
  }
  return "";
}

std::string encode_receipt(const Receipt& receipt) {
  pb::Receipt msg;
  msg.set_format_version(kFormatVersion);
  msg.set_kind(static_cast<uint32_t>(receipt.kind));
  msg.set_record_id(receipt.record_id);
  msg.set_owner_signing_key(receipt.owner_signing_key);
  msg.set_owner_encryption_key(receipt.owner_encryption_key);
  msg.set_grant_id(receipt.grant_id);
  msg.set_recipient_signing_key(receipt.recipient_signing_key);
  msg.set_recipient_encryption_key(receipt.recipient_encryption_key);
  msg.set_agency_name(receipt.agency_name);
  for (const auto& s : receipt.sections) msg.add_sections(s);
  msg.set_purpose(receipt.purpose);
  msg.set_gdpr_art6_basis(receipt.gdpr_art6_basis);
  msg.set_gdpr_art9_basis(receipt.gdpr_art9_basis);
  msg.set_granted_at(receipt.granted_at);
  msg.set_expires_at(receipt.expires_at);
  msg.set_ended_at(receipt.ended_at);
  msg.set_end_reason(static_cast<uint32_t>(receipt.end_reason));
  msg.set_sequence(receipt.sequence);
  msg.set_manifest_hash(receipt.manifest_hash);
  check_receipt(msg, Rules{Code::invalid_argument});
  // Protobuf serializes a string that is not UTF-8 (logging to stderr) but no reader parses it:
  // refuse it here rather than sign something unreadable.
  google::protobuf::LogSilencer silence;
  std::string out = msg.SerializeAsString();
  pb::Receipt again;
  if (!parse_bounded(out, again)) fail(Code::invalid_argument, "receipt: a text field is not valid UTF-8");
  if (out.size() > kMaxReceiptBytes) fail(Code::limit, "receipt: larger than 64 KiB");
  return out;
}

std::string encode_signed_receipt(ByteView receipt_bytes, ByteView signature) {
  return encode_envelope(SignedType::receipt, receipt_bytes, signature);
}

std::string sign_receipt_file(const Receipt& receipt, const crypto::SigningKeyPair& owner) {
  return encode_receipt_file(sign_envelope(SignedType::receipt, owner, encode_receipt(receipt)));
}

std::string encode_receipt_file(ByteView signed_receipt_bytes) {
  if (signed_receipt_bytes.size > kMaxReceiptBytes) fail(Code::limit, "receipt: larger than 64 KiB");
  return frame_small_file(FileType::receipt, signed_receipt_bytes);
}

SignedReceipt decode_signed_receipt(ByteView signed_receipt_bytes) {
  Envelope outer = decode_envelope(SignedType::receipt, signed_receipt_bytes);
  pb::Receipt msg;
  parse_strict(outer.body, msg, "receipt", kMaxReceiptBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "receipt format version is not supported");
  check_receipt(msg, Rules{Code::format});
  check_signature_length(SignedType::receipt, outer);
  // The receipt names the key that signed it; whether that is the owner the reader expects is
  // the reader's question (share::verify_receipt pins it).
  verify_envelope(SignedType::receipt, msg.owner_signing_key(), outer);

  SignedReceipt out;
  out.receipt_bytes = std::move(outer.body);
  out.signature = std::move(outer.signature);
  Receipt& r = out.receipt;
  r.kind = static_cast<ReceiptKind>(msg.kind());
  r.record_id = msg.record_id();
  r.owner_signing_key = msg.owner_signing_key();
  r.owner_encryption_key = msg.owner_encryption_key();
  r.grant_id = msg.grant_id();
  r.recipient_signing_key = msg.recipient_signing_key();
  r.recipient_encryption_key = msg.recipient_encryption_key();
  r.agency_name = msg.agency_name();
  r.sections.assign(msg.sections().begin(), msg.sections().end());
  r.purpose = msg.purpose();
  r.gdpr_art6_basis = msg.gdpr_art6_basis();
  r.gdpr_art9_basis = msg.gdpr_art9_basis();
  r.granted_at = msg.granted_at();
  r.expires_at = msg.expires_at();
  r.ended_at = msg.ended_at();
  r.end_reason = static_cast<ReceiptEnd>(msg.end_reason());
  r.sequence = msg.sequence();
  r.manifest_hash = msg.manifest_hash();
  return out;
}

SignedReceipt decode_receipt_file(ByteView file) {
  return decode_signed_receipt(unframe_small_file(file, FileType::receipt, kMaxReceiptBytes));
}

}  // namespace kartla::format
