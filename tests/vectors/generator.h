/* SPDX-License-Identifier: Apache-2.0 */
// The pieces of kartla_generate_vectors. Each builds one vector file from fixed inputs and from
// the deterministic RNG (src/crypto/testing), so every run writes the same bytes.
#pragma once

#include <cstdint>
#include <string>

#include "forge.h"
#include "identity/identity.h"
#include "json_out.h"
#include "model/record.h"
#include "negative_set.h"

namespace kartla::vectors {

struct Owner {
  identity::Identity identity;  // unlocked
  std::string file;             // the locked identity file
  std::string passphrase;
  std::string recovery_code;
};

struct Section {
  std::string name;
  std::string plaintext;  // protobuf bytes of the section message
};

struct RecordVersion {
  std::string file;
  std::vector<Section> sections;
};

struct Records {
  RecordVersion v1;
  RecordVersion v2;           // v1 with the notes section rewritten, saved again
  std::string other_record;   // a second record of the same owner (for moved sections)
};

struct Agency {
  std::string label;  // how bundle.json and bundle_negative.json refer to it
  identity::Identity identity;  // unlocked
  std::string file;             // the locked identity file
  std::string passphrase;
};

// An owner's record shared with two agencies, agency A's share bundle, and the record after A is
// revoked (docs/SPEC.md §7).
struct Sharing {
  Agency a;  // profile and notes, with an expiry; receives the bundle; revoked afterwards
  Agency b;  // profile, languages and work_ability (Art. 9(2) basis), until revoked; keeps its access
  std::vector<Section> sections;      // the record's content (besides its sharing ledger)
  std::vector<std::string> a_sections, b_sections;
  std::string record;   // sequence 1: every section and both grants
  std::string bundle;   // agency A's share bundle, exported from `record`
  std::string revoked;  // sequence 2: A revoked
  std::string expired;  // `record` opened again after A's expiry and saved (sequence 2): A's grant ended
  // SPEC §7.7: a record of its own shared with A and B for one meeting, and the one bundle of both.
  std::vector<std::string> case_a_sections, case_b_sections;
  std::string case_record;
  std::string case_bundle;
};

// Attestations, trust lists and a contribution about the owner's record (docs/SPEC.md §13).
struct Attesting {
  identity::Identity root;        // the trust root that lists `agency`
  identity::Identity other_root;  // a second root, for a list signed by the wrong root
  Agency agency;                  // issues the attestations and sends the contribution
  identity::Identity other_owner; // someone else's identity, for transplants and misdirected seals
  std::string record;             // the owner's record (competences: comp-1, comp-2), sequence 1
  std::string record_id;          // 16 bytes
  std::string other_record_id;    // 16 bytes, no record of the owner's
  std::string content;            // the competences section's plaintext
  std::string entry, other_entry, edited_entry, contributed_entry;  // CompetenceEntry bytes
  std::string attestation;        // file: VALIDATED, about comp-1, with an expiry
  std::string late_attestation;   // file: issued after the agency's listing ended
  std::string early_attestation;  // file: issued before the agency's listing began
  std::string trust_list;         // file: sequence 2
  std::string older_trust_list;   // file: sequence 1
  std::string foreign_trust_list; // file: other_root's list of the same agency
  std::string contribution;       // file: comp-3 for the owner's record
  std::string misdirected_contribution;  // file: the same entry sealed to other_owner
};

Json primitive_vectors();

Owner make_owner();
Json identity_vectors(const Owner& owner);

Records make_records(const Owner& owner, const std::string& work_dir);
Json record_vectors(const Owner& owner, const Records& records);

void record_negative_vectors(NegativeSet& set, const Owner& owner, const Records& records);
void identity_negative_vectors(NegativeSet& set, const Owner& owner);

Sharing make_sharing(const Owner& owner, const std::string& work_dir);
Json bundle_vectors(const Owner& owner, const Sharing& sharing);
void bundle_negative_vectors(NegativeSet& set, const Owner& owner, const Sharing& sharing);
Attesting make_attesting(const Owner& owner, const std::string& work_dir);
Json attest_vectors(const Owner& owner, const Attesting& attesting);
Json attest_negative_vectors(const Owner& owner, const Attesting& attesting);
Json receipt_vectors(const Owner& owner, const Sharing& sharing);

// content.json: section content and the violations a validating reader must report (no keys).
Json content_vectors();

// Shared by the builders.
std::string read_file(const std::string& path);
// The owner index of a manifest, opened with the record master key, with every intermediate
// value (SPEC §6.2): index key, AD, plaintext, padded plaintext, the sealed bytes, decoded fields.
Json owner_index_vector(const RecordKeys& keys, const format::Manifest& manifest);
// Writes sample content after checking it passes the library's content validation.
void write_valid_section(model::Record& record, const Section& section);

// The Unix times written into the files: vectors never read the clock.
inline constexpr int64_t kCardCreatedAt = 1735689600;  // 2025-01-01T00:00:00Z, every card
inline constexpr int64_t kGrantedToA = 1740992400;     // 2025-03-03T09:00:00Z
inline constexpr int64_t kGrantedToB = 1740994200;     // 2025-03-03T09:30:00Z
inline constexpr int64_t kExpiryOfA = 1756684800;      // 2025-09-01T00:00:00Z
inline constexpr int64_t kRevokedA = 1748858400;       // 2025-06-02T10:00:00Z
inline constexpr int64_t kReadBefore = 1743508800;     // 2025-04-01T12:00:00Z: A's grant is valid
inline constexpr int64_t kReadAfter = 1751371200;      // 2025-07-01T12:00:00Z: after the revocation
inline constexpr int64_t kReadExpired = 1759320000;    // 2025-10-01T12:00:00Z: after A's expiry
// attest.json and attest_negative.json.
inline constexpr int64_t kListedFrom = 1738368000;       // 2025-02-01T00:00:00Z: the agency's listing begins
inline constexpr int64_t kListedUntil = 1764547200;      // 2025-12-01T00:00:00Z: and ends
inline constexpr int64_t kListIssued = 1738368000;       // 2025-02-01T00:00:00Z: trust list sequence 2
inline constexpr int64_t kListExpires = 1769904000;      // 2026-02-01T00:00:00Z
inline constexpr int64_t kOlderListIssued = 1735689600;  // 2025-01-01T00:00:00Z: sequence 1
inline constexpr int64_t kAttested = 1741600800;         // 2025-03-10T10:00:00Z
inline constexpr int64_t kAttestationExpires = 1899367200;  // 2030-03-10T10:00:00Z
inline constexpr int64_t kAttestedLate = 1765792800;     // 2025-12-15T10:00:00Z: after the listing
inline constexpr int64_t kAttestedEarly = 1737367200;    // 2025-01-20T10:00:00Z: before the listing
inline constexpr int64_t kContributed = 1741780800;      // 2025-03-12T12:00:00Z
inline constexpr int64_t kCheckedAt = 1743508800;        // 2025-04-01T12:00:00Z
inline constexpr int64_t kCheckedLate = 1768046400;      // 2026-01-10T12:00:00Z: list still valid

}  // namespace kartla::vectors
