/* SPDX-License-Identifier: Apache-2.0 */
// The parts of results.proto that several functions share (cards as parties, trust-list
// entries, claims, attestation reports), filled in one place so a report says the same wherever
// it comes from: kartla_attestation_verify, kartla_trust_list_verify, the contribution and the
// provenance functions.
#pragma once

#include <cstdint>
#include <string>

#include "attest/attestation.h"
#include "attest/trust_list.h"
#include "format/attestation_codec.h"
#include "format/card_codec.h"
#include "kartla/v1/results.pb.h"

namespace kartla::capi {

// A role number as its name, or the number in decimal for a role this library does not know.
std::string role_text(uint32_t role);

void fill_party(const format::Card& card, const std::string& fingerprint, v1::Party* out);
void fill_listed(const attest::ListedAgency& agency, v1::ListedAgency* out);
void fill_claim(const format::Claim& claim, v1::AttestationClaim* out);
void fill_attestation_report(const attest::AttestationCheck& check, v1::AttestationReport* out);
void fill_trust_list(const attest::VerifiedTrustList& list, v1::TrustListDescription* out);

}  // namespace kartla::capi
