#include "model/verify.h"

#include "crypto/encoding.h"
#include "format/container_reader.h"
#include "format/fingerprint.h"

namespace kartla::model {

VerificationReport verify_container(const format::ByteSource& source) {
  const format::VerifiedContainer c = format::read_container(source);
  VerificationReport report;
  for (const auto& s : c.sections) {
    format::check_section_body(source, s);
    report.sections.push_back({s.entry.section_id, section_by_id(s.entry.section_id), s.entry.generation,
                               s.entry.ciphertext_length});
  }
  report.record_id_hex = crypto::to_hex(c.manifest.record_id);
  report.owner_fingerprint = format::fingerprint(c.manifest.owner_signing_key, c.manifest.owner_encryption_key);
  report.sequence = c.manifest.sequence;
  report.previous_manifest_hash_hex = crypto::to_hex(c.manifest.previous_manifest_hash);
  report.sections_listed = c.manifest.section_digests.size();
  report.grants_listed = c.manifest.grant_digests.size();
  report.grants_present = c.grants.size();
  return report;
}

std::string VerificationReport::to_json() const {
  // Every value here is hex, a registry name or a number: nothing needs escaping.
  std::string out = "{\n";
  out += "  \"record_id\": \"" + record_id_hex + "\",\n";
  out += "  \"owner_fingerprint\": \"" + owner_fingerprint + "\",\n";
  out += "  \"sequence\": " + std::to_string(sequence) + ",\n";
  out += "  \"previous_manifest_hash\": \"" + previous_manifest_hash_hex + "\",\n";
  out += "  \"kind\": \"" + std::string(is_full_record() ? "record" : "bundle") + "\",\n";
  out += "  \"sections_listed\": " + std::to_string(sections_listed) + ",\n";
  out += "  \"grants_listed\": " + std::to_string(grants_listed) + ",\n";
  out += "  \"grants_present\": " + std::to_string(grants_present) + ",\n";
  out += "  \"sections\": [";
  for (size_t i = 0; i < sections.size(); ++i) {
    const auto& s = sections[i];
    out += i == 0 ? "\n" : ",\n";
    out += "    {\"id\": " + std::to_string(s.id) + ", \"name\": \"" +
           (s.info ? std::string(s.info->name) : std::string("unknown")) + "\", \"generation\": " +
           std::to_string(s.generation) + ", \"ciphertext_length\": " + std::to_string(s.ciphertext_length) + "}";
  }
  out += sections.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace kartla::model
