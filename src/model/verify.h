// Verification without any key: what `kartla verify` and kartla_verify_file report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/byte_source.h"
#include "model/section_registry.h"

namespace kartla::model {

struct VerifiedSection {
  uint32_t id = 0;
  const SectionInfo* info = nullptr;  // nullptr: a section id this library does not know
  uint32_t generation = 0;
  uint64_t ciphertext_length = 0;
};

struct VerificationReport {
  std::string record_id_hex;
  std::string owner_fingerprint;
  uint64_t sequence = 0;
  std::string previous_manifest_hash_hex;  // empty for the first version
  std::vector<VerifiedSection> sections;   // present in the file, each body hash checked
  size_t sections_listed = 0;              // in the signed manifest
  size_t grants_listed = 0;
  size_t grants_present = 0;

  bool is_full_record() const { return sections.size() == sections_listed && grants_present == grants_listed; }
  std::string to_json() const;
};

// Throws the container's error (format, limit, version, signature, integrity) on any failure.
VerificationReport verify_container(const format::ByteSource& source);

}  // namespace kartla::model
