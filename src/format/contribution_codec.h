/* SPDX-License-Identifier: Apache-2.0 */
// Contributions (docs/SPEC.md §13.4): an agency's write-back of one entry into one person's
// record, signed by the agency and sealed to the owner alone. The signature is inside the sealed
// box, so only the owner learns who wrote what; the signed bytes name the owner's keys and the
// record, so a contribution re-sealed to someone else, or offered to another record, is refused.
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/card_codec.h"

namespace kartla::format {

inline constexpr size_t kContributionIdBytes = 16;

struct Contribution {
  std::string contribution_id;  // 16 random bytes
  std::string sender_card;      // exact SignedCard bytes of the sending agency
  std::string recipient_signing_key;
  std::string recipient_encryption_key;
  std::string record_id;
  uint32_t section_id = 0;
  std::string attestation;  // SignedAttestation bytes over the entry, by the sender
  int64_t created_at = 0;
};

// Canonical Contribution bytes, ready to sign. Error(invalid_argument) for anything a reader
// would reject; Error(limit) if it would not fit the limit.
std::string encode_contribution(const Contribution& contribution, ByteView entry);

// The contribution file ('W'): the SignedContribution sealed to the owner's X25519 key.
std::string seal_contribution_file(ByteView contribution_bytes, ByteView signature,
                                   ByteView recipient_encryption_key);
// As seal_contribution_file, the exact bytes from encode_contribution signed by the sending agency
// (whose card the bytes embed).
std::string sign_and_seal_contribution_file(ByteView contribution_bytes, const crypto::SigningKeyPair& sender,
                                            ByteView recipient_encryption_key);

struct OpenedContribution {
  Contribution contribution;
  crypto::SecretBuffer entry;  // the entry's protobuf bytes: the person's data, kept in secure memory
  SignedCard sender;           // contribution.sender_card, decoded (self-signature checked)
};

// Opens a contribution file with the owner's key pair and checks everything it can alone, in this
// order: framing and the ContributionFile (Error(format, limit, version)); the sealed box
// (Error(auth) if it does not open: it is for someone else, or damaged); the payload prefix and
// the strict SignedContribution and Contribution (Error(format, limit, version)); the sender's
// card (kind agency) and the signature (Error(signature)); the recipient encryption key is this
// key pair's (Error(signature): a signed contribution re-sealed to another person). Nothing is
// returned unless every check passes.
OpenedContribution open_contribution_file(const crypto::BoxKeyPair& owner, ByteView file);

}  // namespace kartla::format
