/* SPDX-License-Identifier: Apache-2.0 */
// Taking a record file or bundle apart and putting it back together, either with the owner's
// original signature (so tampering must be caught by the signature and the digests it covers) or
// re-signed by a key we hold (the owner's, to show that what remains - key commitment, AD
// binding, AEAD - still refuses; or a stranger's, to show the signature refuses).
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "crypto/box.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/grant_codec.h"
#include "format/labels.h"
#include "format/owner_index.h"
#include "format/record_codec.h"
#include "format/section_crypto.h"
#include "share_fixture.h"

namespace kartla::sharetest {

struct LooseSection {
  format::SectionEntry entry;
  std::string listed;  // the digest the manifest lists this entry under (as taken apart)
  std::string body;
  uint32_t section_id = 0;  // what the owner's index says this entry is (the file does not say)
  uint32_t generation = 0;
};

struct LooseGrant {
  std::string bytes;
  std::string listed;
};

struct Loose {
  std::string manifest_bytes;  // as signed by the owner
  std::string signature;
  format::Manifest manifest;
  std::vector<LooseSection> sections;
  std::vector<LooseGrant> grants;
  uint32_t highest_generation = 0;  // from the owner's index

  LooseSection& by_id(uint32_t id) {
    for (auto& s : sections)
      if (s.section_id == id) return s;
    throw std::logic_error("fixture: no such section");
  }
};

inline crypto::SecretBuffer owner_master_key(const format::Manifest& m) {
  auto master = crypto::open_sealed(owner().box_keys(), m.owner_key_wrap, crypto::kMasterKeyBytes);
  if (!master) throw std::logic_error("fixture: the master key does not unwrap");
  return std::move(*master);
}

// Takes a file of the fixture's owner apart, naming each entry with the owner's index.
inline Loose take_apart(const std::string& file) {
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  const crypto::SecretBuffer master = owner_master_key(c.manifest);
  const format::OwnerIndex index =
      format::open_owner_index(master, c.manifest.record_id, c.manifest.sequence, c.manifest.sealed_index);
  Loose out{c.manifest_bytes, c.manifest_signature, c.manifest, {}, {}, index.highest_generation};
  for (const auto& s : c.sections) {
    LooseSection loose{s.entry, crypto::digest_bytes(format::section_entry_digest(s.entry_bytes)),
                       format::read_section_body(source, s)};
    for (const auto& indexed : index.sections)
      if (format::slot_tag(format::derive_slot_secret(master, indexed.section_id)) == s.entry.slot_tag)
        loose.section_id = indexed.section_id, loose.generation = indexed.generation;
    out.sections.push_back(std::move(loose));
  }
  for (const auto& g : c.grants) out.grants.push_back({g, crypto::digest_bytes(format::grant_digest(g))});
  return out;
}

inline std::string assemble(const std::string& manifest_bytes, const std::string& signature, const Loose& l) {  // NOLINT
  format::RecordHeader header;
  header.manifest = manifest_bytes;
  header.manifest_signature = signature;
  for (const auto& s : l.sections) header.section_entries.push_back(format::encode_section_entry(s.entry));
  for (const auto& g : l.grants) header.grants.push_back(g.bytes);
  std::string out = format::encode_container_prefix(header);
  for (const auto& s : l.sections) out += s.body;
  return out;
}

// The owner's manifest and signature, untouched, around whatever the entries and grants are now.
inline std::string with_original_signature(const Loose& l) { return assemble(l.manifest_bytes, l.signature, l); }

inline void replace_listed(std::vector<std::string>& digests, const std::string& old_digest,
                           const std::string& new_digest) {
  auto it = std::find(digests.begin(), digests.end(), old_digest);
  if (it != digests.end()) digests.erase(it);
  digests.push_back(new_digest);
  format::sort_digests(digests);
}

// Lists every entry and grant as it is now (in place of the digest it was taken apart under, so
// the digests of sections absent from a bundle stay listed) and signs with `signer`.
inline std::string resign(Loose l, const crypto::SigningKeyPair& signer) {
  for (auto& s : l.sections) {
    const std::string now = crypto::digest_bytes(format::section_entry_digest(format::encode_section_entry(s.entry)));
    auto& refs = l.manifest.sections;
    refs.erase(std::remove_if(refs.begin(), refs.end(), [&](const format::SectionRef& r) { return r.entry_digest == s.listed; }),
               refs.end());
    refs.push_back({s.entry.slot_tag, now});
    format::sort_section_refs(refs);
    s.listed = now;
  }
  for (auto& g : l.grants) {
    const std::string now = crypto::digest_bytes(format::grant_digest(g.bytes));
    replace_listed(l.manifest.grant_digests, g.listed, now);
    g.listed = now;
  }
  const std::string manifest = format::encode_manifest(l.manifest);
  return assemble(manifest, crypto::sign_with_label(format::label::kManifestSignature, signer, manifest), l);
}

inline std::string resign_as_owner(Loose l) { return resign(std::move(l), owner().signing_keys()); }

// What the owner can derive: the key of any section and generation, and any slot secret.
inline crypto::SecretBuffer owner_section_key(const format::Manifest& m, uint32_t section_id, uint32_t generation) {
  return format::derive_section_key(owner_master_key(m), section_id, generation);
}
inline crypto::SecretBuffer owner_slot_secret(const format::Manifest& m, uint32_t section_id) {
  return format::derive_slot_secret(owner_master_key(m), section_id);
}

// Points an entry at a new body, with a matching hash and length (what a forger who re-signs the
// manifest would do so that the hash check passes).
inline void put_body(LooseSection& s, std::string body) {
  s.body = std::move(body);
  s.entry.ciphertext_length = s.body.size();
  s.entry.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(s.body));
}

