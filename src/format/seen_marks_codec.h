/* SPDX-License-Identifier: Apache-2.0 */
// The versions of records an owner has seen (docs/SPEC.md §8.1): per record id, the highest
// sequence and that version's manifest hash. Kept sealed in the identity file and in a state file
// that stays on one computer, so an older copy of a record put back on the stick is recognised.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::format {

struct SeenMark {
  uint64_t sequence = 0;
  std::string manifest_hash;  // 32 bytes
};
using SeenMarkMap = std::map<std::string, SeenMark>;  // by record id (16 bytes)

// Enough for any one person; small enough that the marks always fit the 64 KiB identity file.
inline constexpr size_t kMaxSeenMarks = 512;

// key = KDF(DEK, "kartlaSM", 0); AD = "kartla/v1/identity/seen-marks" 0x00 || signed card bytes.
// The marks are padded (SPEC §5.4) before sealing.
std::string seal_seen_marks(const crypto::SecretBuffer& data_key, const std::string& signed_card,
                            const SeenMarkMap& marks);
// Error(integrity) if it does not open with this identity's key; Error(format) if malformed;
// Error(limit) above kMaxSeenMarks.
SeenMarkMap open_seen_marks(const crypto::SecretBuffer& data_key, const std::string& signed_card,
                            const std::string& sealed);
// Error(format) unless `sealed` has the length of a sealed, padded message.
void check_sealed_marks_length(const std::string& sealed);

// The state file ('S'): the identity's signing key and its sealed marks.
std::string encode_seen_file(const std::string& signing_key, const std::string& sealed_marks);
// Error(format/version/limit) as any small file; returns the sealed marks; Error(integrity) if the
// file is another identity's.
std::string decode_seen_file(ByteView file, const std::string& expected_signing_key);

}  // namespace kartla::format
