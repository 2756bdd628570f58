// SPDX-License-Identifier: Apache-2.0
#include "share/end_grants.h"

#include <algorithm>
#include <set>

#include "base/error.h"
#include "crypto/encoding.h"
#include "format/card_codec.h"
#include "format/container_reader.h"
#include "share/involved_list.h"
#include "share/issue_grant.h"
#include "share/ledger.h"

namespace kartla::share {
namespace {

bool expired_at(const v1::ShareGrantRecord& entry, int64_t now) {
  return entry.has_expires_at() && entry.expires_at().seconds() <= now;
}

// A grant for the sections the entry still covers, under their current keys, with its original
// terms; the ledger entry then names the new grant and generations.
std::string reissue(model::Record& record, v1::ShareGrantRecord& entry, const std::vector<uint32_t>& ids) {
  const format::SignedCard card = format::decode_card_file(entry.agency_card());
  const auto grant_id = crypto::from_hex(entry.id());
  if (!grant_id || grant_id->size() != 16) fail(Code::schema, "the sharing ledger holds a malformed grant id");
  format::GrantTerms terms;
  terms.grant_id = *grant_id;
  terms.purpose = entry.purpose();
  terms.granted_at = entry.granted_at().seconds();
  terms.expires_at = entry.has_expires_at() ? entry.expires_at().seconds() : 0;
  terms.gdpr_art6_basis = entry.gdpr_art6_basis().code();
  terms.gdpr_art9_basis = entry.gdpr_art9_basis().code();
  terms.involved = told_in(entry);  // the same list the person agreed to tell (SPEC §7.9)
  const std::string bytes = build_grant(record, card.card, ids, terms);
  // The ledger keeps every section the grant was made for (its events name them); a section it
  // no longer covers gets generation 0, which matches no key.
  for (int i = 0; i < entry.sections_size(); ++i) {
    const model::SectionInfo& info = model::section_by_name(entry.sections(i));
    const bool still = std::find(ids.begin(), ids.end(), info.id) != ids.end();
    entry.set_section_generations(i, still ? record.generation(info) : 0);
  }
  entry.set_grant_digest(crypto::digest_bytes(format::grant_digest(bytes)));
  return bytes;
}

void mark_ended(v1::SharingLedger& ledger, v1::ShareGrantRecord& entry, EndReason reason, int64_t now) {
  const auto sections = std::vector<std::string>(entry.sections().begin(), entry.sections().end());
  if (reason == EndReason::expired) {
    set_time(entry.mutable_expired_at(), now);
    append_owner_event(ledger, v1::AccessEvent::EXPIRE, entry.id(), sections, now);
  } else {
    set_time(entry.mutable_revoked_at(), now);
    append_owner_event(ledger, v1::AccessEvent::REVOKE, entry.id(), sections, now);
  }
}

void rotate_and_reissue(model::Record& record, v1::SharingLedger& ledger, const std::set<uint32_t>& rotate,
                        std::set<std::string>& drop, EndedGrants& result) {
  // Which live grants cover a section about to move: decided before any generation changes.
  std::vector<std::pair<v1::ShareGrantRecord*, std::vector<uint32_t>>> touched;
  for (auto& entry : *ledger.mutable_grants()) {
    if (!is_active(entry)) continue;
    const std::vector<uint32_t> ids = covered_sections(record, entry);
    if (std::any_of(ids.begin(), ids.end(), [&](uint32_t id) { return rotate.count(id) != 0; }))
      touched.emplace_back(&entry, ids);
  }
  for (uint32_t id : rotate) {
    record.rotate_section(*model::section_by_id(id));
    result.rotated_sections.emplace_back(model::section_by_id(id)->name);
  }
  std::vector<std::string> grants = record.grants();
  for (auto& [entry, ids] : touched) {
    drop.insert(entry->grant_digest());
    grants.push_back(reissue(record, *entry, ids));
    ++result.reissued_grants;
  }
  grants.erase(std::remove_if(grants.begin(), grants.end(),
                              [&](const std::string& g) {
                                return drop.count(crypto::digest_bytes(format::grant_digest(g))) != 0;
                              }),
               grants.end());
  record.replace_grants(std::move(grants));
  write_ledger(record, ledger);
}

}  // namespace

EndedGrants end_grants(model::Record& record, const std::function<bool(const v1::ShareGrantRecord&)>& which,
                       EndReason reason, int64_t now) {
  v1::SharingLedger ledger = read_ledger(record);
  check_ledger_matches_grants(record, ledger);
  EndedGrants result;
  std::set<uint32_t> rotate;
  std::set<std::string> drop;
  const int64_t stamp = ledger_time(ledger, now);
  for (auto& entry : *ledger.mutable_grants()) {
    if (!is_active(entry)) continue;
    const bool chosen = which(entry);
    // A grant past its expiry ends now too, as expired: it must never be re-issued below.
    const bool lapsed = expired_at(entry, now);
    if (!chosen && !lapsed) continue;
    for (uint32_t id : covered_sections(record, entry)) rotate.insert(id);
    drop.insert(entry.grant_digest());
    mark_ended(ledger, entry, lapsed ? EndReason::expired : reason, std::max(stamp, entry.granted_at().seconds()));
    if (chosen) result.grant_ids.push_back(entry.id());
  }
  if (drop.empty()) return result;
  // From here on the record changes in several steps; a failure in between must not be saved.
  try {
    rotate_and_reissue(record, ledger, rotate, drop, result);
  } catch (...) {
    record.mark_unsafe_to_save(reason == EndReason::expired ? "ending expired grants" : "a revocation");
    throw;
  }
  return result;
}

EndedGrants expire_grants(model::Record& record, int64_t now) {
  return end_grants(record, [&](const v1::ShareGrantRecord& e) { return expired_at(e, now); }, EndReason::expired, now);
}

}  // namespace kartla::share
