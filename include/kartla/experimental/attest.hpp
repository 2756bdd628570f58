// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: attestations and provenance. EXPERIMENTAL TIER (docs/API-STABILITY.md):
// define KARTLA_EXPERIMENTAL before including it; it may change in any release.
#ifndef KARTLA_EXPERIMENTAL_ATTEST_HPP
#define KARTLA_EXPERIMENTAL_ATTEST_HPP

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/attest.hpp is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include <string>
#include <string_view>

#include "kartla/common.hpp"
#include "kartla/identity.hpp"
#include "kartla/record.hpp"
#include "kartla/share.hpp"
#include "kartla/experimental/attest.h"

namespace kartla {

// Attestations (kartla.h): the bytes an attestation covers, issuing one, checking one.
struct entry_ref {
  std::string owner_card;  // the record owner's card file
  std::string record_id;   // 32 hex digits
  std::string section;
  std::string entry_id;
  buffer entry;            // the entry's bytes (section_entry): plaintext, kept in wiped memory
};

namespace detail {
// Borrows `r`'s strings: valid while `r` lives.
inline kartla_entry_ref raw_entry_ref(const entry_ref& r) noexcept {
  kartla_entry_ref raw;
  kartla_entry_ref_init(&raw);
  raw.owner_card = bytes(r.owner_card);
  raw.owner_card_len = r.owner_card.size();
  raw.record_id = r.record_id.c_str();
  raw.section = r.section.c_str();
  raw.entry_id = r.entry_id.c_str();
  raw.entry = r.entry.data();
  raw.entry_len = r.entry.size();
  return raw;
}
}  // namespace detail

// The entry's bytes are plaintext: they stay in the wiped buffer.
inline buffer section_entry(const std::string& section, std::string_view content, const std::string& entry_id) {
  buffer out;
  check(kartla_section_entry(section.c_str(), detail::bytes(content), content.size(), entry_id.c_str(), out.out()));
  return out;
}

// The attestation file's bytes. issued_at 0 = now; expires_at 0 = never.
inline std::string attestation_issue(const identity& agency, const entry_ref& ref, const std::string& claim_json,
                                     int64_t issued_at = 0, int64_t expires_at = 0) {
  buffer out;
  const kartla_entry_ref raw = detail::raw_entry_ref(ref);
  check(kartla_attestation_issue(agency.get(), &raw, claim_json.c_str(), issued_at, expires_at, out.out()));
  return out.str();
}

// An attestation that does not hold is a result, not an exception: `status` is its class and
// `report` says why. Bad arguments and an unusable trust list (malformed, expired) throw.
struct attestation_check {
  kartla_status status = KARTLA_OK;  // KARTLA_OK: valid, trusted or not (the report's verdict)
  buffer report;                     // kartla.v1.AttestationReport (holds the claim)
  std::string message;               // kartla_last_error() when invalid
};

inline attestation_check attestation_verify(std::string_view attestation, const entry_ref& ref,
                                            std::string_view trust_list = {}, int64_t now = 0,
                                            kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer report;
  const kartla_entry_ref raw = detail::raw_entry_ref(ref);
  const kartla_status status =
      kartla_attestation_verify(detail::bytes(attestation), attestation.size(), &raw, detail::bytes(trust_list),
                                trust_list.size(), now, encoding, report.out());
  if (status != KARTLA_OK && report.size() == 0) throw error(status, kartla_last_error());
  attestation_check out;
  out.status = status;
  out.report = std::move(report);
  if (status != KARTLA_OK) out.message = kartla_last_error();
  return out;
}

// An attestation on its own (kartla_attestation_describe): as attestation_verify, the report is
// kartla.v1.AttestationDescription.
inline attestation_check attestation_describe(std::string_view attestation, std::string_view trust_list = {},
                                              int64_t now = 0, kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer report;
  const kartla_status status = kartla_attestation_describe(detail::bytes(attestation), attestation.size(),
                                                           detail::bytes(trust_list), trust_list.size(), now, encoding,
                                                           report.out());
  if (status != KARTLA_OK && report.size() == 0) throw error(status, kartla_last_error());
  attestation_check out;
  out.status = status;
  out.report = std::move(report);
  if (status != KARTLA_OK) out.message = kartla_last_error();
  return out;
}

// Stores an attestation with its entry in the owner's record: true if the record changed,
// false if it already held it.
inline bool record_attach_attestation(record& r, const identity& owner, std::string_view attestation,
                                      int64_t now = 0) {
  int added = 0;
  check(kartla_record_attach_attestation(r.get(), owner.get(), detail::bytes(attestation), attestation.size(), now,
                                         &added));
  return added != 0;
}

// Provenance of a section's entries, kartla.v1.ProvenanceReport (it names entries and claims:
// kept in the wiped buffer); an empty trust_list trusts no issuer.
inline buffer record_provenance(const record& r, const identity& owner, const std::string& section,
                                std::string_view trust_list = {}, int64_t now = 0,
                                kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_record_provenance(r.get(), owner.get(), section.c_str(), detail::bytes(trust_list), trust_list.size(),
                                 now, encoding, out.out()));
  return out;
}
inline buffer share_provenance(const share& s, const std::string& section, std::string_view trust_list = {},
                               int64_t now = 0, kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_share_provenance(s.get(), section.c_str(), detail::bytes(trust_list), trust_list.size(), now, encoding,
                                out.out()));
  return out;
}

}  // namespace kartla

#endif  // KARTLA_EXPERIMENTAL_ATTEST_HPP
