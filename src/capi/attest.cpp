// Attestations in the C ABI (docs/SPEC.md §13.2): the entry bytes an attestation covers, issuing
// one, and checking one against an entry with an optional trust list.
#include <ctime>
#include <optional>
#include <string>

#include "attest/attestation.h"
#include "attest/section_entries.h"
#include "attest/trust_list.h"
#include "capi/attest_json.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "crypto/encoding.h"
#include "format/attestation_codec.h"
#include "format/framing.h"
#include "format/limits.h"
#include "model/section_registry.h"

using kartla::ByteView;
using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_secret;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

namespace {

namespace attest = kartla::attest;
namespace format = kartla::format;

// Refused from the length alone, before any byte is read (a SIZE_MAX length is never trusted).
ByteView bounded(const uint8_t* data, size_t len, uint64_t max, const char* name) {
  if (len > max) fail(Code::limit, std::string(name) + " is larger than its limit");
  return input_bytes(data, len, name);
}

constexpr uint64_t framed(size_t payload_limit) { return format::kFramePrefixBytes + payload_limit; }

int64_t or_now(int64_t t) { return t != 0 ? t : static_cast<int64_t>(std::time(nullptr)); }

attest::EntryRef entry_ref(const kartla_entry_ref* ref) {
  require_output(ref, "ref");
  if (ref->version != KARTLA_ENTRY_REF_VERSION) fail(Code::invalid_argument, "kartla_entry_ref is of another version");
  const ByteView card = bounded(ref->owner_card, ref->owner_card_len, framed(format::kMaxSmallFileBytes), "ref->owner_card");
  const auto record_id = kartla::crypto::from_hex(input_text(ref->record_id, "ref->record_id"));
  if (!record_id || record_id->size() != format::kRecordIdBytes)
    fail(Code::invalid_argument, "ref->record_id is not 32 hex digits");
  const kartla::model::SectionInfo& section = kartla::model::section_by_name(input_text(ref->section, "ref->section"));
  return {attest::record_of_owner_card(card, *record_id), section.id, input_text(ref->entry_id, "ref->entry_id")};
}

ByteView entry_of(const kartla_entry_ref* ref) {
  return bounded(ref->entry, ref->entry_len, format::kMaxSectionPlaintext, "ref->entry");
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
    const ByteView bytes = bounded(content, content_len, format::kMaxSectionPlaintext, "content");
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
        attest::issue_attestation(agency->identity, subject, entry_of(ref), claim, or_now(issued_at), expires_at);
    put_secret(out, kartla::crypto::SecretBuffer::copy_of(file));
  });
}

kartla_status kartla_attestation_verify(const uint8_t* attestation, size_t attestation_len,
                                        const kartla_entry_ref* ref, const uint8_t* trust_list,
                                        size_t trust_list_len, int64_t now, kartla_buffer* report) {
  return guarded([&] {
    require_empty(report, "report");
    const ByteView file =
        bounded(attestation, attestation_len, framed(format::kMaxAttestationBytes), "attestation");
    const attest::EntryRef subject = entry_ref(ref);
    const ByteView entry = entry_of(ref);
    const ByteView list_file = bounded(trust_list, trust_list_len, framed(format::kMaxTrustListBytes), "trust_list");
    const int64_t at = or_now(now);
    std::optional<attest::VerifiedTrustList> trust;
    if (list_file.size != 0) trust = attest::verify_trust_list(list_file, {at, std::nullopt, ""});
    const attest::AttestationCheck check = attest::verify_attestation(
        attest::attestation_from_file(file), subject, entry, at, trust ? &*trust : nullptr);
    put_text(report, kartla::capi::attestation_report_json(check));
    if (check.verdict == attest::Verdict::invalid) fail(check.code, check.message);
  });
}

}  // extern "C"
