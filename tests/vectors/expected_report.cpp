// SPDX-License-Identifier: Apache-2.0
#include "expected_report.h"

#include "format/fingerprint.h"
#include "json_out.h"

namespace kartla::vectors {

std::string expected_report(const format::Manifest& m, const std::vector<format::SectionEntry>& entries,
                            size_t grants_present, uint64_t file_bytes) {
  const bool full = entries.size() == m.sections.size() && grants_present == m.grant_digests.size();
  uint64_t section_bytes = 0;
  for (const auto& e : entries) section_bytes += e.ciphertext_length;
  std::string out = "{\n";
  out += "  \"record_id\": \"" + to_hex(m.record_id) + "\",\n";
  out += "  \"owner_fingerprint\": \"" + format::fingerprint(m.owner_signing_key, m.owner_encryption_key) + "\",\n";
  out += "  \"sequence\": " + std::to_string(m.sequence) + ",\n";
  out += "  \"previous_manifest_hash\": \"" + to_hex(m.previous_manifest_hash) + "\",\n";
  out += std::string("  \"kind\": \"") + (full ? "record" : "bundle") + "\",\n";
  out += "  \"sections_listed\": " + std::to_string(m.sections.size()) + ",\n";
  out += "  \"sections_present\": " + std::to_string(entries.size()) + ",\n";
  out += "  \"section_bytes\": " + std::to_string(section_bytes) + ",\n";
  out += "  \"grants_listed\": " + std::to_string(m.grant_digests.size()) + ",\n";
  out += "  \"grants_present\": " + std::to_string(grants_present) + ",\n";
  out += "  \"file_bytes\": " + std::to_string(file_bytes) + "\n";
  out += "}\n";
  return out;
}

}  // namespace kartla::vectors
