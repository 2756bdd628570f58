#include "share/revoke.h"

#include <algorithm>
#include <set>

#include "base/error.h"
#include "crypto/encoding.h"
#include "format/card_codec.h"
#include "format/container_reader.h"
#include "format/fingerprint.h"
#include "share/issue_grant.h"
#include "share/ledger.h"

namespace kartla::share {
namespace {

bool active(const v1::ShareGrantRecord& entry) { return !entry.has_revoked_at(); }

std::vector<uint32_t> section_ids_of(const v1::ShareGrantRecord& entry) {
  std::vector<uint32_t> ids;
  for (const auto& name : entry.sections()) ids.push_back(model::section_by_name(name).id);
  return ids;
}

// Rotates the revoked agency's sections, re-issues the grants of the agencies that keep access,
// and writes the grants and the ledger.
void reissue_after_rotation(model::Record& record, v1::SharingLedger& ledger, const std::set<uint32_t>& rotate,
                            std::set<std::string>& drop_digests, RevocationResult& result);

}  // namespace

RevocationResult revoke_agency(model::Record& record, const std::string& agency_card_file, int64_t now) {
  const format::SignedCard card = format::decode_card_file(agency_card_file);
  RevocationResult result;
  result.agency_fingerprint = format::fingerprint(card.card.signing_key, card.card.encryption_key);

  v1::SharingLedger ledger = read_ledger(record);
  std::set<uint32_t> rotate;
  std::set<std::string> drop_digests;
  for (auto& entry : *ledger.mutable_grants()) {
    if (!active(entry) || entry.agency_fingerprint() != result.agency_fingerprint) continue;
    for (uint32_t id : section_ids_of(entry)) rotate.insert(id);
    drop_digests.insert(entry.grant_digest());
    set_time(entry.mutable_revoked_at(), now);
    append_owner_event(ledger, v1::AccessEvent::REVOKE, entry.id(),
                       std::vector<std::string>(entry.sections().begin(), entry.sections().end()), now);
    ++result.revoked_grants;
  }
  if (result.revoked_grants == 0) fail(Code::not_found, "nothing is shared with this agency");

  // From here on the record changes in several steps; a failure in between must not be saved.
  try {
    reissue_after_rotation(record, ledger, rotate, drop_digests, result);
  } catch (...) {
    record.mark_unsafe_to_save("a revocation");
    throw;
  }
  return result;
}

namespace {

void reissue_after_rotation(model::Record& record, v1::SharingLedger& ledger, const std::set<uint32_t>& rotate,
                            std::set<std::string>& drop_digests, RevocationResult& result) {
  for (uint32_t id : rotate) {
    const model::SectionInfo& info = *model::section_by_id(id);
    if (!record.has_section(info)) continue;  // removed since it was shared: nothing to protect
    record.rotate_section(info);
    result.rotated_sections.emplace_back(info.name);
  }

  // Agencies that keep their access get their grants again under the new keys.
  std::vector<std::string> grants = record.grants();
  for (auto& entry : *ledger.mutable_grants()) {
    if (!active(entry)) continue;
    const std::vector<uint32_t> ids = section_ids_of(entry);
    const bool touched = std::any_of(ids.begin(), ids.end(), [&](uint32_t id) { return rotate.count(id) != 0; });
    if (!touched) continue;
    std::vector<uint32_t> still_held;
    for (uint32_t id : ids)
      if (record.has_section(*model::section_by_id(id))) still_held.push_back(id);
    const format::SignedCard other = format::decode_card_file(entry.agency_card());
    format::GrantTerms terms;
    const auto grant_id = crypto::from_hex(entry.id());
    if (!grant_id || grant_id->size() != 16) fail(Code::schema, "the sharing ledger holds a malformed grant id");
    terms.grant_id = *grant_id;
    terms.purpose = entry.purpose();
    terms.granted_at = entry.granted_at().seconds();
    terms.expires_at = entry.has_expires_at() ? entry.expires_at().seconds() : 0;
    drop_digests.insert(entry.grant_digest());
    if (still_held.empty()) continue;
    const std::string reissued = build_grant(record, other.card, still_held, terms);
    entry.set_grant_digest(crypto::digest_bytes(format::grant_digest(reissued)));
    grants.push_back(reissued);
    ++result.reissued_grants;
  }
  grants.erase(std::remove_if(grants.begin(), grants.end(),
                              [&](const std::string& g) {
                                return drop_digests.count(crypto::digest_bytes(format::grant_digest(g))) != 0;
                              }),
               grants.end());
  record.replace_grants(std::move(grants));
  write_ledger(record, ledger);
}

}  // namespace

}  // namespace kartla::share
