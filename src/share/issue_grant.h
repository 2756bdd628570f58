/* SPDX-License-Identifier: Apache-2.0 */
// Sharing sections with an agency: a grant sealed to the agency's card, listed in the next
// manifest, and recorded in the owner's sharing ledger (docs/SPEC.md §7.1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "format/card_codec.h"
#include "format/grant_codec.h"
#include "model/record.h"

namespace kartla::share {

struct ShareRequest {
  std::string agency_card_file;        // the agency's public card file
  std::vector<std::string> sections;   // section names; the sharing ledger can never be shared
  std::string purpose;                 // required, at most 1024 bytes
  int64_t now = 0;                     // Unix seconds
  int64_t expires_at = 0;              // 0: until revoked
  // GDPR Art. 6(1) basis of the agency's processing, "6.1.a".."6.1.f"; empty = "6.1.a" (the
  // person's own consent: sharing is their decision).
  std::string gdpr_art6_basis;
  // GDPR Art. 9(2) exception, "9.2.a".."9.2.j": required when a special-category section is
  // shared (is_special_category), refused otherwise.
  std::string gdpr_art9_basis;
  // With the person's explicit consent: tell the agency, in the signed grant, which agencies work
  // with the person (the action plan's `involved`, content-free: SPEC §7.9).
  bool tell_involved = false;
};

inline constexpr const char* kDefaultArt6Basis = "6.1.a";

// True if sharing the section shares health data (GDPR Art. 9): work_ability always; notes when
// an entry is flagged contains_health_info; documents when one is flagged health_data.
bool is_special_category(const model::Record& record, const model::SectionInfo& info);

struct IssuedGrant {
  std::string grant_id_hex;
  std::string grant_digest;            // 32 bytes: selects this grant for a bundle
  std::vector<uint32_t> section_ids;
  std::string agency_fingerprint;
};

// Adds the grant and its ledger entry to the record (not saved: call Record::save). Errors:
// invalid_argument (not an agency card, no sections, an owner-only section, empty purpose, an
// expiry not after now, a special-category section without an Art. 9(2) basis, a basis that is
// not one of the codes), not_found (a section the record does not hold), signature (a card whose
// self-signature fails).
IssuedGrant share_sections(model::Record& record, const ShareRequest& request);

// The grant bytes for `card` over the sections' current keys, with the given terms (the terms'
// record id and recipient keys are filled in here). Used for new grants and for re-issuing a
// grant after a revocation rotated some of its sections.
std::string build_grant(const model::Record& record, const format::Card& card, const std::vector<uint32_t>& section_ids,
                        format::GrantTerms terms);

}  // namespace kartla::share
