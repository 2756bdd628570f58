// Receipts (kartla.h "Receipts", docs/SPEC.md §7.6): made by the owner from the saved record,
// verified and described for the agency.
#include <string>
#include <vector>

#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/json_text.h"
#include "crypto/encoding.h"
#include "format/fingerprint.h"
#include "format/framing.h"
#include "format/limits.h"
#include "share/receipt.h"

using kartla::ByteView;
using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::json_string;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

namespace {

// A length no file of its type can have is refused from the length alone, before any byte of it
// is read (SPEC §3.1, §9).
ByteView small_file(const uint8_t* data, size_t len, size_t max_payload, const char* name) {
  if (len > kartla::format::kFramePrefixBytes + max_payload)
    fail(Code::limit, std::string(name) + " is larger than the 64 KiB limit");
  return input_bytes(data, len, name);
}

std::string string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
  return out + "]";
}

std::string describe(const kartla::format::Receipt& r) {
  using kartla::crypto::to_hex;
  using kartla::format::fingerprint;
  std::string json = "{\n";
  json += "  \"kind\": " + json_string(kartla::format::receipt_kind_name(r.kind)) + ",\n";
  json += "  \"record_id\": \"" + to_hex(r.record_id) + "\",\n";
  json += "  \"owner_fingerprint\": \"" + fingerprint(r.owner_signing_key, r.owner_encryption_key) + "\",\n";
  json += "  \"grant_id\": \"" + to_hex(r.grant_id) + "\",\n";
  json += "  \"agency_name\": " + json_string(r.agency_name) + ",\n";
  json += "  \"agency_fingerprint\": \"" + fingerprint(r.recipient_signing_key, r.recipient_encryption_key) + "\",\n";
  json += "  \"sections\": " + string_array(r.sections) + ",\n";
  json += "  \"purpose\": " + json_string(r.purpose) + ",\n";
  json += "  \"gdpr_art6_basis\": " + json_string(r.gdpr_art6_basis) + ",\n";
  json += "  \"gdpr_art9_basis\": " + json_string(r.gdpr_art9_basis) + ",\n";
  json += "  \"granted_at\": " + std::to_string(r.granted_at) + ",\n";
  json += "  \"expires_at\": " + std::to_string(r.expires_at) + ",\n";
  json += "  \"ended_at\": " + std::to_string(r.ended_at) + ",\n";
  json += "  \"end_reason\": " + json_string(kartla::format::receipt_end_name(r.end_reason)) + ",\n";
  json += "  \"sequence\": " + std::to_string(r.sequence) + ",\n";
  json += "  \"manifest_hash\": \"" + to_hex(r.manifest_hash) + "\"\n}\n";
  return json;
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

kartla_status kartla_receipt_describe_json(const uint8_t* receipt, size_t receipt_len, const uint8_t* owner_card,
                                           size_t owner_card_len, const uint8_t* agency_card, size_t agency_card_len,
                                           kartla_buffer* out) {
  return guarded([&] {
    require_empty(out, "out");
    using kartla::format::kMaxReceiptBytes;
    using kartla::format::kMaxSmallFileBytes;
    const ByteView file = small_file(receipt, receipt_len, kMaxReceiptBytes, "receipt");
    const ByteView owner = small_file(owner_card, owner_card_len, kMaxSmallFileBytes, "owner_card");
    const ByteView agency = small_file(agency_card, agency_card_len, kMaxSmallFileBytes, "agency_card");
    const auto verified = kartla::share::verify_receipt(file, owner, agency);
    put_text(out, describe(verified.receipt));
  });
}

}  // extern "C"
