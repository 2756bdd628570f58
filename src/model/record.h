/* SPDX-License-Identifier: Apache-2.0 */
// The owner's view of a record: every section readable and writable, saved as a new signed
// manifest. Section bodies stay in the file until read (a record holding a 64 MiB document opens
// without reading it); new content is encrypted as soon as it is written.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/manifest_signature.h"
#include "format/receipt_codec.h"
#include "format/record_codec.h"
#include "format/section_crypto.h"
#include "format/section_stream.h"
#include "io/file_system.h"
#include "model/section_codec.h"
#include "model/section_registry.h"

namespace kartla::model {

struct OwnerKeys {
  const crypto::SigningKeyPair& signing;
  const crypto::BoxKeyPair& box;
};

struct SectionSummary {
  uint32_t id = 0;
  const SectionInfo* info = nullptr;  // nullptr for a section id this library does not know
  uint32_t generation = 0;
  uint64_t ciphertext_length = 0;     // padded (SPEC §5.4)
};

// What a grant carries for one section (share/issue_grant.cpp).
struct GrantKeys {
  uint32_t generation = 0;
  crypto::SecretBuffer key;
  crypto::SecretBuffer slot_secret;
};

class Record {
 public:
  static Record create(const OwnerKeys& owner);
  // Error(auth) if the record belongs to another identity; Error(format) if the source is a
  // share bundle rather than the full record, or its sealed index disagrees with its entries;
  // Error(integrity) if the slot table or the index does not match the record master key; any
  // container error from format::read_container.
  static Record open(std::shared_ptr<const format::ByteSource> source, const OwnerKeys& owner);

  const std::string& record_id() const { return manifest_.record_id; }
  const std::string& owner_signing_key() const { return manifest_.owner_signing_key; }
  const std::string& owner_encryption_key() const { return manifest_.owner_encryption_key; }
  // Error(auth) unless `owner` holds this record's owner keys: a call that takes an identity
  // next to a record must not act for someone else.
  void check_owner(const OwnerKeys& owner) const;
  uint64_t sequence() const { return manifest_.sequence; }  // 0 until first saved
  // H("kartla/v1/manifest-hash", manifest) of the version last read or saved; empty before.
  std::string manifest_hash() const;
  // For an older copy the owner chose to continue from (SPEC §8.1): the next save takes a
  // sequence above `highest_seen` rather than one above this copy's, so no two versions ever
  // share a sequence number.
  void continue_after(uint64_t highest_seen) { sequence_floor_ = highest_seen; }
  // The sequence the next save will write.
  uint64_t next_sequence() const { return std::max(manifest_.sequence, sequence_floor_) + 1; }
  std::vector<SectionSummary> sections() const;
  bool has_section(const SectionInfo& info) const { return sections_.count(info.id) != 0; }

  // Error(not_found) if absent; Error(integrity) if it fails authentication.
  crypto::SecretBuffer read_section(const SectionInfo& info) const;
  // The plaintext length of a section (Error(not_found) if absent), and the section read into
  // memory the caller owns, with every check of read_section; on failure `out` is wiped.
  uint64_t section_size(const SectionInfo& info) const;
  size_t read_section_into(const SectionInfo& info, uint8_t* out, size_t capacity) const;
  // The section's content handed to `sink` piece by piece, with every check of read_section: a
  // saved section with a fixed amount of memory (format/section_stream.h; nothing is authentic
  // until this returns), one written since the last save from memory, whole.
  void stream_section(const SectionInfo& info, format::ContentSink& sink) const;
  // The section read in two passes (format::stream_section_checked): `check` judges the whole
  // content first, then the range it names goes to `release`, piece by piece, each piece checked
  // to be the one authenticated. A section written since the last save is read from memory.
  void stream_section_checked(const SectionInfo& info, format::ContentCheck& check,
                              format::ContentSink& release) const;
  // Error(schema) if the bytes are not a message of the section's type. Error(invalid_argument)
  // for an owner-only section (the sharing ledger): only the sharing layer writes it, through
  // write_owner_only_section, so no caller can erase or invent the record of who holds keys.
  void write_section(const SectionInfo& info, ByteView plaintext);
  // The same for content already parsed (require_valid_bytes parsed it to validate it): parsed
  // once, not again here. The parsed message is dropped before the content is encrypted.
  void write_section(ParsedSection content);
  // Content its writer built in its sealing buffer and validated without parsing it whole:
  // model/document_file.cpp, which adds a file to the documents section without ever holding the
  // document in a protobuf message, checks the new entry's rules itself (every other writer
  // passes a ParsedSection as proof). Sealed in place: no copy. Refusals as write_section's.
  void write_unparsed_section(const SectionInfo& info, format::UnsealedBody content, size_t size);
  // The refusal write_section and remove_section make for an owner-only section, alone: callers
  // that validate content first ask this before, so the refusal wins over any content error.
  static void require_writable(const SectionInfo& info);
  void remove_section(const SectionInfo& info);
  void write_owner_only_section(const SectionInfo& info, ByteView plaintext);
  // The key generation the section has now (Error(not_found) if absent).
  uint32_t generation(const SectionInfo& info) const;
  // The public tag of the section's slot (whether or not the record holds it; SPEC §5.3).
  const std::string& slot_tag(const SectionInfo& info) const { return tag_of(info.id); }
  // A yes/no fact derived from a section's content (share/issue_grant.cpp: whether it holds health
  // data), remembered with the ciphertext hash of the content it was derived from, which every
  // write, rotation or removal changes: nullopt unless the fact is for the content there now. It
  // spares a second pass over a large section when one handle asks twice (`kartla share` checks
  // before it shares, and the sharing layer checks again). Not thread-safe, like the Record.
  std::optional<bool> remembered_fact(const SectionInfo& info) const;
  void remember_fact(const SectionInfo& info, bool fact) const;
  // Re-encrypts the section under a key of a new generation (revocation).
  void rotate_section(const SectionInfo& info);

