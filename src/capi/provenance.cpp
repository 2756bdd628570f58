// Provenance of a section's entries in the C ABI (docs/SPEC.md §13.6), for the owner's record and
// an agency's share alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attest/provenance.h"
#include "capi/attest_json.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "model/section_registry.h"
#include "views/json_writer.h"

using kartla::ByteView;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::time_or_now;

namespace {

namespace attest = kartla::attest;

void reports(kartla::views::JsonWriter& json, std::string_view key, const std::vector<attest::AttestationCheck>& checks) {
  json.begin_array(key);
  for (const attest::AttestationCheck& check : checks) kartla::capi::attestation_report(json, {}, check);
  json.end_array();
}

std::string provenance_json(const kartla::model::SectionInfo& info, ByteView plaintext,
                            const attest::RecordRef& record, const std::optional<attest::VerifiedTrustList>& trust,
                            int64_t now) {
  const attest::SectionProvenance p =
      attest::section_provenance(info, plaintext, record, now, trust ? &*trust : nullptr);
  kartla::views::JsonWriter json;
  json.begin_object().field("section", info.name);
  if (trust) {
    json.begin_object("trust_list")
        .field("root", trust->root.name)
        .field("root_fingerprint", trust->root_fingerprint)
        .field("sequence", static_cast<int64_t>(trust->sequence))
        .field("expires_at", trust->expires_at)
        .end_object();
  } else {
    json.null_field("trust_list");
  }
  json.begin_array("entries");
  for (const attest::EntryProvenance& e : p.entries) {
    json.begin_object().field("entry_id", e.entry_id).field("provenance", attest::provenance_name(e.provenance));
    reports(json, "attestations", e.checks);
    json.end_object();
  }
  json.end_array();
  reports(json, "unmatched", p.unmatched);
  json.end_object();
  return json.take();
}

}  // namespace

extern "C" {

kartla_status kartla_record_provenance_json(const kartla_record* record, const kartla_identity* owner,
                                            const char* section, const uint8_t* trust_list, size_t trust_list_len,
                                            int64_t now, kartla_buffer* out) {
  return guarded([&] {
    require_output(record, "record");
    require_output(owner, "owner");
    require_empty(out, "out");
    record->record.check_owner({owner->identity.signing_keys(), owner->identity.box_keys()});
    const kartla::model::SectionInfo& info = kartla::model::section_by_name(input_text(section, "section"));
    const attest::RecordRef ref{owner->identity.signing_keys().public_key, owner->identity.box_keys().public_key,
                                record->record.record_id()};
    const int64_t at = time_or_now(now);
    // The arguments first: a bad trust list is reported before any section is decrypted.
    const auto trust = kartla::capi::optional_trust_list(trust_list, trust_list_len, at);
    const kartla::crypto::SecretBuffer plaintext = record->record.read_section(info);
    put_text(out, provenance_json(info, plaintext.view(), ref, trust, at));
  });
}

kartla_status kartla_share_provenance_json(const kartla_share* share, const char* section, const uint8_t* trust_list,
                                           size_t trust_list_len, int64_t now, kartla_buffer* out) {
  return guarded([&] {
    require_output(share, "share");
    require_empty(out, "out");
    const kartla::model::SectionInfo& info = kartla::model::section_by_name(input_text(section, "section"));
    const auto& manifest = share->view.container().manifest;
    const attest::RecordRef ref{manifest.owner_signing_key, manifest.owner_encryption_key, manifest.record_id};
    const int64_t at = time_or_now(now);
    // The arguments first: a bad trust list is reported before any section is decrypted.
    const auto trust = kartla::capi::optional_trust_list(trust_list, trust_list_len, at);
    const kartla::crypto::SecretBuffer plaintext = share->view.read_section(info, at);
    put_text(out, provenance_json(info, plaintext.view(), ref, trust, at));
  });
}

}  // extern "C"