inline void recommit(LooseSection& s, const std::string& record_id, const crypto::SecretBuffer& key) {
  s.entry.key_commitment = crypto::digest_bytes(format::key_commitment(key, {record_id, s.section_id, s.generation}));
}

// The grant as the agency reads it (its keys, its terms).
inline format::Grant open_grant_as(const identity::Identity& agency, const std::string& grant_bytes) {
  auto g = format::open_grant(agency.box_keys(), agency.signing_keys().public_key, grant_bytes);
  if (!g) throw std::logic_error("fixture: the grant is not sealed to this agency");
  return std::move(*g);
}

// The one grant in `l` sealed to `agency`.
inline LooseGrant& grant_for(Loose& l, const identity::Identity& agency) {
  for (auto& g : l.grants)
    if (format::open_grant(agency.box_keys(), agency.signing_keys().public_key, g.bytes)) return g;
  throw std::logic_error("fixture: no grant for this agency");
}

// A grant with the given terms and one section key and slot secret, sealed to `agency` (anyone
// holding the agency's public card can do this).
inline std::string seal_grant_to(const identity::Identity& agency, const std::string& record_id, uint32_t section_id,
                                 uint32_t generation, const crypto::SecretBuffer& key, const crypto::SecretBuffer& slot_secret,
                                 const std::string& purpose, int64_t expires_at = 0) {
  format::Grant g;
  g.terms.grant_id = std::string(16, '\x42');
  g.terms.record_id = record_id;
  g.terms.recipient_signing_key = agency.signing_keys().public_key;
  g.terms.recipient_encryption_key = agency.box_keys().public_key;
  g.terms.purpose = purpose;
  g.terms.granted_at = kNow;
  g.terms.expires_at = expires_at;
  g.terms.gdpr_art6_basis = "6.1.a";
  format::GrantedSection s;
  s.section_id = section_id;
  s.generation = generation;
  s.key = crypto::SecretBuffer::copy_of(key.view());
  s.slot_secret = crypto::SecretBuffer::copy_of(slot_secret.view());
  g.sections.push_back(std::move(s));
  return format::seal_grant(g);
}

// `text` padded as every encrypted plaintext is (SPEC §5.4).
inline std::string padded(const std::string& text) {
  std::string out(static_cast<size_t>(crypto::padded_size(text.size())), '\0');
  std::copy(text.begin(), text.end(), out.begin());
  crypto::pad_in_place(reinterpret_cast<uint8_t*>(out.data()), text.size());
  return out;
}

inline crypto::SigningKeyPair stranger_signing_keys() {
  return crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, '\x5a')));
}

}  // namespace kartla::sharetest
