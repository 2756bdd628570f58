/* SPDX-License-Identifier: Apache-2.0 */
// Issuing and checking attestations (docs/SPEC.md §13.2). An agency signs a claim about one entry
// of one person's record; a reader checks it against the entry it is shown with: the same owner,
// record, section, entry id and exact entry bytes, within its validity, and then asks the trust
// list whether the issuer was vouched for when it signed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "attest/trust_list.h"
#include "base/bytes.h"
#include "base/error.h"
#include "format/attestation_codec.h"
#include "identity/identity.h"

namespace kartla::attest {

// Whose record, which one: the owner's two public keys and the record id.
struct RecordRef {
  std::string owner_signing_key;     // 32
  std::string owner_encryption_key;  // 32
  std::string record_id;             // 16
};

// The entry an attestation is about.
struct EntryRef {
  RecordRef record;
  uint32_t section_id = 0;
  std::string entry_id;
};

// The record of the owner whose card file this is (Error(invalid_argument) if it is not an owner's
// card; Error(format/signature) for a damaged card).
RecordRef record_of_owner_card(ByteView owner_card_file, ByteView record_id);

// Makes an attestation file ('A') signed by `agency` over the entry's exact bytes.
// Error(invalid_argument) if the identity is not an agency, the entry bytes are not an entry of
// that section with that id, the section is unknown or holds no attestations, or the claim's
// shape or the times break a rule (expires_at must be 0 or after issued_at); Error(limit) for an
// over-long claim string; Error(schema) if the claim breaks a content rule (model::validate_claim:
// an unknown level system or code, method, a date that does not exist), naming its field and rule.
std::string issue_attestation(const identity::Identity& agency, const EntryRef& subject, ByteView entry_bytes,
                              const format::Claim& claim, int64_t issued_at, int64_t expires_at = 0);

// The SignedAttestation bytes inside an attestation file (what a section stores).
// Error(format/version/limit) for a bad frame.
std::string attestation_from_file(ByteView file);

// An attestation dated this far ahead of the reader's clock is still accepted (clock skew between
// the agency's machine and the reader's); further ahead it is invalid.
inline constexpr int64_t kClockSkewSeconds = 300;

enum class Verdict {
  trusted,    // valid, and the issuer was on the trust list, in its validity, when it signed
  untrusted,  // valid, but the issuer is not vouched for (no list, not on it, or outside its period)
  invalid,    // does not hold for this entry: see Finding
};

enum class Finding {
  ok,  // trusted
  // invalid
  malformed,       // does not decode (code: format, limit or version)
  bad_signature,   // the issuer's card or the attestation signature fails (code: signature)
  wrong_owner,     // made for another person's record (code: signature)
  wrong_record,    // made for another record of this owner (code: signature)
  wrong_section,   // made for another section (code: signature)
  wrong_entry,     // made for another entry (code: signature)
  content_changed, // the entry's bytes differ from the ones attested (code: integrity)
  expired,         // past expires_at (code: expired)
  not_yet_valid,   // issued more than kClockSkewSeconds in the future (code: expired)
  bad_claim,       // the claim breaks a content rule, model::validate_claim (code: schema)
  duplicate_entry_id,  // two entries of the section share the attested id (code: schema)
  entry_not_found,     // the section holds no entry with the attested id (code: not_found)
  // untrusted (code: ok)
  no_trust_list,           // the reader gave no trust list
  issuer_not_listed,       // the issuer's keys are not on the list
  issuer_not_yet_listed,   // on the list, but its validity began after the attestation was issued
  issuer_no_longer_listed, // on the list, but its validity ended before the attestation was issued
};

// "ok", "malformed", "bad_signature", ... (the enumerator names, for JSON and messages).
const char* finding_name(Finding finding);
const char* verdict_name(Verdict verdict);

struct AttestationCheck {
  Verdict verdict = Verdict::invalid;
  Finding finding = Finding::malformed;
  Code code = Code::format;  // Code::ok unless the verdict is invalid; then the failure's class
  std::string message;       // one sentence for people, in English
  std::optional<Error> failure;  // when invalid: the failure, with its catalogue message, to raise
  std::optional<format::SignedAttestation> attestation;  // set once it decoded and its signature held
  std::string issuer_fingerprint;                        // of the issuer's card, once decoded
  std::optional<ListedAgency> listed;                    // the trust list's entry, if the issuer is on it
};

// Checks `signed_attestation` (SignedAttestation bytes, as stored in a section) against the entry
// `expected` with content `entry_bytes`, at time `now`, with an optional trust list. Never throws
// for what the attestation contains: every problem is a verdict with a finding and a code.
AttestationCheck verify_attestation(ByteView signed_attestation, const EntryRef& expected, ByteView entry_bytes,
                                    int64_t now, const VerifiedTrustList* trust);

// An attestation on its own, before anyone relies on it (`kartla attest show`): the issuer's card
// and signature, the times at `now`, the claim's content rules and the issuer's place on the
// optional trust list, as verify_attestation judges them; but not what it is about, which needs
// the entry. Findings: ok, malformed, bad_signature, expired, not_yet_valid, bad_claim and the
// untrusted ones. Never throws for what the attestation contains.
AttestationCheck inspect_attestation(ByteView signed_attestation, int64_t now, const VerifiedTrustList* trust);

// The trust half on its own: is the agency with this card vouched for at time `at`?
// (Finding::ok, no_trust_list, issuer_not_listed, issuer_not_yet_listed or issuer_no_longer_listed.)
Finding issuer_trust(const VerifiedTrustList* trust, const format::Card& issuer, int64_t at,
                     std::optional<ListedAgency>* listed = nullptr);

}  // namespace kartla::attest
