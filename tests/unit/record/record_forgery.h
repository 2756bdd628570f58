/* SPDX-License-Identifier: Apache-2.0 */
// Taking a saved record apart and putting it back together with a fresh owner signature. The
// moved-ciphertext and owner-index tests need files that are validly signed by the owner (we hold
// the owner's keys), so that the signature and the manifest digests all pass and only the section
// encryption's own binding (slot, key commitment, associated data) or the owner's checks of the
// slot table and the sealed index are left to refuse the forgery.
//
// Entries name no section (docs/SPEC.md §5.3): the forger finds a section's entry by its slot tag,
// derived from the record master key that the owner's X25519 key unwraps, and reads the owner
// index (ids and generations) the same way.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/box.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/labels.h"
#include "format/owner_index.h"
#include "format/record_codec.h"
#include "format/section_crypto.h"

namespace kartla::testing {

struct LooseSection {
  format::SectionEntry entry;
  std::string body;
};

struct LooseRecord {
  format::Manifest manifest;
  std::vector<LooseSection> sections;  // in header order
  std::vector<std::string> grants;
  std::shared_ptr<const crypto::SecretBuffer> master_key;  // unwrapped with the owner's key
  format::OwnerIndex index;                                // opened with it
  bool reseal_index = true;  // put_together seals `index` for manifest.sequence; false keeps sealed_index

  std::string tag(uint32_t section_id) const {
    return format::slot_tag(format::derive_slot_secret(*master_key, section_id));
  }

  // The key generation the owner index gives a section.
  uint32_t generation(uint32_t section_id) const {
    for (const auto& s : index.sections)
      if (s.section_id == section_id) return s.generation;
    throw std::logic_error("fixture: the index lists no such section");
  }

  // The entry in the slot of a section id.
  LooseSection& by_id(uint32_t id) {
    const std::string t = tag(id);
    for (auto& s : sections)
      if (s.entry.slot_tag == t) return s;
    throw std::logic_error("no such section in the fixture");
  }
  const LooseSection& by_id(uint32_t id) const { return const_cast<LooseRecord*>(this)->by_id(id); }
};

inline crypto::SecretBuffer unwrap_master_key(const format::Manifest& manifest, const crypto::BoxKeyPair& owner_box) {
  auto master = crypto::open_sealed(owner_box, manifest.owner_key_wrap, 32);
  if (!master) throw std::logic_error("fixture: master key does not unwrap");
  return std::move(*master);
}

inline LooseRecord take_apart(const std::string& file, const crypto::BoxKeyPair& owner_box) {
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  LooseRecord out{c.manifest, {}, c.grants, nullptr, {}};
  out.master_key = std::make_shared<const crypto::SecretBuffer>(unwrap_master_key(c.manifest, owner_box));
  out.index = format::open_owner_index(*out.master_key, c.manifest.record_id, c.manifest.sequence,
                                       c.manifest.sealed_index);
  for (const auto& s : c.sections) out.sections.push_back({s.entry, format::read_section_body(source, s)});
  return out;
}

// A file around a manifest exactly as given (its lists are not recomputed), signed by `owner`:
// for forgeries whose manifest pairs entries with slots other than their own.
inline std::string signed_file(const format::Manifest& manifest, const std::vector<LooseSection>& sections,
                               const std::vector<std::string>& grants, const crypto::SigningKeyPair& owner) {
  format::RecordHeader header;
  for (const auto& s : sections) header.section_entries.push_back(format::encode_section_entry(s.entry));
  header.manifest = format::encode_manifest(manifest);
  header.manifest_signature = crypto::sign_with_label(format::label::kManifestSignature, owner, header.manifest);
  header.grants = grants;
  std::string out = format::encode_container_prefix(header);
  for (const auto& s : sections) out += s.body;
  return out;
}

inline std::string entry_digest(const LooseSection& s) {
  return crypto::digest_bytes(format::section_entry_digest(format::encode_section_entry(s.entry)));
}

// Lists every entry (in `sections` order) under the slot tag it carries and seals the owner index
// for the manifest's sequence (unless reseal_index is false), as the owner's writer would.
inline void relist(LooseRecord& r) {
  r.manifest.sections.clear();
  for (const auto& s : r.sections) r.manifest.sections.push_back({s.entry.slot_tag, entry_digest(s)});
  format::sort_section_refs(r.manifest.sections);
  if (r.reseal_index)
    r.manifest.sealed_index =
        format::seal_owner_index(*r.master_key, r.manifest.record_id, r.manifest.sequence, r.index);
}

// relist, then the file, its manifest signed by the owner.
inline std::string put_together(LooseRecord r, const crypto::SigningKeyPair& owner) {
  relist(r);
  return signed_file(r.manifest, r.sections, r.grants, owner);
}

// The section key the owner derives for a section of `r` at a generation.
inline crypto::SecretBuffer owner_section_key(const LooseRecord& r, uint32_t section_id, uint32_t generation) {
  return format::derive_section_key(*r.master_key, section_id, generation);
}

// Puts an entry in the slot of `section_id` in `r` (its slot tag), and (if `recommit`) makes it
// commit to the key the owner derives for that section at `generation`, so the key commitment
// passes and only the AEAD's associated data and key remain to refuse the body.
inline void claim_slot(LooseSection& s, const LooseRecord& r, uint32_t section_id, uint32_t generation,
                       bool recommit) {
  s.entry.slot_tag = r.tag(section_id);
  if (recommit) {
    const auto key = owner_section_key(r, section_id, generation);
    s.entry.key_commitment =
        crypto::digest_bytes(format::key_commitment(key, {r.manifest.record_id, section_id, generation}));
  }
}

}  // namespace kartla::testing
