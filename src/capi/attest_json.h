// The JSON the C ABI gives for attestation checks, trust lists and provenance (kartla.h documents
// the fields). Shared by attest.cpp, trust.cpp, contribution.cpp and provenance.cpp so a report
// reads the same wherever it comes from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <string_view>

#include "attest/attestation.h"
#include "attest/trust_list.h"
#include "base/bytes.h"
#include "kartla/kartla.h"
#include "views/json_writer.h"

namespace kartla::capi {

// Every document here is written with views::JsonWriter, nested ones included, so a report
// reads (and is laid out) the same wherever it comes from.

// A role number as its name, or the bare number for a role this library does not know.
void role_field(views::JsonWriter& json, std::string_view key, uint32_t role);
// {"verdict", "finding", "message", "entry_id", "issuer", "listed", "claim", "issued_at",
// "expires_at"} as the member `key` (or an array element, for an empty key).
void attestation_report(views::JsonWriter& json, std::string_view key, const attest::AttestationCheck& check);
// The same report as a document of its own (with a final newline).
std::string attestation_report_json(const attest::AttestationCheck& check);
// {"root", "sequence", "issued_at", "expires_at", "agencies"}, a document.
std::string trust_list_json(const attest::VerifiedTrustList& list);

// A bounded input: refused from the length alone, before any byte is read.
ByteView bounded_input(const uint8_t* data, size_t len, uint64_t max, const char* name);
// The limit of a framed file whose payload has this limit.
uint64_t framed_limit(size_t payload_limit);
// A trust-list input of length 0 is none; otherwise it is verified at `now` (no rollback check,
// any root).
std::optional<attest::VerifiedTrustList> optional_trust_list(const uint8_t* data, size_t len, int64_t now);
// 0 means "now" throughout the C ABI.
int64_t time_or_now(int64_t t);
// A record id given as 32 hex digits.
std::string record_id_input(const char* hex, const char* name);

}  // namespace kartla::capi
