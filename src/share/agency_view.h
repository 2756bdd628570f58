/* SPDX-License-Identifier: Apache-2.0 */
// An agency's view of a record or share bundle: only the sections its grants cover, each checked
// against the owner's signed manifest (signature, ciphertext hash, key commitment, AD binding)
// and the grant's expiry (docs/SPEC.md §7.3).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/grant_codec.h"
#include "format/section_stream.h"
#include "model/section_registry.h"

namespace kartla::share {

struct GrantedSectionInfo {
  uint32_t section_id = 0;
  const model::SectionInfo* info = nullptr;  // nullptr for an id this library does not know
  uint32_t generation = 0;                   // of the key the grant carries
  std::string grant_id_hex;
  std::string purpose;
  std::string gdpr_art6_basis;
  std::string gdpr_art9_basis;               // empty unless special-category data is granted
  int64_t granted_at = 0;
  int64_t expires_at = 0;                    // 0: no expiry
  bool present = false;                      // the section's entry is in this file
  bool current = false;                      // the grant's key opens that entry (commitment matches)
  uint64_t ciphertext_length = 0;            // padded; 0 if not present
};

class AgencyView {
 public:
  // Verifies the container (Error as format::read_container) and trial-opens every grant with
  // the agency's key pair; each grant that opens must name this record (Error(signature)) and
  // carry slot secrets that match the owner's slot table (Error(integrity)). Opening a file that
  // grants this agency nothing is not an error.
  static AgencyView open(std::shared_ptr<const format::ByteSource> source, const crypto::BoxKeyPair& agency,
                         const std::string& agency_signing_key);

  const format::VerifiedContainer& container() const { return container_; }
  std::vector<GrantedSectionInfo> granted() const;
  // Who else works with the person, as the owner told this agency (SPEC §7.9): the list of the
  // latest-made of its grants that carries one (the first such in file order on a tie); empty if
  // no grant tells. Signed with the rest of the grant's terms.
  std::vector<format::InvolvedNotice> involved() const;

  // Error(not_shared) naming the sections that are shared if none of this agency's grants
  // covers the section (or its ciphertext is not in this file); Error(expired) if every grant
  // covering it has expired at `now`; Error(integrity) if it fails authentication.
  crypto::SecretBuffer read_section(const model::SectionInfo& info, int64_t now) const;
  // The same checks; the plaintext length, and the section read into memory the caller owns
  // (wiped on any failure).
  uint64_t section_size(const model::SectionInfo& info, int64_t now) const;
  size_t read_section_into(const model::SectionInfo& info, int64_t now, uint8_t* out, size_t capacity) const;
  // The same checks, the content handed to `sink` piece by piece with a fixed amount of memory
  // (format/section_stream.h: nothing is authentic until this returns).
  void stream_section(const model::SectionInfo& info, int64_t now, format::ContentSink& sink) const;
  // The same in two passes, as model::Record::stream_section_checked.
  void stream_section_checked(const model::SectionInfo& info, int64_t now, format::ContentCheck& check,
                              format::ContentSink& release) const;

 private:
  AgencyView(std::shared_ptr<const format::ByteSource> source, format::VerifiedContainer container,
             std::vector<format::Grant> grants);
  std::string shared_names() const;
  struct Readable {
    const format::ContainerSection* section;
    const format::GrantedSection* grant;
    format::SectionSlot slot;
  };
  // The entry in this file that the grant's slot secret names, or nullptr.
  const format::ContainerSection* entry_for(const format::GrantedSection& granted) const;
  // The section and the grant that let this agency read it at `now`, or the errors of read_section.
  Readable readable(const model::SectionInfo& info, int64_t now) const;

  std::shared_ptr<const format::ByteSource> source_;
  format::VerifiedContainer container_;
  std::vector<format::Grant> grants_;  // only those sealed to this agency
};

}  // namespace kartla::share
