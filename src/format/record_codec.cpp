// SPDX-License-Identifier: Apache-2.0
#include "format/record_codec.h"

#include <algorithm>

#include "base/error.h"
#include "crypto/padding.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/container.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

void require_size(const std::string& field, size_t size, const char* what) {
  if (field.size() != size) fail(Code::format, "%s has an invalid length", {std::string(what)});
}

void require_ascending(const std::vector<std::string>& digests, const char* what) {
  for (size_t i = 0; i < digests.size(); ++i) {
    require_size(digests[i], kDigestBytes, what);
    // Strict order makes the list canonical and rules out duplicates.
    if (i > 0 && !(digests[i - 1] < digests[i]))
      fail(Code::format, "%s are not in strictly ascending order", {std::string(what)});
  }
}

template <typename Repeated>
std::vector<std::string> to_vector(const Repeated& repeated) {
  return std::vector<std::string>(repeated.begin(), repeated.end());
}

std::string serialize(const google::protobuf::Message& message) {
  std::string out;
  if (!message.SerializeToString(&out)) fail(Code::internal, "cannot serialize a container message");
  return out;
}

}  // namespace

const SectionRef* Manifest::find_ref(ByteView slot_tag) const {
  const std::string tag = slot_tag.to_string();
  const auto it = std::lower_bound(sections.begin(), sections.end(), tag,
                                   [](const SectionRef& r, const std::string& t) { return r.slot_tag < t; });
  return it != sections.end() && it->slot_tag == tag ? &*it : nullptr;
}

std::string encode_manifest(const Manifest& m) {
  pb::Manifest msg;
  msg.set_format_version(kFormatVersion);
  msg.set_record_id(m.record_id);
  msg.set_owner_signing_key(m.owner_signing_key);
  msg.set_owner_encryption_key(m.owner_encryption_key);
  msg.set_sequence(m.sequence);
  msg.set_previous_manifest_hash(m.previous_manifest_hash);
  msg.set_owner_key_wrap(m.owner_key_wrap);
  for (const auto& r : m.sections) {
    auto* ref = msg.add_sections();
    ref->set_slot_tag(r.slot_tag);
    ref->set_entry_digest(r.entry_digest);
  }
  for (const auto& d : m.grant_digests) msg.add_grant_digests(d);
  msg.set_slot_commitments(m.slot_commitments);
  msg.set_sealed_index(m.sealed_index);
  return serialize(msg);
}

Manifest decode_manifest(ByteView bytes) {
  pb::Manifest msg;
  parse_strict(bytes, msg, "manifest", kMaxHeaderBytes);
  if (msg.format_version() != kFormatVersion)
    fail(Code::version, "manifest format version %s is not supported", {std::to_string(msg.format_version())});
  Manifest m;
  m.record_id = msg.record_id();
  m.owner_signing_key = msg.owner_signing_key();
  m.owner_encryption_key = msg.owner_encryption_key();
  m.sequence = msg.sequence();
  m.previous_manifest_hash = msg.previous_manifest_hash();
  m.owner_key_wrap = msg.owner_key_wrap();
  m.slot_commitments = msg.slot_commitments();
  m.sealed_index = msg.sealed_index();
  require_size(m.record_id, kRecordIdBytes, "record id");
  require_size(m.owner_signing_key, 32, "owner signing key");
  require_size(m.owner_encryption_key, 32, "owner encryption key");
  require_size(m.owner_key_wrap, 80, "owner key wrap");
  if (m.sequence == 0) fail(Code::format, "manifest sequence must be at least 1");
  // The first manifest has no predecessor; every later one must name it.
  require_size(m.previous_manifest_hash, m.sequence == 1 ? 0 : kDigestBytes, "previous manifest hash");
  if (static_cast<size_t>(msg.sections_size()) > kMaxSections)
    fail(Code::limit, "manifest lists more sections than the limit");
  if (static_cast<size_t>(msg.grant_digests_size()) > kMaxGrants)
    fail(Code::limit, "manifest lists more grants than the limit");
  for (const auto& r : msg.sections()) {
    require_size(r.slot_tag(), kDigestBytes, "slot tag");
    require_size(r.entry_digest(), kDigestBytes, "section entry digest");
    // Strictly ascending tags: no slot is listed twice, so no section has two entries.
    if (!m.sections.empty() && !(m.sections.back().slot_tag < r.slot_tag()))
      fail(Code::format, "section slots are not in strictly ascending order");
    m.sections.push_back({r.slot_tag(), r.entry_digest()});
  }
  // One entry under two slots would let a reader pair it with either: each digest once.
  std::vector<std::string> entry_digests;
  for (const auto& r : m.sections) entry_digests.push_back(r.entry_digest);
  std::sort(entry_digests.begin(), entry_digests.end());
  if (std::adjacent_find(entry_digests.begin(), entry_digests.end()) != entry_digests.end())
    fail(Code::format, "the manifest lists one section entry under two slots");
  m.grant_digests = to_vector(msg.grant_digests());
  require_ascending(m.grant_digests, "grant digests");
  require_size(m.slot_commitments, kSlotTableBytes, "slot commitment table");
  std::vector<std::string> commitments;
  for (size_t i = 0; i < kSlotTableBytes; i += kDigestBytes) commitments.push_back(m.slot_commitments.substr(i, kDigestBytes));
  std::sort(commitments.begin(), commitments.end());
  // Distinct commitments mean distinct slot secrets: one secret cannot stand for two sections.
  if (std::adjacent_find(commitments.begin(), commitments.end()) != commitments.end())
    fail(Code::format, "the slot commitment table repeats a commitment");
  require_size(m.sealed_index, kSealedIndexBytes, "sealed index");
  return m;
}

