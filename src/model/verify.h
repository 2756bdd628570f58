/* SPDX-License-Identifier: Apache-2.0 */
// Verification without any key: what `kartla verify` and kartla_verification_open_file report.
#pragma once

#include <cstdint>
#include <string>

#include "format/byte_source.h"

namespace kartla::model {

struct VerificationReport {
  std::string record_id_hex;
  std::string owner_fingerprint;
  uint64_t sequence = 0;
  std::string previous_manifest_hash_hex;  // empty for the first version
  // A reader without a key cannot tell which section an entry is (SPEC §8): it sees how many
  // there are and the padded size of each, nothing else.
  size_t sections_listed = 0;              // in the signed manifest
  size_t sections_present = 0;             // in this file, each body hash checked
  uint64_t section_bytes = 0;              // the padded bodies present, nonces and tags included
  size_t grants_listed = 0;
  size_t grants_present = 0;
  uint64_t file_bytes = 0;

  bool is_full_record() const { return sections_present == sections_listed && grants_present == grants_listed; }
};

// Throws the container's error (format, limit, version, signature, integrity) on any failure.
VerificationReport verify_container(const format::ByteSource& source);

}  // namespace kartla::model