  // INSECURE_RAW_KEY_EXPORT: the current key and the slot secret of a section, to be sealed into
  // a grant for an agency (share/issue_grant.cpp is the only caller). Error(not_found) if absent.
  GrantKeys insecure_keys_for_grant(const SectionInfo& info) const;

  // The receipt file of `receipt`, signed by the owner (SPEC §7.6; share/receipt.cpp is the only
  // caller): the record signs its manifests and its receipts, nothing a caller could pass off as
  // another kind of statement.
  std::string signed_receipt_file(const format::Receipt& receipt) const;

  const std::vector<std::string>& grants() const { return grants_; }
  void replace_grants(std::vector<std::string> grants) {
    grants_ = std::move(grants);
    unsaved_ = true;
  }

  // A change made of several steps (a revocation) that fails halfway calls this: the record in
  // memory is then neither the old nor the new state, and save() refuses (Error(invalid_argument))
  // so that a half-done change never reaches the disk. Reopen the file to start again.
  void mark_unsafe_to_save(std::string why) { unsafe_to_save_ = std::move(why); }

  // True after any change not yet saved (a new record is unsaved until its first save).
  bool has_unsaved_changes() const { return unsaved_; }
  // The file this record was last opened from or saved to. Error(invalid_argument) if there is
  // none or the record has unsaved changes (a bundle must carry what the owner signed).
  const format::ByteSource& saved_file() const;
  // True when saved_file() is the file this Record's last save wrote: every body in it was hashed
  // on its way into that file (a new one when it was sealed, an unchanged one as it was copied
  // from the old file), so an export from it need not hash them again (share/bundle.h).
  bool saved_file_hashed_when_written() const { return !unsaved_ && source_written_here_; }

  // Writes the next version atomically (temp file, fsync, rename, directory fsync) under an
  // exclusive lock. Refuses (Error(busy)) if the file at `path` has changed since this record was
  // opened, and (Error(invalid_argument)) to overwrite a file that is not this record.
  void save(const std::string& path, const io::FileSystem& fs = io::real_file_system());

 private:
  struct Section {
    uint32_t generation = 0;
    format::SectionEntry entry;
    std::string entry_bytes;
    std::optional<UnfilledBytes> new_body;  // written since the last save
    uint64_t source_offset = 0;           // otherwise: where the body is in source_
    // The body at source_offset in source_ was read whole and matched its ciphertext hash in this
    // process (a read, a streamed read, the health-data scan of `share`), or was hashed as this
    // process wrote it: a save copies it without hashing it again (see save()).
    mutable bool body_checked = false;
  };

  Record(crypto::SigningKeyPair signing, crypto::SecretBuffer master_key);
  void store_section(ParsedSection content);
  const std::string& tag_of(uint32_t section_id) const { return slot_tags_.at(section_id - 1); }
  format::SectionSlot slot(uint32_t section_id, uint32_t generation) const;
  const Section& present(const SectionInfo& info) const;
  static format::ContainerSection located(const Section& section);
  void seal_into(const SectionInfo& info, uint32_t generation, ByteView plaintext);
  void store_sealed(const SectionInfo& info, uint32_t generation, format::SealedBody sealed);
  uint32_t generation_for_write(const SectionInfo& info);
  uint32_t issue_generation();
  void check_save_target(const std::string& path, const io::FileSystem& fs) const;
  void adopt_if_in_place(const std::string& path, const io::FileSystem& fs,
                         format::SignedManifest& written) noexcept;

  crypto::SigningKeyPair signing_;
  crypto::SecretBuffer master_key_;
  format::Manifest manifest_;      // of the last version read or saved
  std::string manifest_bytes_;     // empty until first saved
  uint32_t highest_generation_ = 0;  // the generation counter (sealed in the owner index)
  std::vector<std::string> slot_tags_;  // section id i's tag at i - 1
  std::map<uint32_t, Section> sections_;
  std::vector<std::string> grants_;
  std::shared_ptr<const format::ByteSource> source_;
  bool unsaved_ = true;
  bool source_written_here_ = false;  // source_ is the file save() wrote (not one opened)
  std::string unsafe_to_save_;  // why, if a change of several steps failed halfway
  uint64_t sequence_floor_ = 0;  // continue_after
  // remembered_fact: by section id, the ciphertext hash the fact was derived from, and the fact.
  mutable std::map<uint32_t, std::pair<std::string, bool>> facts_;
};

}  // namespace kartla::model
