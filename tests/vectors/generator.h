// The pieces of kartla_generate_vectors. Each builds one vector file from fixed inputs and from
// the deterministic RNG (src/crypto/testing), so every run writes the same bytes.
#pragma once

#include <cstdint>
#include <string>

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
  Agency b;  // profile and languages, until revoked; keeps its access
  std::vector<Section> sections;      // the record's content (besides its sharing ledger)
  std::vector<std::string> a_sections, b_sections;
  std::string record;   // sequence 1: every section and both grants
  std::string bundle;   // agency A's share bundle, exported from `record`
  std::string revoked;  // sequence 2: A revoked
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

// Shared by the builders.
std::string read_file(const std::string& path);
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

}  // namespace kartla::vectors
