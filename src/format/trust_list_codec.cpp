// SPDX-License-Identifier: Apache-2.0
#include "format/trust_list_codec.h"

#include <set>

#include "base/error.h"
#include "format/card_of_kind.h"
#include "format/framing.h"
#include "format/limits.h"
#include "format/signed_envelope.h"
#include "format/strict_parse.h"
#include "kartla/v1/attest.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

// The rules a reader applies are the rules a writer checks before signing: `bad` is
// Error(format) when reading and Error(invalid_argument) when writing.
void check_list(const pb::TrustList& m, Code bad) {
  const auto require = [bad](bool ok, const char* what) {
    if (!ok) fail(bad, "trust list: %s", {what});
  };
  require(!m.root_card().empty(), "the trust root's card is missing");
  require(m.sequence() != 0, "the sequence number is missing");
  require(m.issued_at() > 0, "the issue time is missing");
  require(m.expires_at() > m.issued_at(), "it must expire after it is issued");
  if (static_cast<size_t>(m.agencies_size()) > kMaxTrustedAgencies)
    fail(Code::limit, "trust list: more than %s agencies", {std::to_string(kMaxTrustedAgencies)});
  for (const auto& a : m.agencies()) {
    require(!a.agency_card().empty(), "an agency's card is missing");
    require(a.role() != 0, "an agency's role is missing");
    require(a.valid_until() == 0 || a.valid_until() > a.valid_from(), "an agency's validity ends before it begins");
  }
}

// Decodes every agency card; the same signing key twice would make "is it on the list, and
// when" ambiguous, so it is refused.
std::vector<SignedCard> agency_cards(const pb::TrustList& m, Code bad) {
  std::vector<SignedCard> cards;
  std::set<std::string> keys;
  for (const auto& a : m.agencies()) {
    cards.push_back(decode_card_of_kind(a.agency_card(), CardKind::agency, "a listed agency"));
    if (!keys.insert(cards.back().card.signing_key).second) fail(bad, "trust list: an agency is listed twice");
  }
  return cards;
}

}  // namespace

std::string encode_trust_list(const TrustList& list) {
  pb::TrustList msg;
  msg.set_format_version(kFormatVersion);
  msg.set_root_card(list.root_card);
  msg.set_sequence(list.sequence);
  msg.set_issued_at(list.issued_at);
  msg.set_expires_at(list.expires_at);
  for (const auto& a : list.agencies) {
    auto* out = msg.add_agencies();
    out->set_agency_card(a.agency_card);
    out->set_role(a.role);
    out->set_valid_from(a.valid_from);
    out->set_valid_until(a.valid_until);
  }
  check_list(msg, Code::invalid_argument);
  try {
    decode_card_of_kind(list.root_card, CardKind::trust_root, "the trust root");
    agency_cards(msg, Code::invalid_argument);
  } catch (const Error& e) {
    // A card that does not decode is the caller's mistake here, not a damaged file.
    fail(e.code() == Code::limit ? Code::limit : Code::invalid_argument, e);
  }
  return msg.SerializeAsString();
}

std::string encode_signed_trust_list(ByteView list_bytes, ByteView signature) {
  return encode_envelope(SignedType::trust_list, list_bytes, signature);
}

std::string sign_trust_list_file(const TrustList& list, const crypto::SigningKeyPair& root) {
  return encode_trust_list_file(sign_envelope(SignedType::trust_list, root, encode_trust_list(list)));
}

SignedTrustList decode_signed_trust_list(ByteView signed_list_bytes) {
  Envelope outer = decode_envelope(SignedType::trust_list, signed_list_bytes);
  pb::TrustList msg;
  parse_strict(outer.body, msg, "trust list", kMaxTrustListBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "trust list format version is not supported");
  check_list(msg, Code::format);
  check_signature_length(SignedType::trust_list, outer);
  SignedCard root = decode_card_of_kind(msg.root_card(), CardKind::trust_root, "the trust root");
  // The signature first: nothing the root did not sign is looked at more closely than needed to
  // find its key.
  verify_envelope(SignedType::trust_list, root.card.signing_key, outer);
  std::vector<SignedCard> cards = agency_cards(msg, Code::format);

  SignedTrustList out;
  out.list_bytes = std::move(outer.body);
  out.signature = std::move(outer.signature);
  out.list.root_card = msg.root_card();
  out.list.sequence = msg.sequence();
  out.list.issued_at = msg.issued_at();
  out.list.expires_at = msg.expires_at();
  for (int i = 0; i < msg.agencies_size(); ++i) {
    const auto& a = msg.agencies(i);
    out.list.agencies.push_back(
        TrustedAgency{a.agency_card(), a.role(), a.valid_from(), a.valid_until(), std::move(cards[static_cast<size_t>(i)])});
  }
  out.root = std::move(root);
  return out;
}

std::string encode_trust_list_file(ByteView signed_list_bytes) {
  return frame_small_file(FileType::trust_list, signed_list_bytes);
}

SignedTrustList decode_trust_list_file(ByteView file) {
  return decode_signed_trust_list(unframe_small_file(file, FileType::trust_list, kMaxTrustListBytes));
}

}  // namespace kartla::format
