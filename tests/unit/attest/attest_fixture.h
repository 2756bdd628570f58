/* SPDX-License-Identifier: Apache-2.0 */
// Shared by the attestation tests: an owner, a stranger, three agencies and two trust roots
// (created once per process at the minimum Argon2id cost: the tests need their keys, not their
// passphrases), a record with entries to attest, and helpers that go through the code under test.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "attest/attestation.h"
#include "attest/section_entries.h"
#include "attest/trust_list.h"
#include "base/error.h"
#include "crypto/pwhash.h"
#include "identity/identity.h"
#include "model/record.h"
#include "model/section_codec.h"
#include "model/section_registry.h"

namespace kartla::attesttest {

// 2026-01-01T00:00:00Z: every time in these tests is explicit.
inline constexpr int64_t kNow = 1767225600;
inline constexpr int64_t kDay = 86400;

inline identity::Identity make_identity(format::CardKind kind, const char* name, const char* org, uint32_t role) {
  identity::NewIdentity options;
  options.kind = kind;
  options.name = name;
  options.organisation_number = org;
  options.role = role;
  options.kdf_opslimit = crypto::kArgonMinOps;
  options.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  options.created_at = kNow - 30 * kDay;
  return identity::Identity::create(options, std::string("test passphrase")).identity;
}

inline const identity::Identity& owner() {
  static const identity::Identity id = make_identity(format::CardKind::owner, "", "", 0);
  return id;
}
inline const identity::Identity& stranger() {
  static const identity::Identity id = make_identity(format::CardKind::owner, "", "", 0);
  return id;
}
// Roles: identity/agency_role.h (5 validation provider, 2 employment service, 7 employer).
inline const identity::Identity& validator() {
  static const identity::Identity id =
      make_identity(format::CardKind::agency, "Valideringscentrum Skåne", "212000-1140", 5);
  return id;
}
inline const identity::Identity& employment_service() {
  static const identity::Identity id = make_identity(format::CardKind::agency, "Arbetsförmedlingen", "202100-2114", 2);
  return id;
}
inline const identity::Identity& unlisted_agency() {
  static const identity::Identity id = make_identity(format::CardKind::agency, "Exempelbolaget AB", "556036-0793", 7);
  return id;
}
inline const identity::Identity& root() {
  static const identity::Identity id = make_identity(format::CardKind::trust_root, "Regionalt register", "", 0);
  return id;
}
inline const identity::Identity& other_root() {
  static const identity::Identity id = make_identity(format::CardKind::trust_root, "Annat register", "", 0);
  return id;
}

inline model::OwnerKeys keys_of(const identity::Identity& id) { return {id.signing_keys(), id.box_keys()}; }
inline model::OwnerKeys owner_keys() { return keys_of(owner()); }
inline const model::SectionInfo& section(const char* name) { return model::section_by_name(name); }

inline std::string json_section(const char* name, const std::string& json) {
  return model::section_from_json(section(name), json).view().to_string();
}

inline const char* kCompetencesJson = R"({"entries": [
  {"id": "c1", "free_text": "MIG-svetsning", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}},
  {"id": "c2", "free_text": "truckkort A", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}},
  {"id": "c3", "free_text": "kundservice", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}},
  {"id": "c4", "free_text": "kassahantering", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}
]})";

inline const char* kInterventionsJson = R"({"entries": [
  {"id": "i1", "title": "Praktik i kök", "status": "ONGOING",
   "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}
]})";

// A new record (not saved) of `keys` with competences c1-c4 and intervention i1.
inline model::Record new_record(const model::OwnerKeys& keys = owner_keys()) {
  model::Record r = model::Record::create(keys);
  r.write_section(section("competences"), json_section("competences", kCompetencesJson));
  r.write_section(section("interventions"), json_section("interventions", kInterventionsJson));
  return r;
}

inline attest::RecordRef ref_of(const model::Record& r, const identity::Identity& who = owner()) {
  return {who.signing_keys().public_key, who.box_keys().public_key, r.record_id()};
}

inline std::string section_text(const model::Record& r, const char* name) {
  return r.read_section(section(name)).view().to_string();
}

inline std::string entry_of(const model::Record& r, const char* section_name, const char* id) {
  return attest::entry_bytes(section(section_name), section_text(r, section_name), id).view().to_string();
}

inline attest::EntryRef subject(const model::Record& r, const char* section_name, const char* id,
                                const identity::Identity& who = owner()) {
  return {ref_of(r, who), section(section_name).id, id};
}

inline format::Claim ocn_claim() {
  format::Claim c;
  c.kind = format::ClaimKind::validated;
  c.level_system = "seqf";
  c.level_code = "3";
  c.method = "ocn";
  c.date = "2025-11-20";
  c.credits_hundredths = 750;
  c.assessor_role = "OCN-bedömare";
  return c;
}

// SignedAttestation bytes (as a section stores them) by `agency` over entry `id` of `r`.
inline std::string attest_entry(const identity::Identity& agency, const model::Record& r, const char* section_name,
                                const char* id, int64_t issued_at = kNow, int64_t expires_at = 0) {
  return attest::attestation_from_file(attest::issue_attestation(agency, subject(r, section_name, id),
                                                                 entry_of(r, section_name, id), ocn_claim(),
                                                                 issued_at, expires_at));
}

struct Listing {
  const identity::Identity* agency;
  uint32_t role;
  int64_t valid_from;
  int64_t valid_until;
};

inline std::string trust_list_file(const identity::Identity& signer, const std::vector<Listing>& listings,
                                   uint64_t sequence = 1, int64_t issued_at = kNow - 10 * kDay,
                                   int64_t expires_at = kNow + 90 * kDay) {
  attest::TrustListDraft draft;
  draft.sequence = sequence;
  draft.issued_at = issued_at;
  draft.expires_at = expires_at;
  for (const auto& l : listings) attest::add_agency(draft, l.agency->card_file(), l.role, l.valid_from, l.valid_until);
  return attest::sign_trust_list(signer, draft);
}

// The usual list: the validator (2025-2027) and the employment service (open-ended), by root().
inline attest::VerifiedTrustList usual_trust_list() {
  const std::string file = trust_list_file(root(), {{&validator(), 5, kNow - 365 * kDay, kNow + 365 * kDay},
                                                    {&employment_service(), 2, kNow - 365 * kDay, 0}});
  return attest::verify_trust_list(file, {kNow, std::nullopt, root().signing_keys().public_key});
}

// The error code `f` throws, or Code::ok if it returns: a test then fails on the comparison and
// says which code it got instead.
inline Code code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

inline std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace kartla::attesttest
