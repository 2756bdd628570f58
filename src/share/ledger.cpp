// SPDX-License-Identifier: Apache-2.0
#include "share/ledger.h"

#include <algorithm>
#include <set>

#include "base/error.h"
#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "format/container_reader.h"
#include "format/labels.h"
#include "model/validation/section_check.h"

namespace kartla::share {
namespace {

const model::SectionInfo& ledger_section() { return model::section_by_name("sharing_ledger"); }

}  // namespace

v1::SharingLedger read_ledger(const model::Record& record) {
  v1::SharingLedger ledger;
  if (!record.has_section(ledger_section())) return ledger;
  const crypto::SecretBuffer bytes = record.read_section(ledger_section());
  if (!ledger.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    fail(Code::schema, "the sharing ledger is not a valid sharing_ledger section");
  return ledger;
}

void write_ledger(model::Record& record, const v1::SharingLedger& ledger) {
  model::require_valid(ledger_section(), model::validate_section(ledger));
  std::string bytes;
  if (!ledger.SerializeToString(&bytes)) fail(Code::internal, "cannot serialize the sharing ledger");
  record.write_owner_only_section(ledger_section(), bytes);
  crypto::wipe(bytes.data(), bytes.size());
}

void set_time(google::protobuf::Timestamp* out, int64_t unix_seconds) {
  out->set_seconds(unix_seconds);
  out->set_nanos(0);
}

int64_t ledger_time(const v1::SharingLedger& ledger, int64_t now) {
  const int n = ledger.access_events_size();
  return n == 0 ? now : std::max(now, ledger.access_events(n - 1).at().seconds());
}

bool is_active(const v1::ShareGrantRecord& entry) { return !entry.has_revoked_at() && !entry.has_expired_at(); }

std::vector<uint32_t> covered_sections(const model::Record& record, const v1::ShareGrantRecord& entry) {
  if (entry.section_generations_size() != entry.sections_size())
    fail(Code::schema, "the sharing ledger does not say which key generation a grant carries");
  std::vector<uint32_t> ids;
  for (int i = 0; i < entry.sections_size(); ++i) {
    const model::SectionInfo& info = model::section_by_name(entry.sections(i));
    const uint32_t granted = entry.section_generations(i);
    if (granted != 0 && record.has_section(info) && record.generation(info) == granted) ids.push_back(info.id);
  }
  return ids;
}

void check_ledger_matches_grants(const model::Record& record, const v1::SharingLedger& ledger) {
  std::multiset<std::string> in_record;
  for (const auto& g : record.grants()) in_record.insert(crypto::digest_bytes(format::grant_digest(g)));
  std::multiset<std::string> in_ledger;
  for (const auto& entry : ledger.grants())
    if (is_active(entry)) in_ledger.insert(entry.grant_digest());
  if (in_record != in_ledger)
    fail(Code::integrity,
         "the sharing ledger does not describe the grants this record holds; nothing was changed (report this: it "
         "should not be possible)");
}

void append_owner_event(v1::SharingLedger& ledger, v1::AccessEvent::Action action, const std::string& grant_id,
                        const std::vector<std::string>& sections, int64_t at) {
  v1::AccessEvent* event = ledger.add_access_events();
  event->set_id(crypto::to_hex(crypto::random_public_bytes(16)));
  event->set_grant_id(grant_id);
  event->set_action(action);
  for (const auto& s : sections) event->add_sections(s);
  set_time(event->mutable_at(), at);
  const int n = ledger.access_events_size();
  if (n >= 2) event->set_prev_hash(ledger.access_events(n - 2).hash());
  // The hash covers the event with its hash field empty, so the chain can be re-checked later.
  event->set_hash(crypto::digest_bytes(crypto::labelled_hash(format::label::kAccessEvent, event->SerializeAsString())));
}

}  // namespace kartla::share
