// SPDX-License-Identifier: Apache-2.0
// Receipts (kartla.h "Receipts", docs/SPEC.md §7.6): made by the owner from the saved record,
// verified and described for the agency.
#include <string>
#include <vector>

#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/encode_result.h"
#include "crypto/encoding.h"
#include "format/fingerprint.h"
#include "format/framing.h"
#include "format/limits.h"
#include "kartla/v1/results.pb.h"
#include "share/receipt.h"

using kartla::ByteView;
using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

namespace {

// A length no file of its type can have is refused from the length alone, before any byte of it
// is read (SPEC §3.1, §9).
ByteView small_file(const uint8_t* data, size_t len, size_t max_payload, const char* name) {
  if (len > kartla::format::kFramePrefixBytes + max_payload)
    fail(Code::limit, "%s is larger than the 64 KiB limit", {std::string(name)});
  return input_bytes(data, len, name);
}

kartla::v1::ReceiptDescription describe(const kartla::format::Receipt& r) {
  using kartla::crypto::to_hex;
  using kartla::format::fingerprint;
  kartla::v1::ReceiptDescription d;
  d.set_kind(std::string(kartla::format::receipt_kind_name(r.kind)));
  d.set_record_id(to_hex(r.record_id));
  d.set_owner_fingerprint(fingerprint(r.owner_signing_key, r.owner_encryption_key));
  d.set_grant_id(to_hex(r.grant_id));
  d.set_agency_name(r.agency_name);
  d.set_agency_fingerprint(fingerprint(r.recipient_signing_key, r.recipient_encryption_key));
  for (const std::string& section : r.sections) d.add_sections(section);
  d.set_purpose(r.purpose);
  d.set_gdpr_art6_basis(r.gdpr_art6_basis);
  d.set_gdpr_art9_basis(r.gdpr_art9_basis);
  d.set_granted_at(r.granted_at);
  d.set_expires_at(r.expires_at);
  d.set_ended_at(r.ended_at);
  d.set_end_reason(std::string(kartla::format::receipt_end_name(r.end_reason)));
  d.set_sequence(r.sequence);
  d.set_manifest_hash(to_hex(r.manifest_hash));
  return d;
}

}  // namespace

extern "C" {

kartla_status kartla_record_receipt(const kartla_record* record, const char* grant_id, kartla_buffer* out) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(out, "out");
    const std::string file = kartla::share::make_receipt_file(record->record, input_text(grant_id, "grant_id"),
                                                              kartla::capi::record_now(*record));
    put_text(out, file);
  });
}

kartla_status kartla_receipt_describe(const uint8_t* receipt, size_t receipt_len, const uint8_t* owner_card,
                                      size_t owner_card_len, const uint8_t* agency_card, size_t agency_card_len,
                                      kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(out, "out");
    using kartla::format::kMaxReceiptBytes;
    using kartla::format::kMaxSmallFileBytes;
    const ByteView file = small_file(receipt, receipt_len, kMaxReceiptBytes, "receipt");
    const ByteView owner = small_file(owner_card, owner_card_len, kMaxSmallFileBytes, "owner_card");
    const ByteView agency = small_file(agency_card, agency_card_len, kMaxSmallFileBytes, "agency_card");
    const auto verified = kartla::share::verify_receipt(file, owner, agency);
    kartla::capi::emit(describe(verified.receipt), encoding, out);
  });
}

}  // extern "C"
