#include "capi/attest_json.h"

#include <ctime>

#include "capi/guard.h"
#include "crypto/encoding.h"
#include "format/attestation_codec.h"
#include "format/framing.h"
#include "format/limits.h"
#include "identity/agency_role.h"

namespace kartla::capi {
namespace {

using views::JsonWriter;

void card_object(JsonWriter& json, std::string_view key, const format::Card& card, const std::string& fingerprint) {
  json.begin_object(key)
      .field("name", card.name)
      .field("organisation_number", card.organisation_number)
      .field("fingerprint", fingerprint)
      .end_object();
}

}  // namespace

void role_field(JsonWriter& json, std::string_view key, uint32_t role) {
  const auto* known = identity::agency_role_by_number(role);
  if (known != nullptr) {
    json.field(key, known->name);
  } else {
    json.field(key, int64_t{role});
  }
}

void attestation_report(JsonWriter& json, std::string_view key, const attest::AttestationCheck& c) {
  json.begin_object(key)
      .field("verdict", attest::verdict_name(c.verdict))
      .field("finding", attest::finding_name(c.finding))
      .field("message", c.message);
  if (!c.attestation) {
    for (const char* absent : {"entry_id", "issuer", "listed", "claim", "issued_at", "expires_at"})
      json.null_field(absent);
    json.end_object();
    return;
  }
  const format::Attestation& a = c.attestation->attestation;
  json.field("entry_id", a.entry_id);
  card_object(json, "issuer", c.attestation->issuer.card, c.issuer_fingerprint);
  if (c.listed) {
    json.begin_object("listed")
        .field("name", c.listed->card.name)
        .field("organisation_number", c.listed->card.organisation_number);
    role_field(json, "role", c.listed->role);
    json.field("valid_from", c.listed->valid_from).field("valid_until", c.listed->valid_until).end_object();
  } else {
    json.null_field("listed");
  }
  json.json("claim", format::claim_to_json(a.claim))
      .field("issued_at", a.issued_at)
      .field("expires_at", a.expires_at)
      .end_object();
}

std::string attestation_report_json(const attest::AttestationCheck& check) {
  JsonWriter json;
  attestation_report(json, {}, check);
  return json.take();
}

std::string trust_list_json(const attest::VerifiedTrustList& list) {
  JsonWriter json;
  json.begin_object();
  card_object(json, "root", list.root, list.root_fingerprint);
  json.field("sequence", static_cast<int64_t>(list.sequence))
      .field("issued_at", list.issued_at)
      .field("expires_at", list.expires_at)
      .begin_array("agencies");
  for (const attest::ListedAgency& a : list.agencies) {
    json.begin_object()
        .field("name", a.card.name)
        .field("organisation_number", a.card.organisation_number)
        .field("fingerprint", a.fingerprint);
    role_field(json, "role", a.role);
    json.field("valid_from", a.valid_from).field("valid_until", a.valid_until).end_object();
  }
  json.end_array().end_object();
  return json.take();
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
