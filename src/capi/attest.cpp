// SPDX-License-Identifier: Apache-2.0
// Attestations in the C ABI (docs/SPEC.md §13.2): the entry bytes an attestation covers, issuing
// one, and checking one against an entry with an optional trust list.
#include <optional>
#include <string>

#include "attest/attestation.h"
#include "attest/section_entries.h"
#include "attest/trust_list.h"
#include "capi/attest_inputs.h"
#include "capi/attest_results.h"
#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "crypto/encoding.h"
#include "format/attestation_codec.h"
#include "format/fingerprint.h"
#include "format/framing.h"
#include "format/limits.h"
#include "model/section_registry.h"

using kartla::ByteView;
using kartla::Code;
using kartla::fail;
using kartla::capi::bounded_input;
using kartla::capi::framed_limit;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_secret;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::time_or_now;

namespace {

namespace attest = kartla::attest;
namespace format = kartla::format;

attest::EntryRef entry_ref(const kartla_entry_ref* ref) {
  require_output(ref, "ref");
  if (ref->version != KARTLA_ENTRY_REF_VERSION) fail(Code::invalid_argument, "kartla_entry_ref is of another version");
  const ByteView card =
      bounded_input(ref->owner_card, ref->owner_card_len, framed_limit(format::kMaxSmallFileBytes), "ref->owner_card");
  const auto record_id = kartla::crypto::from_hex(input_text(ref->record_id, "ref->record_id"));
  if (!record_id || record_id->size() != format::kRecordIdBytes)
    fail(Code::invalid_argument, "ref->record_id is not 32 hex digits");
  const kartla::model::SectionInfo& section = kartla::model::section_by_name(input_text(ref->section, "ref->section"));
  return {attest::record_of_owner_card(card, *record_id), section.id, input_text(ref->entry_id, "ref->entry_id")};
}

ByteView entry_of(const kartla_entry_ref* ref) {
  return bounded_input(ref->entry, ref->entry_len, format::kMaxSectionPlaintext, "ref->entry");
}

}  // namespace

extern "C" {

void kartla_entry_ref_init(kartla_entry_ref* ref) {
  if (ref == nullptr) return;
  *ref = kartla_entry_ref{};
  ref->version = KARTLA_ENTRY_REF_VERSION;
}

kartla_status kartla_section_entry(const char* section, const uint8_t* content, size_t content_len,
                                   const char* entry_id, kartla_buffer* out) {
  return guarded([&] {
    require_empty(out, "out");
    const kartla::model::SectionInfo& info = kartla::model::section_by_name(input_text(section, "section"));
    const ByteView bytes = bounded_input(content, content_len, format::kMaxSectionPlaintext, "content");
    put_secret(out, attest::entry_bytes(info, bytes, input_text(entry_id, "entry_id")));
  });
}

kartla_status kartla_attestation_issue(const kartla_identity* agency, const kartla_entry_ref* ref,
                                       const char* claim_json, int64_t issued_at, int64_t expires_at,
                                       kartla_buffer* out) {
  return guarded([&] {
    require_output(agency, "agency");
    require_empty(out, "out");
    const attest::EntryRef subject = entry_ref(ref);
    const format::Claim claim = format::claim_from_json(input_text(claim_json, "claim_json"));
    const std::string file =
        attest::issue_attestation(agency->identity, subject, entry_of(ref), claim, time_or_now(issued_at), expires_at);
    put_secret(out, kartla::crypto::SecretBuffer::copy_of(file));
  });
}

kartla_status kartla_attestation_verify(const uint8_t* attestation, size_t attestation_len,
                                        const kartla_entry_ref* ref, const uint8_t* trust_list,
                                        size_t trust_list_len, int64_t now, kartla_encoding encoding,
                                        kartla_buffer* report) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(report, "report");
    const ByteView file =
        bounded_input(attestation, attestation_len, framed_limit(format::kMaxAttestationBytes), "attestation");
    const attest::EntryRef subject = entry_ref(ref);
    const ByteView entry = entry_of(ref);
    const ByteView list_file =
        bounded_input(trust_list, trust_list_len, framed_limit(format::kMaxTrustListBytes), "trust_list");
    const int64_t at = time_or_now(now);
    std::optional<attest::VerifiedTrustList> trust;
    if (list_file.size != 0) trust = attest::verify_trust_list(list_file, {at, std::nullopt, ""});
    const attest::AttestationCheck check = attest::verify_attestation(
        attest::attestation_from_file(file), subject, entry, at, trust ? &*trust : nullptr);
    kartla::v1::AttestationReport result;
    kartla::capi::fill_attestation_report(check, &result);
    kartla::capi::emit(result, encoding, report);
    if (check.verdict == attest::Verdict::invalid) fail(check.code, *check.failure);
  });
}

kartla_status kartla_attestation_describe(const uint8_t* attestation, size_t attestation_len,
                                          const uint8_t* trust_list, size_t trust_list_len, int64_t now,
                                          kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(out, "out");
    const ByteView file =
        bounded_input(attestation, attestation_len, framed_limit(format::kMaxAttestationBytes), "attestation");
    const ByteView list_file =
        bounded_input(trust_list, trust_list_len, framed_limit(format::kMaxTrustListBytes), "trust_list");
    const int64_t at = time_or_now(now);
    std::optional<attest::VerifiedTrustList> trust;
    if (list_file.size != 0) trust = attest::verify_trust_list(list_file, {at, std::nullopt, ""});
    const attest::AttestationCheck check =
        attest::inspect_attestation(attest::attestation_from_file(file), at, trust ? &*trust : nullptr);
    kartla::v1::AttestationDescription result;
    kartla::capi::fill_attestation_report(check, result.mutable_report());
    if (check.attestation) {
      const format::Attestation& a = check.attestation->attestation;
      result.set_owner_fingerprint(format::fingerprint(a.owner_signing_key, a.owner_encryption_key));
      result.set_record_id(kartla::crypto::to_hex(a.record_id));
      if (const kartla::model::SectionInfo* section = kartla::model::section_by_id(a.section_id))
        result.set_section(std::string(section->name));
    }
    kartla::capi::emit(result, encoding, out);
    if (check.verdict == attest::Verdict::invalid) fail(check.code, *check.failure);
  });
}

}  // extern "C"
