// SPDX-License-Identifier: Apache-2.0
// The owner's sharing ledger (docs/MODEL.md, `sharing_ledger`; docs/SPEC.md §7.5).
#include <algorithm>
#include <map>
#include <set>

#include <google/protobuf/descriptor.h>

#include "kartla/v1/sharing_ledger.pb.h"
#include "kartla/v1/programme_followup.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"
#include "model/validation/values.h"

namespace kartla::model {
namespace {

// A section's CLI name is its schema file's name ("kartla/v1/work_ability.proto" →
// "work_ability"); deriving it keeps the section list in one place (section_registry).
std::string section_name_of(const google::protobuf::Descriptor* type) {
  std::string name = type->file()->name();
  const size_t slash = name.rfind('/');
  if (slash != std::string::npos) name.erase(0, slash + 1);
  const size_t dot = name.rfind(".proto");
  if (dot != std::string::npos) name.erase(dot);
  return name;
}

bool is_snake_case(const std::string& s) {
  if (s.empty() || s.size() > 64 || s.front() < 'a' || s.front() > 'z' || s.back() == '_') {
    return false;
  }
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

void check_share_grant(const Visit& v) {
  const auto& g = static_cast<const v1::ShareGrantRecord&>(v.msg);
  if (g.agency_fingerprint().empty()) {
    v.out.report_violation(field_path(v.path, "agency_fingerprint"), "grant-fingerprint-required",
                           "a grant records the fingerprint of the agency's key");
  }
  if (g.sections().empty()) {
    v.out.report_violation(field_path(v.path, "sections"), "grant-sections-required",
                           "a grant names the sections it covers");
  }
  std::set<std::string> seen;
  for (int i = 0; i < g.sections_size(); ++i) {
    if (!is_snake_case(g.sections(i)) || !seen.insert(g.sections(i)).second) {
      v.out.report_violation(item_path(v.path, "sections", i), "grant-section-name",
                             "%s is not a snake_case section name, or is repeated", {quote(g.sections(i))});
    }
  }
  if (g.purpose().empty()) {
    v.out.report_violation(field_path(v.path, "purpose"), "grant-purpose-required",
                           "a grant states its purpose in plain words");
  }
  if (!g.has_granted_at()) {
    v.out.report_violation(field_path(v.path, "granted_at"), "grant-time-required", "when was it granted?");
  } else {
    if (g.has_expires_at() && !is_before(g.granted_at(), g.expires_at())) {
      v.out.report_violation(field_path(v.path, "expires_at"), "grant-expiry-order",
                             "a grant expires after it is granted");
    }
    if (g.has_revoked_at() && is_before(g.revoked_at(), g.granted_at())) {
      v.out.report_violation(field_path(v.path, "revoked_at"), "grant-revocation-order",
                             "a grant cannot be revoked before it is granted");
    }
  }
  // Health data may be shared only under an explicit Art. 9(2) exception (docs/MODEL.md, rule grant-art9-basis).
  const std::string health_section = section_name_of(v1::WorkAbility::descriptor());
  if (seen.count(health_section) != 0 && !g.has_gdpr_art9_basis()) {
    v.out.report_violation(field_path(v.path, "gdpr_art9_basis"), "grant-art9-basis",
                           "sharing %s needs a GDPR Art. 9(2) basis", {health_section});
  }
  // Follow-up data is shared for the funder's report, a legal obligation or public task of the
  // project owner, never under consent to an authority (docs/MODEL.md, rule grant-followup-basis).
  const std::string followup_section = section_name_of(v1::ProgrammeFollowup::descriptor());
  const std::string& art6 = g.gdpr_art6_basis().code();
  if (seen.count(followup_section) != 0 && art6 != "6.1.c" && art6 != "6.1.e") {
    v.out.report_violation(field_path(v.path, "gdpr_art6_basis"), "grant-followup-basis",
                           "sharing %s needs GDPR Art. 6(1)(c) or 6(1)(e)", {followup_section});
  }
}

// Access events form an append-only chain: each names a grant of this ledger, follows the
// previous one in time, and carries the previous event's hash. The hash itself is computed by
// the sharing layer (it needs a hash function; this layer links no crypto).
void check_sharing_ledger(const Visit& v) {
  const auto& ledger = static_cast<const v1::SharingLedger&>(v.msg);
  std::map<std::string, const v1::ShareGrantRecord*> grants;
  for (const auto& g : ledger.grants()) grants.emplace(g.id(), &g);

  for (int i = 0; i < ledger.access_events_size(); ++i) {
    const v1::AccessEvent& e = ledger.access_events(i);
    const std::string path = item_path(v.path, "access_events", i);
    const auto grant = grants.find(e.grant_id());
    if (grant == grants.end()) {
      v.out.report_violation(field_path(path, "grant_id"), "access-event-grant-unknown",
                             "no grant has id %s", {quote(e.grant_id())});
    } else {
      const auto& granted = grant->second->sections();
      for (int s = 0; s < e.sections_size(); ++s) {
        if (std::find(granted.begin(), granted.end(), e.sections(s)) == granted.end()) {
          v.out.report_violation(item_path(path, "sections", s), "access-event-section-not-granted",
                                 "%1$s is not in grant %2$s", {quote(e.sections(s)), quote(e.grant_id())});
        }
      }
    }
    if (!e.has_at()) {
      v.out.report_violation(field_path(path, "at"), "access-event-order", "an access event needs its time");
    } else if (i > 0 && ledger.access_events(i - 1).has_at() &&
               is_before(e.at(), ledger.access_events(i - 1).at())) {
      v.out.report_violation(field_path(path, "at"), "access-event-order",
                             "access events are appended in time order");
    }
    if (!e.hash().empty() && e.hash().size() != 32) {
      v.out.report_violation(field_path(path, "hash"), "access-event-hash-length", "hashes are 32 bytes");
    }
    const std::string& expected_prev = i == 0 ? std::string() : ledger.access_events(i - 1).hash();
    if (e.prev_hash() != expected_prev) {
      if (i == 0) {
        v.out.report_violation(field_path(path, "prev_hash"), "access-event-chain",
                               "the first access event has no previous hash");
      } else {
        v.out.report_violation(field_path(path, "prev_hash"), "access-event-chain",
                               "prev_hash differs from the previous event's hash");
      }
    }
  }
}

}  // namespace kartla::model
