#include "capi/attest_json.h"

#include <ctime>

#include "capi/guard.h"
#include "capi/json_text.h"
#include "crypto/encoding.h"
#include "format/attestation_codec.h"
#include "format/framing.h"
#include "format/limits.h"
#include "identity/agency_role.h"

namespace kartla::capi {
namespace {

std::string card_json(const format::Card& card, const std::string& fingerprint) {
  return "{\"name\": " + json_string(card.name) + ", \"organisation_number\": " +
         json_string(card.organisation_number) + ", \"fingerprint\": " + json_string(fingerprint) + "}";
}

}  // namespace

std::string role_json(uint32_t role) {
  const auto* known = identity::agency_role_by_number(role);
  return known != nullptr ? json_string(known->name) : std::to_string(role);
}

std::string attestation_report_json(const attest::AttestationCheck& c, int indent) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  const std::string close = std::string(static_cast<size_t>(indent > 2 ? indent - 2 : 0), ' ') + "}";
  std::string json = "{\n" + pad + "\"verdict\": " + json_string(attest::verdict_name(c.verdict)) + ",\n";
  json += pad + "\"finding\": " + json_string(attest::finding_name(c.finding)) + ",\n";
  json += pad + "\"message\": " + json_string(c.message) + ",\n";
  if (!c.attestation) {
    return json + pad + "\"entry_id\": null,\n" + pad + "\"issuer\": null,\n" + pad + "\"listed\": null,\n" + pad +
           "\"claim\": null,\n" + pad + "\"issued_at\": null,\n" + pad + "\"expires_at\": null\n" + close;
  }
  const format::Attestation& a = c.attestation->attestation;
  json += pad + "\"entry_id\": " + json_string(a.entry_id) + ",\n";
  json += pad + "\"issuer\": " + card_json(c.attestation->issuer.card, c.issuer_fingerprint) + ",\n";
  if (c.listed) {
    json += pad + "\"listed\": {\"name\": " + json_string(c.listed->card.name) + ", \"organisation_number\": " +
            json_string(c.listed->card.organisation_number) + ", \"role\": " + role_json(c.listed->role) +
            ", \"valid_from\": " + std::to_string(c.listed->valid_from) +
            ", \"valid_until\": " + std::to_string(c.listed->valid_until) + "},\n";
  } else {
    json += pad + "\"listed\": null,\n";
  }
  json += pad + "\"claim\": " + format::claim_to_json(a.claim) + ",\n";
  json += pad + "\"issued_at\": " + std::to_string(a.issued_at) + ",\n" + pad +
          "\"expires_at\": " + std::to_string(a.expires_at) + "\n" + close;
  return json;
}

std::string trust_list_json(const attest::VerifiedTrustList& list) {
  std::string json = "{\n  \"root\": " + card_json(list.root, list.root_fingerprint) + ",\n";
  json += "  \"sequence\": " + std::to_string(list.sequence) + ",\n";
  json += "  \"issued_at\": " + std::to_string(list.issued_at) + ",\n";
  json += "  \"expires_at\": " + std::to_string(list.expires_at) + ",\n  \"agencies\": [";
  for (size_t i = 0; i < list.agencies.size(); ++i) {
    const attest::ListedAgency& a = list.agencies[i];
    json += std::string(i == 0 ? "\n" : ",\n") + "    {\"name\": " + json_string(a.card.name) +
            ", \"organisation_number\": " + json_string(a.card.organisation_number) +
            ", \"fingerprint\": " + json_string(a.fingerprint) + ", \"role\": " + role_json(a.role) +
            ", \"valid_from\": " + std::to_string(a.valid_from) + ", \"valid_until\": " + std::to_string(a.valid_until) +
            "}";
  }
  return json + (list.agencies.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

ByteView bounded_input(const uint8_t* data, size_t len, uint64_t max, const char* name) {
  if (len > max) fail(Code::limit, std::string(name) + " is larger than its limit");
  return input_bytes(data, len, name);
}

uint64_t framed_limit(size_t payload_limit) { return format::kFramePrefixBytes + payload_limit; }

std::optional<attest::VerifiedTrustList> optional_trust_list(const uint8_t* data, size_t len, int64_t now) {
  const ByteView file = bounded_input(data, len, framed_limit(format::kMaxTrustListBytes), "trust_list");
  if (file.size == 0) return std::nullopt;
  return attest::verify_trust_list(file, {now, std::nullopt, ""});
}

int64_t time_or_now(int64_t t) { return t != 0 ? t : static_cast<int64_t>(std::time(nullptr)); }

std::string record_id_input(const char* hex, const char* name) {
  const auto id = crypto::from_hex(input_text(hex, name));
  if (!id || id->size() != format::kRecordIdBytes) fail(Code::invalid_argument, std::string(name) + " is not 32 hex digits");
  return *id;
}

}  // namespace kartla::capi
