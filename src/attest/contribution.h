/* SPDX-License-Identifier: Apache-2.0 */
// Contributions (docs/SPEC.md §13.4): an agency writes one entry into a person's record without
// holding the record. The entry travels signed by the agency, with the agency's attestation over
// it, sealed to the owner alone; the owner verifies it completely before anything is shown, and
// on acceptance (attest/merge.h) the entry joins the section with the attestation beside it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "format/attestation_codec.h"
#include "format/card_codec.h"
#include "identity/identity.h"
#include "model/record.h"
#include "model/section_registry.h"

namespace kartla::attest {

struct ContributionRequest {
  std::string owner_card_file;           // the owner's public card file
  std::string record_id;                 // 16 bytes: the record the entry is for
  uint32_t section_id = 0;               // a section with `entries` (see section_takes_contributions)
  int64_t now = 0;                       // Unix seconds: creation and attestation time
  std::optional<format::Claim> claim;    // default: kind `contributed` and nothing else
};

// The contribution file ('W') for one entry (protobuf bytes of one element of the section's
// `entries`, canonical, with a stable id). Error(invalid_argument) if the identity is not an
// agency, the card not an owner's, or the section takes no contributions; Error(schema) if the
// entry is not such an element or has no id, if it breaks a content rule as entries[0] of the
// section (require_valid_entry: rules that need the rest of the section are left to the owner's
// accept), or if request.claim breaks one (issue_attestation), naming the field and rule.
std::string create_contribution(const identity::Identity& agency, const ContributionRequest& request, ByteView entry);

struct VerifiedContribution {
  std::string contribution_id;  // 16 bytes
  format::Card sender;          // the agency, as its self-signed card says
  std::string sender_fingerprint;
  std::string record_id;
  const model::SectionInfo* section = nullptr;
  std::string entry_id;
  crypto::SecretBuffer entry;   // the entry's protobuf bytes
  std::string attestation;      // SignedAttestation bytes: the agency's signature kept with the entry
  format::Claim claim;
  int64_t created_at = 0;
};

// Opens and verifies a contribution file for the owner, completely, before anything is returned:
// Error(format/limit/version) malformed; Error(auth) not sealed to this owner's key, or damaged;
// Error(signature) a bad signature, signed for another person, for another record than
// `expected_record_id` (if given), or an attestation by someone other than the sender or about
// something else; Error(integrity) an attestation over other bytes; Error(expired) an expired
// attestation; Error(schema) a section this library does not know or an entry that is not one of
// its entries.
VerifiedContribution open_contribution(const model::OwnerKeys& owner, ByteView file, int64_t now,
                                       const std::optional<std::string>& expected_record_id = std::nullopt);

}  // namespace kartla::attest
