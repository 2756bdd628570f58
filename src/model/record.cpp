#include "model/record.h"

#include <algorithm>

#include "base/error.h"
#include "crypto/kdf.h"
#include "crypto/random.h"
#include "format/container_reader.h"
#include "format/file_source.h"
#include "format/labels.h"
#include "format/limits.h"
#include "io/atomic_writer.h"
#include "io/file_lock.h"
#include "model/section_codec.h"

namespace kartla::model {
namespace {

crypto::SigningKeyPair copy_keys(const crypto::SigningKeyPair& keys) {
  return {keys.public_key, crypto::SecretBuffer::copy_of(keys.secret_key.view())};
}

bool file_exists(const std::string& path, const io::FileSystem& fs) {
  try {
    io::InputFile probe(path, format::kMaxRecordFileBytes, fs);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

Record::Record(crypto::SigningKeyPair signing, crypto::SecretBuffer master_key)
    : signing_(std::move(signing)), master_key_(std::move(master_key)) {}

Record Record::create(const OwnerKeys& owner) {
  Record record(copy_keys(owner.signing), crypto::random_secret(crypto::kMasterKeyBytes));
  record.manifest_.record_id = crypto::random_public_bytes(format::kRecordIdBytes);
  record.manifest_.owner_signing_key = owner.signing.public_key;
  record.manifest_.owner_encryption_key = owner.box.public_key;
  record.manifest_.owner_key_wrap = crypto::seal_to(owner.box.public_key, record.master_key_.view());
  return record;
}

Record Record::open(std::shared_ptr<const format::ByteSource> source, const OwnerKeys& owner) {
  format::VerifiedContainer c = format::read_container(*source);
  if (c.manifest.owner_signing_key != owner.signing.public_key ||
      c.manifest.owner_encryption_key != owner.box.public_key)
    fail(Code::auth, "this record belongs to another identity");
  auto master_key = crypto::open_sealed(owner.box, c.manifest.owner_key_wrap, crypto::kMasterKeyBytes);
  if (!master_key) fail(Code::integrity, "the record master key does not open with the owner's key");
  if (!c.has_every_section() || !c.has_every_grant())
    fail(Code::format, "this is a share bundle, not the full record (the owner needs the record file)");

  Record record(copy_keys(owner.signing), std::move(*master_key));
  record.manifest_ = std::move(c.manifest);
  record.manifest_bytes_ = std::move(c.manifest_bytes);
  for (auto& s : c.sections)
    record.sections_[s.entry.section_id] = Section{s.entry, std::move(s.entry_bytes), std::nullopt, s.body_offset};
  record.grants_ = std::move(c.grants);
  record.source_ = std::move(source);
  return record;
}

std::vector<SectionSummary> Record::sections() const {
  std::vector<SectionSummary> out;
  for (const auto& [id, s] : sections_)
    out.push_back({id, section_by_id(id), s.entry.generation, s.entry.ciphertext_length});
  return out;
}

format::SectionSlot Record::slot(uint32_t section_id, uint32_t generation) const {
  return {manifest_.record_id, section_id, generation};
}

std::string Record::body_of(const Section& section) const {
  if (section.new_body) return *section.new_body;
  format::ContainerSection located{section.entry, section.entry_bytes, section.source_offset};
  return format::read_section_body(*source_, located);
}

crypto::SecretBuffer Record::read_section(const SectionInfo& info) const {
  auto it = sections_.find(info.id);
  if (it == sections_.end()) fail(Code::not_found, "section '" + std::string(info.name) + "' is not in this record");
  const Section& s = it->second;
  const auto key = format::derive_section_key(master_key_, info.id, s.entry.generation);
  return format::open_section(key, slot(info.id, s.entry.generation), s.entry, body_of(s));
}

void Record::seal_into(const SectionInfo& info, uint32_t generation, ByteView plaintext) {
  const auto key = format::derive_section_key(master_key_, info.id, generation);
  format::SealedSection sealed = format::seal_section(key, slot(info.id, generation), plaintext);
  std::string entry_bytes = format::encode_section_entry(sealed.entry);
  sections_[info.id] = Section{sealed.entry, std::move(entry_bytes), std::move(sealed.body), 0};
}

void Record::write_section(const SectionInfo& info, ByteView plaintext) {
  check_section_bytes(info, plaintext);
  auto it = sections_.find(info.id);
  // The same generation keeps the same key; a fresh random nonce makes the new ciphertext safe.
  seal_into(info, it == sections_.end() ? 1 : it->second.entry.generation, plaintext);
}

void Record::remove_section(const SectionInfo& info) {
  if (sections_.erase(info.id) == 0)
    fail(Code::not_found, "section '" + std::string(info.name) + "' is not in this record");
}

void Record::rotate_section(const SectionInfo& info) {
  auto it = sections_.find(info.id);
  if (it == sections_.end()) fail(Code::not_found, "section '" + std::string(info.name) + "' is not in this record");
  if (it->second.entry.generation == UINT32_MAX) fail(Code::limit, "section has run out of key generations");
  const crypto::SecretBuffer plaintext = read_section(info);
  seal_into(info, it->second.entry.generation + 1, plaintext.view());
}

void Record::check_save_target(const std::string& path, const io::FileSystem& fs) const {
  if (!file_exists(path, fs)) return;
  std::optional<format::VerifiedContainer> existing;
  try {
    format::FileSource source(path, fs);
    existing = format::read_container(source);
  } catch (const Error&) {
  }
  if (!existing || existing->manifest.record_id != manifest_.record_id)
    fail(Code::invalid_argument, "refusing to overwrite " + path + ": it is not this record");
  // Lost-update guard: someone saved a newer version since we read ours.
  if (existing->manifest_bytes != manifest_bytes_)
    fail(Code::busy, path + " was changed by another program since it was opened; open it again");
}

void Record::save(const std::string& path, const io::FileSystem& fs) {
  io::FileLock lock = io::FileLock::acquire(path, fs);
  check_save_target(path, fs);

  format::Manifest next = manifest_;
  next.sequence = manifest_.sequence + 1;
  next.previous_manifest_hash =
      manifest_bytes_.empty() ? std::string() : crypto::digest_bytes(format::manifest_hash(manifest_bytes_));
  next.section_digests.clear();
  format::RecordHeader header;
  for (const auto& [id, s] : sections_) {
    next.section_digests.push_back(crypto::digest_bytes(format::section_entry_digest(s.entry_bytes)));
    header.section_entries.push_back(s.entry_bytes);
  }
  next.grant_digests.clear();
  for (const auto& g : grants_) next.grant_digests.push_back(crypto::digest_bytes(format::grant_digest(g)));
  format::sort_digests(next.section_digests);
  format::sort_digests(next.grant_digests);
  header.manifest = format::encode_manifest(next);
  header.manifest_signature = crypto::sign_with_label(format::label::kManifestSignature, signing_, header.manifest);
  header.grants = grants_;

  const std::string prefix = format::encode_container_prefix(header);
  io::AtomicWriter writer(path, fs);
  writer.write(prefix);
  std::map<uint32_t, uint64_t> offsets;
  uint64_t offset = prefix.size();
  for (const auto& [id, s] : sections_) {
    const std::string body = body_of(s);
    // An unchanged body is copied from the old file: check it still matches what we sign.
    const crypto::Digest hash = format::ciphertext_hash(body);
    if (!crypto::equal_constant_time({hash.data(), hash.size()}, s.entry.ciphertext_hash))
      fail(Code::integrity, "section ciphertext in the old file no longer matches its manifest");
    writer.write(body);
    offsets[id] = offset;
    offset += body.size();
  }
  writer.commit();

  // Read unchanged and new bodies from the file just written (still under the lock).
  source_ = std::make_shared<format::FileSource>(path, fs);
  for (auto& [id, s] : sections_) {
    s.new_body.reset();
    s.source_offset = offsets[id];
  }
  manifest_ = std::move(next);
  manifest_bytes_ = std::move(header.manifest);
}

}  // namespace kartla::model
