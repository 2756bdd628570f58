// SPDX-License-Identifier: Apache-2.0
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

}  // namespace kartla::model
