#include "share/agency_view.h"

#include <set>

#include "base/error.h"
#include "format/section_crypto.h"
#include "share/time_text.h"

namespace kartla::share {

AgencyView::AgencyView(std::shared_ptr<const format::ByteSource> source, format::VerifiedContainer container,
                       std::vector<format::Grant> grants)
    : source_(std::move(source)), container_(std::move(container)), grants_(std::move(grants)) {}

AgencyView AgencyView::open(std::shared_ptr<const format::ByteSource> source, const crypto::BoxKeyPair& agency) {
  format::VerifiedContainer container = format::read_container(*source);
  std::vector<format::Grant> mine;
  // Trial decryption over at most kMaxGrants boxes (HOSTILE.md 23): the file never says whom a
  // grant is for, and every grant present is already covered by the owner's signature.
  for (const std::string& bytes : container.grants) {
    std::optional<format::Grant> grant = format::open_grant(agency, bytes);
    if (!grant) continue;
    if (grant->terms.record_id != container.manifest.record_id)
      fail(Code::signature, "a grant in this file was made for another record");
    mine.push_back(std::move(*grant));
  }
  return AgencyView(std::move(source), std::move(container), std::move(mine));
}

std::vector<GrantedSectionInfo> AgencyView::granted() const {
  std::vector<GrantedSectionInfo> out;
  for (const auto& grant : grants_) {
    for (const auto& s : grant.sections) {
      const format::ContainerSection* present = container_.find_section(s.section_id);
      out.push_back({s.section_id, model::section_by_id(s.section_id), s.generation, grant.terms.purpose,
                     grant.terms.granted_at, grant.terms.expires_at, present != nullptr,
                     present != nullptr && present->entry.generation == s.generation});
    }
  }
  return out;
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

AgencyView::Readable AgencyView::readable(const model::SectionInfo& info, int64_t now) const {
  const format::ContainerSection* section = container_.find_section(info.id);
  const format::GrantedSection* usable = nullptr;
  int64_t latest_expiry = 0;
  bool covered_but_expired = false;
  for (const auto& grant : grants_) {
    for (const auto& s : grant.sections) {
      if (s.section_id != info.id || section == nullptr || section->entry.generation != s.generation) continue;
      if (grant.terms.expires_at != 0 && now >= grant.terms.expires_at) {
        covered_but_expired = true;
        latest_expiry = std::max(latest_expiry, grant.terms.expires_at);
        continue;
      }
      usable = &s;
    }
  }
  if (usable == nullptr) {
    if (covered_but_expired)
      fail(Code::expired, "the grant for section '" + std::string(info.name) + "' expired on " +
                              format_utc(latest_expiry));
    fail(Code::not_shared, "section '" + std::string(info.name) + "' is not shared with you (" + shared_names() + ")");
  }
  return {section, usable, format::SectionSlot{container_.manifest.record_id, info.id, usable->generation}};
}

// The key came from the grant, not from the owner's master key: the commitment in the signed
// manifest is what proves it is the key the owner used (invisible salamanders, HOSTILE.md 12).
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

}  // namespace kartla::share
