// SPDX-License-Identifier: Apache-2.0
#include "share/agency_view.h"

#include <algorithm>
#include <set>

#include "crypto/encoding.h"

#include "base/error.h"
#include "format/section_crypto.h"
#include "share/time_text.h"

namespace kartla::share {

AgencyView::AgencyView(std::shared_ptr<const format::ByteSource> source, format::VerifiedContainer container,
                       std::vector<format::Grant> grants)
    : source_(std::move(source)), container_(std::move(container)), grants_(std::move(grants)) {}

AgencyView AgencyView::open(std::shared_ptr<const format::ByteSource> source, const crypto::BoxKeyPair& agency,
                             const std::string& agency_signing_key) {
  format::VerifiedContainer container = format::read_container(*source);
  std::vector<format::Grant> mine;
  // Trial decryption over at most kMaxGrants boxes (docs/THREATS.md): the file never says whom a
  // grant is for, and every grant present is already covered by the owner's signature.
  for (const std::string& bytes : container.grants) {
    std::optional<format::Grant> grant = format::open_grant(agency, agency_signing_key, bytes);
    if (!grant) continue;
    if (grant->terms.record_id != container.manifest.record_id)
      fail(Code::signature, "a grant in this file was made for another record");
    // The slot secret must be the one the owner committed to for that section id: then one
    // section has one slot, so one entry, for every agency (SPEC §5.3).
    for (const auto& s : grant->sections)
      format::check_slot_secret(container.manifest.slot_commitments, s.section_id, s.slot_secret);
    mine.push_back(std::move(*grant));
  }
  return AgencyView(std::move(source), std::move(container), std::move(mine));
}

const format::ContainerSection* AgencyView::entry_for(const format::GrantedSection& granted) const {
  return container_.find_slot(format::slot_tag(granted.slot_secret));
}

std::vector<GrantedSectionInfo> AgencyView::granted() const {
  std::vector<GrantedSectionInfo> out;
  for (const auto& grant : grants_) {
    for (const auto& s : grant.sections) {
      const format::ContainerSection* present = entry_for(s);
      const format::SectionSlot slot{container_.manifest.record_id, s.section_id, s.generation};
      GrantedSectionInfo info;
      info.section_id = s.section_id;
      info.info = model::section_by_id(s.section_id);
      info.generation = s.generation;
      info.grant_id_hex = crypto::to_hex(grant.terms.grant_id);
      info.purpose = grant.terms.purpose;
      info.gdpr_art6_basis = grant.terms.gdpr_art6_basis;
      info.gdpr_art9_basis = grant.terms.gdpr_art9_basis;
      info.granted_at = grant.terms.granted_at;
      info.expires_at = grant.terms.expires_at;
      info.present = present != nullptr;
      info.current = present != nullptr && format::key_matches_commitment(s.key, slot, present->entry);
      info.ciphertext_length = present != nullptr ? present->entry.ciphertext_length : 0;
      out.push_back(std::move(info));
    }
  }
  return out;
}

std::vector<format::InvolvedNotice> AgencyView::involved() const {
  const format::Grant* told = nullptr;
  for (const auto& grant : grants_)
    if (!grant.terms.involved.empty() && (told == nullptr || grant.terms.granted_at > told->terms.granted_at))
      told = &grant;
  return told != nullptr ? told->terms.involved : std::vector<format::InvolvedNotice>{};
}

std::string AgencyView::shared_names() const {
  std::set<std::string> names;
  for (const auto& g : granted())
    if (g.present && g.current) names.insert(g.info ? std::string(g.info->name) : std::to_string(g.section_id));
  if (names.empty()) return "nothing in this file is shared with you";
  std::string out = "shared with you: ";
  bool first = true;
  for (const auto& n : names) {
    out += (first ? "" : ", ") + n;
    first = false;
  }
  return out;
}

// Every grant of this agency for the section is tried: the one whose key matches the owner's
// commitment for the entry in this file is the one that opens it (SPEC §7.3). A grant whose key
// does not match carries an older generation (the section was re-keyed since): not shared.
AgencyView::Readable AgencyView::readable(const model::SectionInfo& info, int64_t now) const {
  const format::GrantedSection* usable = nullptr;
  const format::ContainerSection* section = nullptr;
  int64_t latest_expiry = 0;
  bool matches_but_expired = false;
  for (const auto& grant : grants_) {
    for (const auto& s : grant.sections) {
      if (s.section_id != info.id) continue;
      const format::ContainerSection* entry = entry_for(s);
      const format::SectionSlot slot{container_.manifest.record_id, info.id, s.generation};
      if (entry == nullptr || !format::key_matches_commitment(s.key, slot, entry->entry)) continue;
      if (grant.terms.expires_at != 0 && now >= grant.terms.expires_at) {
        matches_but_expired = true;
        latest_expiry = std::max(latest_expiry, grant.terms.expires_at);
        continue;
      }
      if (usable == nullptr) usable = &s, section = entry;
    }
  }
  if (usable == nullptr) {
    if (matches_but_expired)
      fail(Code::expired, "the grant for section '%1$s' expired on %2$s",
           {std::string(info.name), format_utc(latest_expiry)});
    fail(Code::not_shared, "section '%1$s' is not shared with you (%2$s)", {std::string(info.name), shared_names()});
  }
  return {section, usable, format::SectionSlot{container_.manifest.record_id, info.id, usable->generation}};
}

// The key came from the grant, not from the owner's master key: the commitment in the signed
// manifest is what proves it is the key the owner used (invisible salamanders, docs/THREATS.md).
crypto::SecretBuffer AgencyView::read_section(const model::SectionInfo& info, int64_t now) const {
  const Readable r = readable(info, now);
  return format::open_section_from_source(*source_, *r.section, r.grant->key, r.slot);
}

uint64_t AgencyView::section_size(const model::SectionInfo& info, int64_t now) const {
  return format::section_plaintext_size(readable(info, now).section->entry);
}

size_t AgencyView::read_section_into(const model::SectionInfo& info, int64_t now, uint8_t* out,
                                     size_t capacity) const {
  const Readable r = readable(info, now);
  return format::open_section_into(*source_, *r.section, r.grant->key, r.slot, out, capacity);
}

void AgencyView::stream_section(const model::SectionInfo& info, int64_t now, format::ContentSink& sink) const {
  const Readable r = readable(info, now);
  format::stream_section_from_source(*source_, *r.section, r.grant->key, r.slot, sink);
}

void AgencyView::stream_section_checked(const model::SectionInfo& info, int64_t now, format::ContentCheck& check,
                                        format::ContentSink& release) const {
  const Readable r = readable(info, now);
  format::stream_section_checked(*source_, *r.section, r.grant->key, r.slot, check, release);
}

}  // namespace kartla::share
