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
    report.section_bytes += s.entry.ciphertext_length;
  }
  report.sections_present = c.sections.size();
  report.file_bytes = source.size();
  report.record_id_hex = crypto::to_hex(c.manifest.record_id);
  report.owner_fingerprint = format::fingerprint(c.manifest.owner_signing_key, c.manifest.owner_encryption_key);
  report.sequence = c.manifest.sequence;
  report.previous_manifest_hash_hex = crypto::to_hex(c.manifest.previous_manifest_hash);
  report.sections_listed = c.manifest.sections.size();
  report.grants_listed = c.manifest.grant_digests.size();
  report.grants_present = c.grants.size();
  return report;
}

std::string VerificationReport::to_json() const {
  // Every value here is hex or a number: nothing needs escaping.
  std::string out = "{\n";
  out += "  \"record_id\": \"" + record_id_hex + "\",\n";
  out += "  \"owner_fingerprint\": \"" + owner_fingerprint + "\",\n";
  out += "  \"sequence\": " + std::to_string(sequence) + ",\n";
  out += "  \"previous_manifest_hash\": \"" + previous_manifest_hash_hex + "\",\n";
  out += "  \"kind\": \"" + std::string(is_full_record() ? "record" : "bundle") + "\",\n";
  out += "  \"sections_listed\": " + std::to_string(sections_listed) + ",\n";
  out += "  \"sections_present\": " + std::to_string(sections_present) + ",\n";
  out += "  \"section_bytes\": " + std::to_string(section_bytes) + ",\n";
  out += "  \"grants_listed\": " + std::to_string(grants_listed) + ",\n";
  out += "  \"grants_present\": " + std::to_string(grants_present) + ",\n";
  out += "  \"file_bytes\": " + std::to_string(file_bytes) + "\n";
  out += "}\n";
  return out;
}

}  // namespace kartla::model
