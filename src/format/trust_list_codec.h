/* SPDX-License-Identifier: Apache-2.0 */
// Trust lists (docs/SPEC.md §13.3): a trust root's signed list of agency cards, each with the
// role the root vouches for and a validity period, under a sequence number and an expiry so an
// older or stale list can be recognised.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/sign.h"
#include "format/card_codec.h"

namespace kartla::format {

struct TrustedAgency {
  std::string agency_card;  // exact SignedCard bytes
  uint32_t role = 0;        // docs/SPEC.md §4.2 role numbers, >= 1
  int64_t valid_from = 0;
  int64_t valid_until = 0;  // 0: until the list expires
  SignedCard card;          // filled in by decoding; ignored by encoding
};

struct TrustList {
  std::string root_card;  // exact SignedCard bytes of the trust root
  uint64_t sequence = 0;
  int64_t issued_at = 0;
  int64_t expires_at = 0;
  std::vector<TrustedAgency> agencies;
};

struct SignedTrustList {
  std::string list_bytes;  // exact bytes covered by the signature
  std::string signature;
  TrustList list;
  SignedCard root;  // list.root_card, decoded (self-signature checked)
};

// Canonical TrustList bytes, ready to sign. Error(invalid_argument) or Error(limit) for anything a
// reader would reject (including an agency card that does not decode or is not an agency's).
std::string encode_trust_list(const TrustList& list);
std::string encode_signed_trust_list(ByteView list_bytes, ByteView signature);
// encode_trust_list, signed by the trust root (whose card the list embeds), framed as a file ('T').
std::string sign_trust_list_file(const TrustList& list, const crypto::SigningKeyPair& root);

// Strict decoding, the field rules, every embedded card (the root's of kind trust root, each
// agency's of kind agency, no agency twice) and the root's signature over the list bytes.
// Error(format, limit, version) or Error(signature). Time, sequence and which root to trust are
// the caller's checks (src/attest).
SignedTrustList decode_signed_trust_list(ByteView signed_list_bytes);

// Trust-list files: the framed SignedTrustList ('T').
std::string encode_trust_list_file(ByteView signed_list_bytes);
SignedTrustList decode_trust_list_file(ByteView file);

}  // namespace kartla::format
