// Taking a saved record apart and putting it back together with a fresh owner signature. The
// moved-ciphertext tests need files that are validly signed by the owner (we hold the owner's
// keys), so that the signature and the manifest hashes all pass and only the section encryption's
// own binding (key commitment, associated data) is left to refuse the moved ciphertext.
#pragma once

#include <string>
#include <vector>

#include "crypto/box.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/labels.h"
#include "format/record_codec.h"
#include "format/section_crypto.h"

namespace kartla::testing {

struct LooseSection {
  format::SectionEntry entry;
  std::string body;
};

struct LooseRecord {
  format::Manifest manifest;
  std::vector<LooseSection> sections;
  std::vector<std::string> grants;

  LooseSection& by_id(uint32_t id) {
    for (auto& s : sections)
      if (s.entry.section_id == id) return s;
    throw std::logic_error("no such section in the fixture");
  }
};

inline LooseRecord take_apart(const std::string& file) {
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  LooseRecord out{c.manifest, {}, c.grants};
  for (const auto& s : c.sections) out.sections.push_back({s.entry, format::read_section_body(source, s)});
  return out;
}

// Re-encodes the entries, lists them in the manifest and signs it as the owner would.
inline std::string put_together(LooseRecord r, const crypto::SigningKeyPair& owner) {
  format::RecordHeader header;
  r.manifest.section_digests.clear();
  for (const auto& s : r.sections) {
    header.section_entries.push_back(format::encode_section_entry(s.entry));
    r.manifest.section_digests.push_back(crypto::digest_bytes(format::section_entry_digest(header.section_entries.back())));
  }
  format::sort_digests(r.manifest.section_digests);
  header.manifest = format::encode_manifest(r.manifest);
  header.manifest_signature = crypto::sign_with_label(format::label::kManifestSignature, owner, header.manifest);
  header.grants = r.grants;
  std::string out = format::encode_container_prefix(header);
  for (const auto& s : r.sections) out += s.body;
  return out;
}

// The section key the owner derives for a slot of this record (the master key unwrapped with the
// owner's X25519 key, exactly as Record::open does).
inline crypto::SecretBuffer owner_section_key(const LooseRecord& r, const crypto::BoxKeyPair& owner_box,
                                              uint32_t section_id, uint32_t generation) {
  auto master = crypto::open_sealed(owner_box, r.manifest.owner_key_wrap, 32);
  if (!master) throw std::logic_error("fixture: master key does not unwrap");
  return format::derive_section_key(*master, section_id, generation);
}

// Makes an entry claim a slot of `r`, and (if `recommit`) commit to the key the owner derives for
// that slot, so the key commitment passes and only the AEAD's associated data and key remain.
inline void claim_slot(LooseSection& s, const LooseRecord& r, const crypto::BoxKeyPair& owner_box,
                       uint32_t section_id, uint32_t generation, bool recommit) {
  s.entry.section_id = section_id;
  s.entry.generation = generation;
  if (recommit) {
    const auto key = owner_section_key(r, owner_box, section_id, generation);
    s.entry.key_commitment =
        crypto::digest_bytes(format::key_commitment(key, {r.manifest.record_id, section_id, generation}));
  }
}

}  // namespace kartla::testing
