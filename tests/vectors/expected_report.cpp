#include "expected_report.h"

#include "format/fingerprint.h"
#include "json_out.h"
#include "model/section_registry.h"

namespace kartla::vectors {

std::string expected_report(const format::Manifest& m, const std::vector<format::SectionEntry>& entries,
                            size_t grants_present) {
  const bool full = entries.size() == m.section_digests.size() && grants_present == m.grant_digests.size();
  std::string out = "{\n";
  out += "  \"record_id\": \"" + to_hex(m.record_id) + "\",\n";
  out += "  \"owner_fingerprint\": \"" + format::fingerprint(m.owner_signing_key, m.owner_encryption_key) + "\",\n";
  out += "  \"sequence\": " + std::to_string(m.sequence) + ",\n";
  out += "  \"previous_manifest_hash\": \"" + to_hex(m.previous_manifest_hash) + "\",\n";
  out += std::string("  \"kind\": \"") + (full ? "record" : "bundle") + "\",\n";
  out += "  \"sections_listed\": " + std::to_string(m.section_digests.size()) + ",\n";
  out += "  \"grants_listed\": " + std::to_string(m.grant_digests.size()) + ",\n";
  out += "  \"grants_present\": " + std::to_string(grants_present) + ",\n";
  out += "  \"sections\": [";
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const model::SectionInfo* info = model::section_by_id(e.section_id);
    out += i == 0 ? "\n" : ",\n";
    out += "    {\"id\": " + std::to_string(e.section_id) + ", \"name\": \"" +
           (info != nullptr ? std::string(info->name) : std::string("unknown")) + "\", \"generation\": " +
           std::to_string(e.generation) + ", \"ciphertext_length\": " + std::to_string(e.ciphertext_length) + "}";
  }
  out += entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace kartla::vectors
