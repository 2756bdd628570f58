#include "forge.h"

#include <stdexcept>

#include "crypto/hash.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/framing.h"
#include "format/labels.h"
#include "wire.h"

namespace kartla::vectors {

ContainerParts split_container(const std::string& file) {
  const format::MemorySource source(file);
  format::VerifiedContainer c = format::read_container(source);
  ContainerParts parts;
  parts.manifest = c.manifest;
  parts.manifest_bytes = c.manifest_bytes;
  parts.signature = c.manifest_signature;
  for (const auto& s : c.sections) {
    parts.entries.push_back(s.entry_bytes);
    parts.bodies.push_back(format::read_section_body(source, s));
  }
  parts.grants = c.grants;
  if (assemble(parts) != file) throw std::logic_error("split_container does not round-trip");
  return parts;
}

std::string assemble(const ContainerParts& parts) {
  std::string header = wire::varint_field(1, parts.header_version) + wire::bytes_field(2, parts.manifest_bytes) +
                       wire::bytes_field(3, parts.signature);
  for (const auto& e : parts.entries) header += wire::bytes_always(4, e);
  for (const auto& g : parts.grants) header += wire::bytes_always(5, g);
  header += parts.header_suffix;
  std::string file = format::frame_prefix(format::FileType::record, header.size()) + header;
  for (const auto& b : parts.bodies) file += b;
  return file;
}

std::string manifest_wire(const format::Manifest& m, uint32_t format_version) {
  std::string out = wire::varint_field(1, format_version) + wire::bytes_field(2, m.record_id) +
                    wire::bytes_field(3, m.owner_signing_key) + wire::bytes_field(4, m.owner_encryption_key) +
                    wire::varint_field(5, m.sequence) + wire::bytes_field(6, m.previous_manifest_hash) +
                    wire::bytes_field(7, m.owner_key_wrap);
  for (const auto& d : m.section_digests) out += wire::bytes_always(8, d);
  for (const auto& d : m.grant_digests) out += wire::bytes_always(9, d);
  out += wire::varint_field(10, m.highest_generation);
  return out;
}

std::string entry_wire(const format::SectionEntry& e) {
  const std::string out = wire::varint_field(1, e.section_id) + wire::varint_field(2, e.generation) +
                          wire::varint_field(3, e.ciphertext_length) + wire::bytes_field(4, e.ciphertext_hash) +
                          wire::bytes_field(5, e.key_commitment);
  if (out != format::encode_section_entry(e)) throw std::logic_error("entry_wire differs from the library");
  return out;
}

void relist(ContainerParts& parts) {
  parts.manifest.section_digests.clear();
  for (const auto& e : parts.entries)
    parts.manifest.section_digests.push_back(crypto::digest_bytes(format::section_entry_digest(e)));
  parts.manifest.grant_digests.clear();
  for (const auto& g : parts.grants)
    parts.manifest.grant_digests.push_back(crypto::digest_bytes(format::grant_digest(g)));
  format::sort_digests(parts.manifest.section_digests);
  format::sort_digests(parts.manifest.grant_digests);
}

void encode_and_sign(ContainerParts& parts, const crypto::SigningKeyPair& keys) {
  parts.manifest_bytes = manifest_wire(parts.manifest);
  if (parts.manifest_bytes != format::encode_manifest(parts.manifest))
    throw std::logic_error("manifest_wire differs from the library");
  sign_as_is(parts, keys);
}

void sign_as_is(ContainerParts& parts, const crypto::SigningKeyPair& keys) {
  parts.signature = crypto::sign_with_label(format::label::kManifestSignature, keys, parts.manifest_bytes);
}

}  // namespace kartla::vectors
