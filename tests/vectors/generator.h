// The pieces of kartla_generate_vectors. Each builds one vector file from fixed inputs and from
// the deterministic RNG (src/crypto/testing), so every run writes the same bytes.
#pragma once

#include <cstdint>
#include <string>

#include "identity/identity.h"
#include "json_out.h"
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

Json primitive_vectors();

Owner make_owner();
Json identity_vectors(const Owner& owner);

Records make_records(const Owner& owner, const std::string& work_dir);
Json record_vectors(const Owner& owner, const Records& records);

void record_negative_vectors(NegativeSet& set, const Owner& owner, const Records& records);
void identity_negative_vectors(NegativeSet& set, const Owner& owner);

// The Unix time written into the owner's card: vectors never read the clock.
inline constexpr int64_t kCardCreatedAt = 1735689600;  // 2025-01-01T00:00:00Z

}  // namespace kartla::vectors
