/* SPDX-License-Identifier: Apache-2.0 */
// Attestations (docs/SPEC.md §13.2): an agency's signed claim about one entry of one person's
// record. The signed bytes bind the owner's keys, the record id, the section, the entry's id and a
// hash of its exact bytes, so an attestation moved to another person, record, entry or to an
// edited entry no longer matches what it names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.h"
#include "crypto/sign.h"
#include "format/card_codec.h"

namespace kartla::format {

enum class ClaimKind : uint32_t { validated = 1, completed = 2, assessed = 3, contributed = 4, confirmed = 5 };

// "validated", "completed", "assessed", "contributed", "confirmed".
std::string_view claim_kind_name(ClaimKind kind);

struct Claim {
  ClaimKind kind = ClaimKind::validated;
  std::string level_system;         // "seqf", "eqf", "ocn-level", "cefr"
  std::string level_code;           // "3", "B1"
  std::string method;               // "ocn", "branch-validation"
  std::string date;                 // YYYY, YYYY-MM or YYYY-MM-DD; may be empty
  uint32_t credits_hundredths = 0;  // 7.5 credits = 750
  std::string assessor_role;
  std::string text;
};

struct Attestation {
  std::string issuer_card;  // exact SignedCard bytes of the issuing agency
  std::string owner_signing_key;
  std::string owner_encryption_key;
  std::string record_id;
  uint32_t section_id = 0;
  std::string entry_id;
  std::string entry_hash;  // attested_entry_hash(entry bytes)
  Claim claim;
  int64_t issued_at = 0;
  int64_t expires_at = 0;  // 0: no expiry
};

struct SignedAttestation {
  std::string attestation_bytes;  // exact bytes covered by the signature
  std::string signature;
  Attestation attestation;
  SignedCard issuer;  // attestation.issuer_card, decoded (self-signature checked)
};

// H("kartla/v1/attested-entry", entry bytes): 32 bytes.
std::string attested_entry_hash(ByteView entry_bytes);

// Canonical Attestation bytes, ready to sign. Refuses (Error(invalid_argument), or Error(limit)
// for an over-long string) anything a reader would reject, so a writer never signs such a thing.
std::string encode_attestation(const Attestation& attestation);
std::string encode_signed_attestation(ByteView attestation_bytes, ByteView signature);
// The attestation file ('A') of the exact bytes from encode_attestation, signed by the issuing
// agency (whose card the bytes embed).
std::string sign_attestation_file(ByteView attestation_bytes, const crypto::SigningKeyPair& issuer);

// Strict decoding of the SignedAttestation and Attestation, the field rules, the issuer's card
// (self-signed, kind agency) and the attestation's signature by that card's key. Error(format,
// limit, version) for a malformed attestation, Error(signature) for a signature that fails.
// Says nothing about whose entry it is: the caller compares the subject (src/attest).
SignedAttestation decode_signed_attestation(ByteView signed_attestation_bytes);

// Attestation files: the framed SignedAttestation ('A').
std::string encode_attestation_file(ByteView signed_attestation_bytes);
// The SignedAttestation bytes of an attestation file (framing checked, content not yet decoded).
std::string unframe_attestation_file(ByteView file);

// Claims as protobuf JSON with the field names of docs/SPEC.md §13.2, e.g.
// {"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "ocn"}.
// Error(schema) if the JSON does not match; Error(invalid_argument/limit) if a value breaks a rule.
Claim claim_from_json(std::string_view json);
std::string claim_to_json(const Claim& claim);

}  // namespace kartla::format
