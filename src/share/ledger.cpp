#include "share/ledger.h"

#include "base/error.h"
#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "format/labels.h"

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
  std::string bytes;
  if (!ledger.SerializeToString(&bytes)) fail(Code::internal, "cannot serialize the sharing ledger");
  record.write_section(ledger_section(), bytes);
  crypto::wipe(bytes.data(), bytes.size());
}

void set_time(google::protobuf::Timestamp* out, int64_t unix_seconds) {
  out->set_seconds(unix_seconds);
  out->set_nanos(0);
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
