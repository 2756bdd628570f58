// SPDX-License-Identifier: Apache-2.0
#include "forge.h"

#include <algorithm>
#include <stdexcept>

#include "crypto/aead.h"
#include "crypto/hash.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/owner_index.h"
#include "format/section_crypto.h"
#include "wire.h"
#include "wire_read.h"

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
  for (const auto& r : m.sections)
    out += wire::bytes_always(8, wire::bytes_field(1, r.slot_tag) + wire::bytes_field(2, r.entry_digest));
  for (const auto& d : m.grant_digests) out += wire::bytes_always(9, d);
  out += wire::bytes_field(11, m.slot_commitments);
  out += wire::bytes_field(12, m.sealed_index);
  return out;
}

std::string entry_wire(const format::SectionEntry& e) {
  const std::string out = wire::bytes_field(1, e.slot_tag) + wire::varint_field(2, e.ciphertext_length) +
                          wire::bytes_field(3, e.ciphertext_hash) + wire::bytes_field(4, e.key_commitment);
  if (out != format::encode_section_entry(e)) throw std::logic_error("entry_wire differs from the library");
  return out;
}

std::string index_wire(const format::OwnerIndex& index) {
  std::string out = wire::varint_field(1, index.highest_generation);
  for (const auto& s : index.sections)
    out += wire::bytes_always(2, wire::varint_field(1, s.section_id) + wire::varint_field(2, s.generation));
  if (out != format::encode_owner_index(index)) throw std::logic_error("index_wire differs from the library");
  return out;
}

std::string slot_tag_of_entry(const std::string& entry) {
  for (const auto& f : wire::read_fields(entry))
    if (f.number == 1 && f.wire_type == 2) return f.bytes;
  throw std::logic_error("an entry without a slot tag");
}

crypto::Digest entry_digest(const std::string& entry) { return format::section_entry_digest(entry); }

void relist(ContainerParts& parts) {
  parts.manifest.sections.clear();
  for (const auto& e : parts.entries)
    parts.manifest.sections.push_back({slot_tag_of_entry(e), crypto::digest_bytes(entry_digest(e))});
  parts.manifest.grant_digests.clear();
  for (const auto& g : parts.grants)
    parts.manifest.grant_digests.push_back(crypto::digest_bytes(format::grant_digest(g)));
  format::sort_section_refs(parts.manifest.sections);
  format::sort_digests(parts.manifest.grant_digests);
}

void relist_entry(format::Manifest& manifest, const std::string& old_entry, const std::string& new_entry) {
  const std::string old_digest = crypto::digest_bytes(entry_digest(old_entry));
  const auto it = std::find_if(manifest.sections.begin(), manifest.sections.end(),
                               [&](const format::SectionRef& r) { return r.entry_digest == old_digest; });
  if (it == manifest.sections.end()) throw std::logic_error("the entry to replace is not listed");
  *it = {slot_tag_of_entry(new_entry), crypto::digest_bytes(entry_digest(new_entry))};
  format::sort_section_refs(manifest.sections);
}

void relist_grant(format::Manifest& manifest, const std::string& old_grant, const std::string& new_grant) {
  const std::string old_digest = crypto::digest_bytes(format::grant_digest(old_grant));
  const auto it = std::find(manifest.grant_digests.begin(), manifest.grant_digests.end(), old_digest);
  if (it == manifest.grant_digests.end()) throw std::logic_error("the grant to replace is not listed");
  *it = crypto::digest_bytes(format::grant_digest(new_grant));
  format::sort_digests(manifest.grant_digests);
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

std::string pad(const std::string& content) {
  std::string out = content;
  out.resize(static_cast<size_t>(crypto::padded_size(content.size())));
  crypto::pad_in_place(reinterpret_cast<uint8_t*>(out.data()), content.size());
  return out;
}

std::string RecordKeys::slot_secret(uint32_t section_id) const {
  return format::derive_slot_secret(rmk, section_id).view().to_string();
}

std::string RecordKeys::slot_tag(uint32_t section_id) const {
  return format::slot_tag(format::derive_slot_secret(rmk, section_id));
}

std::string RecordKeys::slot_commitment(uint32_t section_id) const {
  return format::slot_commitment(format::derive_slot_secret(rmk, section_id));
}

std::string RecordKeys::slot_table() const { return format::slot_commitment_table(rmk); }

uint32_t RecordKeys::section_of(const std::string& tag) const {
  for (uint32_t id = 1; id <= format::kMaxSectionId; ++id)
    if (slot_tag(id) == tag) return id;
  return 0;
}

crypto::SecretBuffer RecordKeys::section_key(uint32_t section_id, uint32_t generation) const {
  return format::derive_section_key(rmk, section_id, generation);
}

std::string RecordKeys::index_key() const {
  return crypto::derive_subkey(rmk, format::label::kOwnerIndexKeyContext, 0).view().to_string();
}

// Written from SPEC §6.2; seal_index_bytes checks it against the library on every call.
std::string RecordKeys::index_associated_data(uint64_t sequence) const {
  std::string ad = std::string(format::label::kOwnerIndexAd) + '\0';
  for (int i = 0; i < 4; ++i) ad.push_back(static_cast<char>((1u >> (8 * i)) & 0xff));
  ad += record_id;
  for (int i = 0; i < 8; ++i) ad.push_back(static_cast<char>((sequence >> (8 * i)) & 0xff));
  return ad;
}

format::OwnerIndex RecordKeys::open_index(const format::Manifest& m) const {
  return format::open_owner_index(rmk, m.record_id, m.sequence, m.sealed_index);
}

std::string RecordKeys::seal_index(uint64_t sequence, const format::OwnerIndex& index) const {
  return format::seal_owner_index(rmk, record_id, sequence, index);
}

std::string RecordKeys::seal_index_bytes(uint64_t sequence, const std::string& padded) const {
  const crypto::SecretBuffer key = crypto::SecretBuffer::copy_of(index_key());
  const std::string sealed = crypto::aead_seal(key, padded, index_associated_data(sequence));
  // The AD written here must be the library's: the same key and AD open the library's own seal.
  const std::string control = seal_index(sequence, format::OwnerIndex{});
  crypto::aead_open(key, control, index_associated_data(sequence));
  return sealed;
}

RecordKeys record_keys(const format::Manifest& m, const crypto::BoxKeyPair& owner) {
  auto rmk = crypto::open_sealed(owner, m.owner_key_wrap, crypto::kMasterKeyBytes);
  if (!rmk) throw std::logic_error("the owner cannot open the record master key");
  return RecordKeys{std::move(*rmk), m.record_id};
}

}  // namespace kartla::vectors
