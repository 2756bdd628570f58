// SPDX-License-Identifier: Apache-2.0
// Provenance of a section's entries in the C ABI (docs/SPEC.md §13.6), for the owner's record and
// an agency's share alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attest/provenance.h"
#include "capi/attest_inputs.h"
#include "capi/attest_results.h"
#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "model/section_registry.h"
#include "kartla/v1/results.pb.h"

using kartla::ByteView;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::time_or_now;

namespace {

namespace attest = kartla::attest;

// Entry ids come from section plaintext: the report is written out by emit() into guarded memory.
kartla::v1::ProvenanceReport provenance_report(const kartla::model::SectionInfo& info, ByteView plaintext,
                                               const attest::RecordRef& record,
                                               const std::optional<attest::VerifiedTrustList>& trust, int64_t now) {
  const attest::SectionProvenance p =
      attest::section_provenance(info, plaintext, record, now, trust ? &*trust : nullptr);
  kartla::v1::ProvenanceReport report;
  report.set_section(std::string(info.name));
  if (trust) {
    kartla::v1::TrustListSummary* list = report.mutable_trust_list();
    list->set_root(trust->root.name);
    list->set_root_fingerprint(trust->root_fingerprint);
    list->set_sequence(trust->sequence);
    list->set_expires_at(trust->expires_at);
  }
  for (const attest::EntryProvenance& e : p.entries) {
    kartla::v1::EntryProvenance* entry = report.add_entries();
    entry->set_entry_id(e.entry_id);
    entry->set_provenance(attest::provenance_name(e.provenance));
    for (const attest::AttestationCheck& check : e.checks)
      kartla::capi::fill_attestation_report(check, entry->add_attestations());
  }
  for (const attest::AttestationCheck& check : p.unmatched)
    kartla::capi::fill_attestation_report(check, report.add_unmatched());
  return report;
}

}  // namespace

extern "C" {

kartla_status kartla_record_provenance(const kartla_record* record, const kartla_identity* owner,
                                       const char* section, const uint8_t* trust_list, size_t trust_list_len,
                                       int64_t now, kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
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
    kartla::capi::emit(provenance_report(info, plaintext.view(), ref, trust, at), encoding, out);
  });
}

kartla_status kartla_share_provenance(const kartla_share* share, const char* section, const uint8_t* trust_list,
                                      size_t trust_list_len, int64_t now, kartla_encoding encoding,
                                      kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(share, "share");
    require_empty(out, "out");
    const kartla::model::SectionInfo& info = kartla::model::section_by_name(input_text(section, "section"));
    const auto& manifest = share->view.container().manifest;
    const attest::RecordRef ref{manifest.owner_signing_key, manifest.owner_encryption_key, manifest.record_id};
    const int64_t at = time_or_now(now);
    // The arguments first: a bad trust list is reported before any section is decrypted.
    const auto trust = kartla::capi::optional_trust_list(trust_list, trust_list_len, at);
    const kartla::crypto::SecretBuffer plaintext = share->view.read_section(info, at);
    kartla::capi::emit(provenance_report(info, plaintext.view(), ref, trust, at), encoding, out);
  });
}

}  // extern "C"