std::string encode_section_entry(const SectionEntry& e) {
  pb::SectionEntry msg;
  msg.set_slot_tag(e.slot_tag);
  msg.set_ciphertext_length(e.ciphertext_length);
  msg.set_ciphertext_hash(e.ciphertext_hash);
  msg.set_key_commitment(e.key_commitment);
  return serialize(msg);
}

SectionEntry decode_section_entry(ByteView bytes) {
  pb::SectionEntry msg;
  parse_strict(bytes, msg, "section entry", kMaxHeaderBytes);
  SectionEntry e{msg.slot_tag(), msg.ciphertext_length(), msg.ciphertext_hash(), msg.key_commitment()};
  require_size(e.slot_tag, kDigestBytes, "slot tag");
  constexpr uint64_t kOverhead = 40;  // nonce and tag
  if (e.ciphertext_length > kMaxPaddedSection + kOverhead) fail(Code::limit, "section ciphertext length out of range");
  // Every body holds padded content (SPEC §5.4): its length is one of the padding buckets.
  if (e.ciphertext_length < kOverhead + crypto::kPaddingFloor || !crypto::is_padded_size(e.ciphertext_length - kOverhead))
    fail(Code::format, "section ciphertext length is not a padded length");
  require_size(e.ciphertext_hash, kDigestBytes, "ciphertext hash");
  require_size(e.key_commitment, kDigestBytes, "key commitment");
  return e;
}

std::string encode_owner_index(const OwnerIndex& index) {
  pb::OwnerIndex msg;
  msg.set_highest_generation(index.highest_generation);
  for (const auto& s : index.sections) {
    auto* out = msg.add_sections();
    out->set_section_id(s.section_id);
    out->set_generation(s.generation);
  }
  return serialize(msg);
}

OwnerIndex decode_owner_index(ByteView bytes) {
  pb::OwnerIndex msg;
  parse_strict(bytes, msg, "owner index", kSealedIndexBytes);
  OwnerIndex index;
  index.highest_generation = msg.highest_generation();
  for (const auto& s : msg.sections()) {
    if (s.section_id() == 0 || s.section_id() > kMaxSectionId)
      fail(Code::format, "the owner index names a section id outside 1-64");
    if (!index.sections.empty() && index.sections.back().section_id >= s.section_id())
      fail(Code::format, "the owner index is not in strictly ascending section order");
    // Generations come from one counter (SPEC §5.2): none is 0 or above the highest issued.
    if (s.generation() == 0 || s.generation() > index.highest_generation)
      fail(Code::format, "a section's key generation is outside 1 to the highest the record issued");
    index.sections.push_back({s.section_id(), s.generation()});
  }
  return index;
}

std::string encode_record_header(const RecordHeader& h) {
  pb::RecordHeader msg;
  msg.set_format_version(kFormatVersion);
  msg.set_manifest(h.manifest);
  msg.set_manifest_signature(h.manifest_signature);
  for (const auto& e : h.section_entries) msg.add_section_entries(e);
  for (const auto& g : h.grants) msg.add_grants(g);
  return serialize(msg);
}

RecordHeader decode_record_header(ByteView bytes) {
  pb::RecordHeader msg;
  parse_strict(bytes, msg, "record header", kMaxHeaderBytes);
  if (msg.format_version() != kFormatVersion)
    fail(Code::version, "record format version %s is not supported", {std::to_string(msg.format_version())});
  if (static_cast<size_t>(msg.section_entries_size()) > kMaxSections)
    fail(Code::limit, "record holds more sections than the limit");
  if (static_cast<size_t>(msg.grants_size()) > kMaxGrants)
    fail(Code::limit, "record holds more grants than the limit");
  RecordHeader h{msg.manifest(), msg.manifest_signature(), to_vector(msg.section_entries()),
                 to_vector(msg.grants())};
  if (h.manifest_signature.size() != 64) fail(Code::format, "manifest signature has an invalid length");
  return h;
}

void sort_digests(std::vector<std::string>& digests) { std::sort(digests.begin(), digests.end()); }

void sort_section_refs(std::vector<SectionRef>& refs) {
  std::sort(refs.begin(), refs.end(), [](const SectionRef& a, const SectionRef& b) { return a.slot_tag < b.slot_tag; });
}

crypto::Digest section_entry_digest(ByteView entry_bytes) {
  return crypto::labelled_hash(label::kSectionEntry, entry_bytes);
}

crypto::Digest manifest_hash(ByteView manifest_bytes) {
  return crypto::labelled_hash(label::kManifestHash, manifest_bytes);
}

}  // namespace kartla::format
