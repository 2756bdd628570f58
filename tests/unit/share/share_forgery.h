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
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/grant_codec.h"
#include "format/labels.h"
#include "format/record_codec.h"
#include "format/section_crypto.h"
#include "share_fixture.h"

namespace kartla::sharetest {

struct LooseSection {
  format::SectionEntry entry;
  std::string listed;  // the digest the manifest lists this entry under (as taken apart)
  std::string body;
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

  LooseSection& by_id(uint32_t id) {
    for (auto& s : sections)
      if (s.entry.section_id == id) return s;
    throw std::logic_error("fixture: no such section");
  }
};

inline Loose take_apart(const std::string& file) {
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  Loose out{c.manifest_bytes, c.manifest_signature, c.manifest, {}, {}};
  for (const auto& s : c.sections)
    out.sections.push_back({s.entry, crypto::digest_bytes(format::section_entry_digest(s.entry_bytes)),
                            format::read_section_body(source, s)});
  for (const auto& g : c.grants) out.grants.push_back({g, crypto::digest_bytes(format::grant_digest(g))});
  return out;
}

inline std::string assemble(const std::string& manifest_bytes, const std::string& signature, const Loose& l) {
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
    replace_listed(l.manifest.section_digests, s.listed, now);
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

// What the owner can derive: the record master key and the key of any slot.
inline crypto::SecretBuffer owner_section_key(const format::Manifest& m, uint32_t section_id, uint32_t generation) {
  auto master = crypto::open_sealed(owner().box_keys(), m.owner_key_wrap, crypto::kMasterKeyBytes);
  if (!master) throw std::logic_error("fixture: the master key does not unwrap");
  return format::derive_section_key(*master, section_id, generation);
}

// Points an entry at a new body, with a matching hash and length (what a forger who re-signs the
// manifest would do so that the hash check passes).
inline void put_body(LooseSection& s, std::string body) {
  s.body = std::move(body);
  s.entry.ciphertext_length = s.body.size();
  s.entry.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(s.body));
}

inline void recommit(LooseSection& s, const std::string& record_id, const crypto::SecretBuffer& key) {
  s.entry.key_commitment =
      crypto::digest_bytes(format::key_commitment(key, {record_id, s.entry.section_id, s.entry.generation}));
}

// The grant as the agency reads it (its keys, its terms).
inline format::Grant open_grant_as(const identity::Identity& agency, const std::string& grant_bytes) {
  auto g = format::open_grant(agency.box_keys(), grant_bytes);
  if (!g) throw std::logic_error("fixture: the grant is not sealed to this agency");
  return std::move(*g);
}

// The one grant in `l` sealed to `agency`.
inline LooseGrant& grant_for(Loose& l, const identity::Identity& agency) {
  for (auto& g : l.grants)
    if (format::open_grant(agency.box_keys(), g.bytes)) return g;
  throw std::logic_error("fixture: no grant for this agency");
}

// A grant with the given terms and one section key, sealed to `agency` (anyone holding the
// agency's public card can do this).
inline std::string seal_grant_to(const identity::Identity& agency, const std::string& record_id, uint32_t section_id,
                                 uint32_t generation, const crypto::SecretBuffer& key, const std::string& purpose,
                                 int64_t expires_at = 0) {
  format::Grant g;
  g.terms.grant_id = std::string(16, '\x42');
  g.terms.record_id = record_id;
  g.terms.recipient_signing_key = agency.signing_keys().public_key;
  g.terms.recipient_encryption_key = agency.box_keys().public_key;
  g.terms.purpose = purpose;
  g.terms.granted_at = kNow;
  g.terms.expires_at = expires_at;
  format::GrantedSection s;
  s.section_id = section_id;
  s.generation = generation;
  s.key = crypto::SecretBuffer::copy_of(key.view());
  g.sections.push_back(std::move(s));
  return format::seal_grant(g);
}

inline crypto::SigningKeyPair stranger_signing_keys() {
  return crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, '\x5a')));
}

}  // namespace kartla::sharetest
