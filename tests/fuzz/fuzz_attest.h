/* SPDX-License-Identifier: Apache-2.0 */
// Fixed inputs shared by the attestation, trust-list and contribution fuzzers and their seed
// generator: a trust root's keys, a record id and one competence entry, so that seeds made by the
// generator name exactly what the fuzzers check them against and reach the deepest checks (and
// the fuzzers can sign what they mutate with the same keys). Test data from constant bytes: never
// a real key.
#pragma once

#include <string>

#include "attest/attestation.h"
#include "attest/section_entries.h"
#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/card_codec.h"
#include "format/trust_list_codec.h"
#include "format/labels.h"
#include "fuzz_agency.h"
#include "fuzz_owner.h"
#include "model/section_registry.h"

namespace kartla::fuzzing {

// Seeds are made at this time; the fuzzers check at it too.
inline constexpr int64_t kAttestTime = 1767225600;

inline const crypto::SigningKeyPair& root_signing_keys() {
  static const crypto::SigningKeyPair keys =
      crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, '\x54')));
  return keys;
}

inline std::string signed_card_bytes(const crypto::SigningKeyPair& signing, const std::string& encryption_key,
                                     format::CardKind kind, const std::string& name, const std::string& org,
                                     uint32_t role) {
  const format::Card card{kind, signing.public_key, encryption_key, name, org, role, 1700000000};
  const std::string bytes = format::encode_card(card);
  return format::encode_signed_card(bytes, crypto::sign_with_label(format::label::kCardSignature, signing, bytes));
}

inline std::string root_card() {
  const crypto::BoxKeyPair box = crypto::box_keypair_from_secret(crypto::SecretBuffer::copy_of(std::string(32, '\x74')));
  return signed_card_bytes(root_signing_keys(), box.public_key, format::CardKind::trust_root, "Fuzz register", "", 0);
}

// The fuzz agency (fuzz_agency.h) as SignedCard bytes.
inline std::string agency_card() {
  return signed_card_bytes(agency_signing_keys(), agency_box_keys().public_key, format::CardKind::agency, "Fuzz kommun",
                           "2120001140", 1);
}

inline std::string owner_card_file() {
  return format::encode_card_file(signed_card_bytes(owner_signing_keys(), owner_box_keys().public_key,
                                                    format::CardKind::owner, "", "", 0));
}

inline std::string record_id() { return std::string(16, '\x52'); }

inline const model::SectionInfo& competences() { return model::section_by_name("competences"); }

inline std::string competence_entry() {
  return attest::entry_from_json(competences(), std::string(R"({"id": "c1", "free_text": "MIG-svetsning"})"))
      .view()
      .to_string();
}

inline attest::EntryRef competence_subject() {
  return {{owner_signing_keys().public_key, owner_box_keys().public_key, record_id()}, competences().id, "c1"};
}

// A trust list by the fuzz root that lists the fuzz agency (role 1, open-ended).
inline std::string trust_list_file(uint64_t sequence = 2, int64_t expires_at = kAttestTime + 365 * 86400) {
  format::TrustList list;
  list.root_card = root_card();
  list.sequence = sequence;
  list.issued_at = kAttestTime - 86400;
  list.expires_at = expires_at;
  format::TrustedAgency agency;
  agency.agency_card = agency_card();
  agency.role = 1;
  agency.valid_from = kAttestTime - 365 * 86400;
  list.agencies.push_back(agency);
  const std::string bytes = format::encode_trust_list(list);
  const std::string signature = crypto::sign_with_label(format::label::kTrustListSignature, root_signing_keys(), bytes);
  return format::encode_trust_list_file(format::encode_signed_trust_list(bytes, signature));
}

}  // namespace kartla::fuzzing
