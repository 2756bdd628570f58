// SPDX-License-Identifier: Apache-2.0
// record.json: a record written by the library (model::Record) in two versions, with every
// intermediate value an independent reader needs to check it byte by byte (docs/SPEC.md §5, §6).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "crypto/aead.h"
#include "crypto/box.h"
#include "crypto/kdf.h"
#include "expected_report.h"
#include "format/framing.h"
#include "format/section_crypto.h"
#include "forge.h"
#include "generator.h"
#include "model/record.h"
#include "model/section_registry.h"
#include "model/validation/section_check.h"
#include "sample_content.h"
#include "wire.h"

namespace kartla::vectors {
namespace {

constexpr int64_t kWrittenAt = 1738368000;  // 2025-02-01T00:00:00Z: when the participant wrote the content

Section profile() { return {"profile", sample::profile("Amina", "Hassan", kWrittenAt)}; }

Section notes_v1() { return {"notes", sample::note("n1", "Wants to work in elderly care.", kWrittenAt)}; }

Section notes_v2() {
  return {"notes", sample::note("n1", "Wants to work in elderly care.", kWrittenAt) +
                       sample::note("n2", "Starts Swedish for immigrants in March.", kWrittenAt)};
}

model::OwnerKeys keys_of(const Owner& owner) {
  return {owner.identity.signing_keys(), owner.identity.box_keys()};
}

void write(model::Record& record, const Section& s) { write_valid_section(record, s); }

}  // namespace

Json owner_index_vector(const RecordKeys& keys, const format::Manifest& m) {
  const format::OwnerIndex index = keys.open_index(m);
  const std::string plaintext = index_wire(index);
  const crypto::SecretBuffer key = crypto::SecretBuffer::copy_of(keys.index_key());
  const crypto::SecretBuffer opened = crypto::aead_open(key, m.sealed_index, keys.index_associated_data(m.sequence));
  if (opened.view().as_string_view() != pad(plaintext)) throw std::logic_error("the owner index is not padded as SPEC 5.4 says");
  Json sections = Json::array();
  for (const auto& s : index.sections) {
    Json j = Json::object();
    j.add("name", Json::string(std::string(model::section_by_id(s.section_id)->name)));
    j.add("section_id", Json::number(s.section_id));
    j.add("generation", Json::number(s.generation));
    sections.push(std::move(j));
  }
  Json j = Json::object();
  j.add("index_key", Json::hex(keys.index_key()));
  j.add("associated_data", Json::hex(keys.index_associated_data(m.sequence)));
  j.add("plaintext", Json::hex(plaintext));
  j.add("padded_plaintext", Json::hex(opened.view()));
  j.add("nonce", Json::hex(m.sealed_index.substr(0, 24)));
  j.add("sealed_index", Json::hex(m.sealed_index));
  j.add("highest_generation", Json::number(index.highest_generation));
  j.add("sections", std::move(sections));
  return j;
}

namespace {

Json version_vector(const Owner& owner, const RecordVersion& version, const char* comment) {
  const ContainerParts parts = split_container(version.file);
  const format::Manifest& m = parts.manifest;
  const RecordKeys keys = record_keys(m, owner.identity.box_keys());
  if (m.slot_commitments != keys.slot_table()) throw std::logic_error("the slot table is not the RMK's");
  const format::OwnerIndex index = keys.open_index(m);

  Json sections = Json::array();
  std::vector<format::SectionEntry> entries;
  uint64_t bodies_total = 0;
  for (const auto& b : parts.bodies) bodies_total += b.size();
  const uint64_t header_length = version.file.size() - format::kFramePrefixBytes - bodies_total;
  uint64_t offset = format::kFramePrefixBytes + header_length;  // bodies follow the header
  for (size_t i = 0; i < parts.entries.size(); ++i) {
    const format::SectionEntry e = format::decode_section_entry(parts.entries[i]);
    entries.push_back(e);
    const uint32_t id = keys.section_of(e.slot_tag);
    const auto indexed = std::find_if(index.sections.begin(), index.sections.end(),
                                      [&](const format::IndexedSection& s) { return s.section_id == id; });
    if (id == 0 || indexed == index.sections.end()) throw std::logic_error("an entry the owner index does not name");
    const model::SectionInfo* info = model::section_by_id(id);
    const Section* expected = nullptr;
    for (const auto& s : version.sections)
      if (s.name == info->name) expected = &s;
    const format::SectionSlot slot{m.record_id, id, indexed->generation};
    const crypto::SecretBuffer key = keys.section_key(id, indexed->generation);
    const crypto::SecretBuffer opened = format::open_section(key, slot, e, parts.bodies[i]);
    if (expected == nullptr || opened.view().as_string_view() != expected->plaintext)
      throw std::logic_error("a section does not hold what was written");
    const std::string ad = format::section_associated_data(slot);
    const crypto::SecretBuffer padded = crypto::aead_open(key, parts.bodies[i], ad);
    if (padded.view().as_string_view() != pad(expected->plaintext))
      throw std::logic_error("a section is not padded as SPEC 5.4 says");
    const crypto::Digest digest = entry_digest(parts.entries[i]);
    Json s = Json::object();
    s.add("name", Json::string(std::string(info->name)));
    s.add("section_id", Json::number(id));
    s.add("generation", Json::number(indexed->generation));
    s.add("slot_secret", Json::hex(keys.slot_secret(id)));
    s.add("slot_tag", Json::hex(e.slot_tag));
    s.add("slot_commitment", Json::hex(keys.slot_commitment(id)));
    s.add("content", Json::hex(expected->plaintext));
    s.add("padded_plaintext", Json::hex(padded.view()));
    s.add("section_key", Json::hex(key.view()));
    s.add("associated_data", Json::hex(ad));
    s.add("key_commitment", Json::hex(e.key_commitment));
    s.add("body_offset", Json::number(offset));
    s.add("ciphertext_length", Json::number(e.ciphertext_length));
    s.add("nonce", Json::hex(parts.bodies[i].substr(0, 24)));
    s.add("ciphertext_hash", Json::hex(e.ciphertext_hash));
    s.add("entry", Json::hex(parts.entries[i]));
    s.add("entry_digest", Json::hex({digest.data(), digest.size()}));
    sections.push(std::move(s));
    offset += parts.bodies[i].size();
  }
  const crypto::Digest manifest_hash = format::manifest_hash(parts.manifest_bytes);
  Json refs = Json::array();
  for (const auto& r : m.sections) {
    Json j = Json::object();
    j.add("slot_tag", Json::hex(r.slot_tag));
    j.add("entry_digest", Json::hex(r.entry_digest));
    refs.push(std::move(j));
  }

  Json last_seen = Json::array();
  for (uint64_t seen : {m.sequence - 1, m.sequence, m.sequence + 1}) {
    Json j = Json::object();
    j.add("last_seen", Json::number(seen));
    j.add("result", Json::string(m.sequence < seen ? "E_ROLLBACK" : "OK"));
    last_seen.push(std::move(j));
  }

  Json v = Json::object();
  v.add("comment", Json::string(comment));
  v.add("file", Json::hex(version.file));
  v.add("record_id", Json::hex(m.record_id));
  v.add("sequence", Json::number(m.sequence));
  v.add("previous_manifest_hash", Json::hex(m.previous_manifest_hash));
  v.add("header_length", Json::number(header_length));
  v.add("manifest", Json::hex(parts.manifest_bytes));
  v.add("manifest_hash", Json::hex({manifest_hash.data(), manifest_hash.size()}));
  v.add("manifest_signature", Json::hex(parts.signature));
  v.add("owner_key_wrap", Json::hex(m.owner_key_wrap));
  v.add("record_master_key", Json::hex(keys.rmk.view()));
  v.add("slot_commitments", Json::hex(m.slot_commitments));
  v.add("section_refs", std::move(refs));
  v.add("owner_index", owner_index_vector(keys, m));
  v.add("sections", std::move(sections));
  v.add("verification_json", Json::string(expected_report(m, entries, parts.grants.size(), version.file.size())));
  v.add("last_seen_checks", std::move(last_seen));
  return v;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_valid_section(model::Record& record, const Section& s) {
  const model::SectionInfo& info = model::section_by_name(s.name);
  // Bindings write sample content through kartla_record_set_section, which validates it: the
  // vectors must never hold content the library would refuse there.
  model::require_valid(info, model::check_section_bytes_content(info, s.plaintext));
  record.write_section(info, s.plaintext);
}

Records make_records(const Owner& owner, const std::string& work_dir) {
  Records out;
  const std::string path = work_dir + "/record.kartla";
  model::Record record = model::Record::create(keys_of(owner));
  out.v1.sections = {profile(), notes_v1()};
  for (const auto& s : out.v1.sections) write(record, s);
  record.save(path);
  out.v1.file = read_file(path);

  out.v2.sections = {profile(), notes_v2()};
  write(record, notes_v2());
  record.save(path);
  out.v2.file = read_file(path);

  const std::string other_path = work_dir + "/other.kartla";
  model::Record other = model::Record::create(keys_of(owner));
  write(other, profile());
  other.save(other_path);
  out.other_record = read_file(other_path);
  return out;
}

Json record_vectors(const Owner& owner, const Records& records) {
  Json versions = Json::array();
  versions.push(version_vector(owner, records.v1, "the first version: sections profile and notes"));
  versions.push(version_vector(owner, records.v2,
                               "the second version: notes rewritten (same key generation, fresh nonce), "
                               "profile's body copied unchanged; previous_manifest_hash is v1's manifest_hash"));
  Json owner_json = Json::object();
  owner_json.add("identity", Json::string("identity.json"));
  owner_json.add("signing_key", Json::hex(owner.identity.signing_keys().public_key));
  owner_json.add("encryption_key", Json::hex(owner.identity.box_keys().public_key));
  owner_json.add("fingerprint", Json::string(owner.identity.fingerprint()));

  Json doc = Json::object();
  doc.add("file", Json::string("record.json"));
  doc.add("spec", Json::string("docs/SPEC.md sections 5, 6 and 8"));
  doc.add("notes", Json::string("A record written by the library for the owner of identity.json. Verifying each file "
                                "without a key MUST succeed with verification_json as the report; opening it as the "
                                "owner MUST give each section's content and no other section. sections[] are in file "
                                "order (ascending slot tag); bodies are at body_offset in file. A section's "
                                "padded_plaintext is pad(content) (SPEC 5.4), the AEAD plaintext of its body."));
  doc.add("owner", std::move(owner_json));
  doc.add("versions", std::move(versions));
  return doc;
}

}  // namespace kartla::vectors
