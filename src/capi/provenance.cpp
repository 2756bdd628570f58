// Provenance of a section's entries in the C ABI (docs/SPEC.md §13.6), for the owner's record and
// an agency's share alike.
#include <optional>
#include <string>

#include "attest/provenance.h"
#include "capi/attest_json.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/json_text.h"
#include "model/section_registry.h"

using kartla::ByteView;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::json_string;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::time_or_now;

namespace {

namespace attest = kartla::attest;

std::string reports(const std::vector<attest::AttestationCheck>& checks, int indent) {
  if (checks.empty()) return "[]";
  const std::string pad(static_cast<size_t>(indent), ' ');
  std::string json = "[";
  for (size_t i = 0; i < checks.size(); ++i)
    json += std::string(i == 0 ? "\n" : ",\n") + pad + kartla::capi::attestation_report_json(checks[i], indent + 2);
  return json + "\n" + std::string(static_cast<size_t>(indent - 2), ' ') + "]";
}

std::string provenance_json(const kartla::model::SectionInfo& info, ByteView plaintext,
                            const attest::RecordRef& record, const std::optional<attest::VerifiedTrustList>& trust,
                            int64_t now) {
  const attest::SectionProvenance p =
      attest::section_provenance(info, plaintext, record, now, trust ? &*trust : nullptr);
  std::string json = "{\n  \"section\": " + json_string(info.name) + ",\n  \"trust_list\": ";
  if (trust) {
    json += "{\"root\": " + json_string(trust->root.name) + ", \"root_fingerprint\": " +
            json_string(trust->root_fingerprint) + ", \"sequence\": " + std::to_string(trust->sequence) +
            ", \"expires_at\": " + std::to_string(trust->expires_at) + "},\n";
  } else {
    json += "null,\n";
  }
  json += "  \"entries\": [";
  for (size_t i = 0; i < p.entries.size(); ++i) {
    const attest::EntryProvenance& e = p.entries[i];
    json += std::string(i == 0 ? "\n" : ",\n") + "    {\n      \"entry_id\": " + json_string(e.entry_id) +
            ",\n      \"provenance\": " + json_string(attest::provenance_name(e.provenance)) +
            ",\n      \"attestations\": " + reports(e.checks, 8) + "\n    }";
  }
  json += p.entries.empty() ? "],\n" : "\n  ],\n";
  json += "  \"unmatched\": " + reports(p.unmatched, 4) + "\n}\n";
  return json;
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
