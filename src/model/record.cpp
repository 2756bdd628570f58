// SPDX-License-Identifier: Apache-2.0
#include "model/record.h"

#include <algorithm>
#include <cstring>

#include "base/error.h"
#include "crypto/kdf.h"
#include "crypto/random.h"
#include "format/container_reader.h"
#include "format/file_source.h"
#include "format/limits.h"
#include "format/manifest_signature.h"
#include "format/owner_index.h"
#include "io/atomic_writer.h"
#include "io/file_lock.h"
#include "io/input_file.h"
#include "model/section_codec.h"

namespace kartla::model {
namespace {

crypto::SigningKeyPair copy_keys(const crypto::SigningKeyPair& keys) {
  return {keys.public_key, crypto::SecretBuffer::copy_of(keys.secret_key.view())};
}

// Only a path with nothing at it (ENOENT) counts as absent. A file that exists but cannot be read
// (EIO, EACCES) might be someone's record: treating it as absent would skip both save guards.
bool file_exists(const std::string& path, const io::FileSystem& fs) {
  return io::InputFile::open_if_exists(path, format::kMaxRecordFileBytes, fs).has_value();
}

void refuse_owner_only(const SectionInfo& info) {
  if (info.owner_only)
    fail(Code::invalid_argument, "section '%s' is kept by the library (share, revoke and expiry write it) and cannot "
         "be set or removed directly", {std::string(info.name)});
}

// Before the content is parsed: a section without a slot is refused whatever it holds.
void require_slot(const SectionInfo& info) {
  if (info.id == 0 || info.id > format::kMaxSectionId)
    fail(Code::invalid_argument, "section ids are 1 to 64 in format version 1");
}

}  // namespace

Record::Record(crypto::SigningKeyPair signing, crypto::SecretBuffer master_key)
    : signing_(std::move(signing)), master_key_(std::move(master_key)) {
  for (uint32_t id = 1; id <= format::kMaxSectionId; ++id)
    slot_tags_.push_back(format::slot_tag(format::derive_slot_secret(master_key_, id)));
}

Record Record::create(const OwnerKeys& owner) {
  Record record(copy_keys(owner.signing), crypto::random_secret(crypto::kMasterKeyBytes));
  record.manifest_.record_id = crypto::random_public_bytes(format::kRecordIdBytes);
  record.manifest_.owner_signing_key = owner.signing.public_key;
  record.manifest_.owner_encryption_key = owner.box.public_key;
  record.manifest_.owner_key_wrap = crypto::seal_to(owner.box.public_key, record.master_key_.view());
  record.manifest_.slot_commitments = format::slot_commitment_table(record.master_key_);
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
  // The table is signed, but only the master key says it is this record's own: a table that does
  // not match would let an agency's slot check pass for slots the owner cannot place.
  if (c.manifest.slot_commitments != format::slot_commitment_table(record.master_key_))
    fail(Code::integrity, "the record's slot table does not match its master key");
  const format::OwnerIndex index = format::open_owner_index(record.master_key_, c.manifest.record_id,
                                                            c.manifest.sequence, c.manifest.sealed_index);
  if (index.sections.size() != c.sections.size())
    fail(Code::format, "the record's index and its section entries disagree");
  for (const auto& indexed : index.sections) {
    const format::ContainerSection* s = c.find_slot(record.tag_of(indexed.section_id));
    if (s == nullptr) fail(Code::format, "the record's index names a section the file does not hold");
    record.sections_[indexed.section_id] =
        Section{indexed.generation, s->entry, s->entry_bytes, std::nullopt, s->body_offset};
  }
  record.highest_generation_ = index.highest_generation;
  record.manifest_ = std::move(c.manifest);
  record.manifest_bytes_ = std::move(c.manifest_bytes);
  record.grants_ = std::move(c.grants);
  record.source_ = std::move(source);
  record.unsaved_ = false;
  return record;
}

std::string Record::manifest_hash() const {
  return manifest_bytes_.empty() ? std::string() : crypto::digest_bytes(format::manifest_hash(manifest_bytes_));
}

std::string Record::signed_receipt_file(const format::Receipt& receipt) const {
  return format::sign_receipt_file(receipt, signing_);
}

void Record::check_owner(const OwnerKeys& owner) const {
  if (manifest_.owner_signing_key != owner.signing.public_key || manifest_.owner_encryption_key != owner.box.public_key)
    fail(Code::auth, "this record belongs to another identity");
}

std::vector<SectionSummary> Record::sections() const {
  std::vector<SectionSummary> out;
  for (const auto& [id, s] : sections_)
    out.push_back({id, section_by_id(id), s.generation, s.entry.ciphertext_length});
  return out;
}

format::SectionSlot Record::slot(uint32_t section_id, uint32_t generation) const {
  return {manifest_.record_id, section_id, generation};
}

format::ContainerSection Record::located(const Section& section) {
  return {section.entry, section.entry_bytes, section.source_offset};
}

crypto::SecretBuffer Record::read_section(const SectionInfo& info) const {
  auto it = sections_.find(info.id);
  if (it == sections_.end()) fail(Code::not_found, "section '%s' is not in this record", {std::string(info.name)});
  const Section& s = it->second;
  const auto key = format::derive_section_key(master_key_, info.id, s.generation);
  if (s.new_body) return format::open_section(key, slot(info.id, s.generation), s.entry, s.new_body->view());
  crypto::SecretBuffer text = format::open_section_from_source(*source_, located(s), key, slot(info.id, s.generation));
  s.body_checked = true;
  return text;
}

const Record::Section& Record::present(const SectionInfo& info) const {
  auto it = sections_.find(info.id);
  if (it == sections_.end()) fail(Code::not_found, "section '%s' is not in this record", {std::string(info.name)});
  return it->second;
}

uint64_t Record::section_size(const SectionInfo& info) const {
  return format::section_plaintext_size(present(info).entry);
}

size_t Record::read_section_into(const SectionInfo& info, uint8_t* out, size_t capacity) const {
  const Section& s = present(info);
  if (s.new_body) {
    // Written since the last save: the ciphertext is in memory, not in a file to read from. The
    // capacity rule is the same as for a saved section: the padded length (SPEC §5.4).
    if (format::section_plaintext_size(s.entry) > capacity)
      fail(Code::invalid_argument, "the buffer holds %1$s bytes; the section needs %2$s",
           {std::to_string(capacity), std::to_string(format::section_plaintext_size(s.entry))});
    const crypto::SecretBuffer text = read_section(info);
    if (text.size() > capacity)
      fail(Code::invalid_argument, "the buffer holds %1$s bytes; the section needs %2$s",
           {std::to_string(capacity), std::to_string(text.size())});
    if (!text.empty()) std::memcpy(out, text.data(), text.size());
    return text.size();
  }
  const auto key = format::derive_section_key(master_key_, info.id, s.generation);
  return format::open_section_into(*source_, located(s), key, slot(info.id, s.generation), out, capacity);
}

void Record::stream_section(const SectionInfo& info, format::ContentSink& sink) const {
  const Section& s = present(info);
  const auto key = format::derive_section_key(master_key_, info.id, s.generation);
  if (s.new_body) {
    const crypto::SecretBuffer text = format::open_section(key, slot(info.id, s.generation), s.entry, s.new_body->view());
    sink.write(text.view());
    return;
  }
  format::stream_section_from_source(*source_, located(s), key, slot(info.id, s.generation), sink);
  s.body_checked = true;
}

void Record::stream_section_checked(const SectionInfo& info, format::ContentCheck& check,
                                    format::ContentSink& release) const {
  const Section& s = present(info);
  const auto key = format::derive_section_key(master_key_, info.id, s.generation);
  if (s.new_body) {
    // The body is in memory and nobody else can change it: the same two passes over it, at offset 0.
    const format::MemorySource body(s.new_body->view());
    format::stream_section_checked(body, format::ContainerSection{s.entry, s.entry_bytes, 0}, key,
                                   slot(info.id, s.generation), check, release);
    return;
  }
  format::stream_section_checked(*source_, located(s), key, slot(info.id, s.generation), check, release);
  s.body_checked = true;
}

std::optional<bool> Record::remembered_fact(const SectionInfo& info) const {
  const auto section = sections_.find(info.id);
  const auto fact = facts_.find(info.id);
  if (section == sections_.end() || fact == facts_.end() || fact->second.first != section->second.entry.ciphertext_hash)
    return std::nullopt;
  return fact->second.second;
}

void Record::remember_fact(const SectionInfo& info, bool fact) const {
  facts_[info.id] = {present(info).entry.ciphertext_hash, fact};
}

void Record::seal_into(const SectionInfo& info, uint32_t generation, ByteView plaintext) {
  const auto key = format::derive_section_key(master_key_, info.id, generation);
  store_sealed(info, generation,
               format::seal_section_body(key, slot(info.id, generation), tag_of(info.id), plaintext));
}

void Record::store_sealed(const SectionInfo& info, uint32_t generation, format::SealedBody sealed) {
  std::string entry_bytes = format::encode_section_entry(sealed.entry);
  sections_[info.id] = Section{generation, sealed.entry, std::move(entry_bytes), std::move(sealed.body), 0};
  unsaved_ = true;
}

GrantKeys Record::insecure_keys_for_grant(const SectionInfo& info) const {
  const Section& s = present(info);
  return {s.generation, format::derive_section_key(master_key_, info.id, s.generation),
          format::derive_slot_secret(master_key_, info.id)};
}

uint32_t Record::generation(const SectionInfo& info) const { return present(info).generation; }

// Generations are issued from one counter for the whole record and never reused: a section
// removed and written again must not get back a key that a revoked agency still holds.
uint32_t Record::issue_generation() {
  if (highest_generation_ == UINT32_MAX) fail(Code::limit, "the record has run out of key generations");
  return ++highest_generation_;
}

void Record::require_writable(const SectionInfo& info) { refuse_owner_only(info); }

void Record::write_section(const SectionInfo& info, ByteView plaintext) {
  refuse_owner_only(info);
  require_slot(info);
  store_section(ParsedSection::parse(info, plaintext));
}

void Record::write_section(ParsedSection content) {
  refuse_owner_only(content.info());
  store_section(std::move(content));
}

void Record::write_owner_only_section(const SectionInfo& info, ByteView plaintext) {
  if (!info.owner_only) fail(Code::internal, "write_owner_only_section is for owner-only sections");
  require_slot(info);
  store_section(ParsedSection::parse(info, plaintext));
}

// The same generation keeps the same key; a fresh random nonce makes the new ciphertext safe.
uint32_t Record::generation_for_write(const SectionInfo& info) {
  auto it = sections_.find(info.id);
  return it == sections_.end() ? issue_generation() : it->second.generation;
}

// Takes a ParsedSection, so content that does not parse as its section never gets this far.
void Record::store_section(ParsedSection content) {
  const SectionInfo& info = content.info();
  require_slot(info);
  content.drop_message();
  seal_into(info, generation_for_write(info), content.bytes());
}

void Record::write_unparsed_section(const SectionInfo& info, format::UnsealedBody content, size_t size) {
  refuse_owner_only(info);
  require_slot(info);
  if (size > format::kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  const uint32_t generation = generation_for_write(info);
  const auto key = format::derive_section_key(master_key_, info.id, generation);
  store_sealed(info, generation,
               format::seal_section_body(key, slot(info.id, generation), tag_of(info.id), std::move(content), size));
}

void Record::remove_section(const SectionInfo& info) {
  refuse_owner_only(info);
  if (sections_.erase(info.id) == 0)
    fail(Code::not_found, "section '%s' is not in this record", {std::string(info.name)});
  unsaved_ = true;
}

const format::ByteSource& Record::saved_file() const {
  if (source_ == nullptr || unsaved_)
    fail(Code::invalid_argument, "save the record before exporting from it");
  return *source_;
}

void Record::rotate_section(const SectionInfo& info) {
  auto it = sections_.find(info.id);
  if (it == sections_.end()) fail(Code::not_found, "section '%s' is not in this record", {std::string(info.name)});
  const crypto::SecretBuffer plaintext = read_section(info);
  seal_into(info, issue_generation(), plaintext.view());
}

void Record::check_save_target(const std::string& path, const io::FileSystem& fs) const {
  if (!file_exists(path, fs)) return;
  std::optional<format::VerifiedContainer> existing;
  try {
    format::FileSource source(path, fs);
    existing = format::read_container(source);
  } catch (const Error& e) {
    if (e.code() == Code::io) throw;  // could not read it: say so, not "it is not this record"
  }
  if (!existing || existing->manifest.record_id != manifest_.record_id)
    fail(Code::invalid_argument, "refusing to overwrite %s: it is not this record", {path});
  // Lost-update guard: someone saved a newer version since we read ours.
  if (existing->manifest_bytes != manifest_bytes_)
    fail(Code::busy, "%s was changed by another program since it was opened; open it again", {path});
}

void Record::adopt_if_in_place(const std::string& path, const io::FileSystem& fs,
                               format::SignedManifest& written) noexcept {
  // The save failed after the rename (the folder flush): the new version is in place but may not
  // be durable. The error tells the caller to save again; for that save not to be refused as
  // busy (the file is no longer the version this Record opened), the Record continues from the
  // version in place. The content stays unsaved, so the next save writes it again, flushed.
  try {
    format::FileSource source(path, fs);
    const format::VerifiedContainer in_place = format::read_container(source);
    if (in_place.manifest_bytes != written.bytes) return;
  } catch (...) {
    return;
  }
  manifest_ = std::move(written.manifest);
  manifest_bytes_ = std::move(written.bytes);
}

void Record::save(const std::string& path, const io::FileSystem& fs) {
  if (!unsafe_to_save_.empty())
    fail(Code::invalid_argument, "not saved: %s failed halfway; open the record again", {unsafe_to_save_});
  io::FileLock lock = io::FileLock::acquire(path, fs);
  // Holding the lock, no other saver of this file is alive: what a killed save left is litter.
  io::remove_abandoned_temporary_files(path, fs);
  check_save_target(path, fs);

  // A wrapped sequence (0) would be unreadable, and a reader's rollback check relies on growth.
  const uint64_t after = std::max(manifest_.sequence, sequence_floor_);
  if (after == UINT64_MAX) fail(Code::limit, "the record's sequence number is exhausted");
  format::Manifest next = manifest_;
  next.sequence = after + 1;
  next.previous_manifest_hash =
      manifest_bytes_.empty() ? std::string() : crypto::digest_bytes(format::manifest_hash(manifest_bytes_));
  format::OwnerIndex index;
  index.highest_generation = highest_generation_;
  format::ContainerContents contents;
  std::vector<Section*> in_contents;  // contents.sections[i] is *in_contents[i]
  for (auto& [id, s] : sections_) {
    index.sections.push_back({id, s.generation});
    // An unchanged body is copied from the old file and re-hashed on the way: if the old file
    // was damaged since it was opened, the save fails instead of carrying the damage into the new
    // version. Unless this process has already read that body whole and matched it with its hash
    // (body_checked: `share` scans a section for health data just before it saves): the old file
    // is one no Kartla save ever writes into (a save writes a new file and renames it), so
    // hashing the same bytes twice in one command would only cost time, 77 ms per 64 MiB. What
    // is copied is checked again by every reader of the new file.
    contents.sections.push_back({located(s), s.new_body ? std::optional<ByteView>(s.new_body->view()) : std::nullopt,
                                 source_.get(), !s.new_body && s.body_checked});
    in_contents.push_back(&s);
  }
  contents.grants = grants_;
  next.sealed_index = format::seal_owner_index(master_key_, next.record_id, next.sequence, index);
  format::SignedManifest signed_manifest = format::sign_manifest(std::move(next), contents, signing_);
  contents.manifest = signed_manifest.bytes;
  contents.manifest_signature = signed_manifest.signature;

  std::vector<uint64_t> offsets;
  try {
    offsets = format::write_container(contents, path, fs);
  } catch (const Error&) {
    adopt_if_in_place(path, fs, signed_manifest);
    throw;
  }
  // The new version is durable from here on, so the save has succeeded whatever happens below:
  // reporting failure now would make the caller redo a save that happened (and be refused as busy).
  manifest_ = std::move(signed_manifest.manifest);
  manifest_bytes_ = std::move(signed_manifest.bytes);

  // Read unchanged and new bodies from the file just written (still under the lock). If it cannot
  // be reopened, the old descriptor and the in-memory bodies still serve every read.
  std::shared_ptr<format::FileSource> written;
  try {
    written = std::make_shared<format::FileSource>(path, fs);
  } catch (const Error&) {
    return;
  }
  source_ = std::move(written);
  for (size_t i = 0; i < in_contents.size(); ++i) {
    in_contents[i]->new_body.reset();
    in_contents[i]->source_offset = offsets[i];
    in_contents[i]->body_checked = true;  // hashed as it was written, or copied from a checked body
  }
  // Only now is source_ the file this version describes (a bundle is exported from it).
  unsaved_ = false;
  source_written_here_ = true;
}

}  // namespace kartla::model
