// SPDX-License-Identifier: Apache-2.0
#include "capi/attest_results.h"

#include "identity/agency_role.h"

namespace kartla::capi {

std::string role_text(uint32_t role) {
  if (role == 0) return {};
  const auto* known = identity::agency_role_by_number(role);
  return known != nullptr ? std::string(known->name) : std::to_string(role);
}

void fill_party(const format::Card& card, const std::string& fingerprint, v1::Party* out) {
  out->set_name(card.name);
  out->set_organisation_number(card.organisation_number);
  out->set_role(role_text(card.role));
  out->set_fingerprint(fingerprint);
}

void fill_listed(const attest::ListedAgency& agency, v1::ListedAgency* out) {
  out->set_name(agency.card.name);
  out->set_organisation_number(agency.card.organisation_number);
  out->set_fingerprint(agency.fingerprint);
  out->set_role(role_text(agency.role));
  out->set_valid_from(agency.valid_from);
  out->set_valid_until(agency.valid_until);
}

void fill_claim(const format::Claim& claim, v1::AttestationClaim* out) {
  // The numbers are the claim kinds of docs/SPEC.md §13.2 in both schemas.
  out->set_kind(static_cast<v1::AttestationClaim::Kind>(static_cast<uint32_t>(claim.kind)));
  out->set_level_system(claim.level_system);
  out->set_level_code(claim.level_code);
  out->set_method(claim.method);
  out->set_date(claim.date);
  out->set_credits_hundredths(claim.credits_hundredths);
  out->set_assessor_role(claim.assessor_role);
  out->set_text(claim.text);
}

void fill_attestation_report(const attest::AttestationCheck& check, v1::AttestationReport* out) {
  out->set_verdict(attest::verdict_name(check.verdict));
  out->set_finding(attest::finding_name(check.finding));
  out->set_message(check.message);
  if (!check.attestation) return;
  const format::Attestation& a = check.attestation->attestation;
  out->set_entry_id(a.entry_id);
  fill_party(check.attestation->issuer.card, check.issuer_fingerprint, out->mutable_issuer());
  if (check.listed) fill_listed(*check.listed, out->mutable_listed());
  fill_claim(a.claim, out->mutable_claim());
  out->set_issued_at(a.issued_at);
  out->set_expires_at(a.expires_at);
}

void fill_trust_list(const attest::VerifiedTrustList& list, v1::TrustListDescription* out) {
  fill_party(list.root, list.root_fingerprint, out->mutable_root());
  out->set_sequence(list.sequence);
  out->set_issued_at(list.issued_at);
  out->set_expires_at(list.expires_at);
  for (const attest::ListedAgency& agency : list.agencies) fill_listed(agency, out->add_agencies());
}

}  // namespace kartla::capi
