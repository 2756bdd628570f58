// SPDX-License-Identifier: Apache-2.0
#include "attest/attestation.h"

#include "attest/content_rules.h"
#include "attest/section_entries.h"
#include "crypto/secret_buffer.h"
#include "format/fingerprint.h"
#include "format/limits.h"
#include "model/section_registry.h"

namespace kartla::attest {
namespace {

// Takes the check by reference: messages are built from fields of check.attestation, which a
// by-value parameter could have moved from before the message was evaluated.
// `msgid` is a catalogue message (xgettext extracts invalid's fourth argument), so the failure
// reads in the reader's language when it is raised (kartla_last_error_localized).
AttestationCheck& invalid(AttestationCheck& check, Finding finding, const Error& failure) {
  check.verdict = Verdict::invalid;
  check.finding = finding;
  check.code = failure.code();
  check.message = failure.what();
  check.failure = failure;
  return check;
}

AttestationCheck& invalid(AttestationCheck& check, Finding finding, Code code, const char* msgid,
                          std::vector<std::string> args = {}) {
  return invalid(check, finding, Error(code, msgid, std::move(args)));
}

std::string trust_message(Finding finding, const format::Card& issuer) {
  const std::string who = issuer.name.empty() ? std::string("the issuer") : "'" + issuer.name + "'";
  switch (finding) {
    case Finding::ok: return "attested by " + who + ", a trusted issuer";
    case Finding::no_trust_list: return "attested by " + who + "; no trust list was given to check the issuer";
    case Finding::issuer_not_listed: return "attested by " + who + ", which is not on the trust list";
    case Finding::issuer_not_yet_listed:
      return "attested by " + who + " before its listing on the trust list began";
    case Finding::issuer_no_longer_listed:
      return "attested by " + who + " after its listing on the trust list ended";
    default: return "attested by " + who;
  }
}

}  // namespace

RecordRef record_of_owner_card(ByteView owner_card_file, ByteView record_id) {
  const format::SignedCard card = format::decode_card_file(owner_card_file);
  if (card.card.kind != format::CardKind::owner) fail(Code::invalid_argument, "this is not an owner's card");
  if (record_id.size != format::kRecordIdBytes) fail(Code::invalid_argument, "a record id is 16 bytes");
  return RecordRef{card.card.signing_key, card.card.encryption_key, record_id.to_string()};
}

std::string issue_attestation(const identity::Identity& agency, const EntryRef& subject, ByteView entry_bytes,
                              const format::Claim& claim, int64_t issued_at, int64_t expires_at) {
  if (agency.card().card.kind != format::CardKind::agency)
    fail(Code::invalid_argument, "only an agency identity issues attestations");
  const model::SectionInfo* section = model::section_by_id(subject.section_id);
  if (section == nullptr) fail(Code::invalid_argument, "unknown section id %s", {std::to_string(subject.section_id)});
  if (!section_holds_attestations(*section))
    fail(Code::invalid_argument, "section '%s' holds no attestations", {std::string(section->name)});
  // Catches the agency's own mix-ups (the wrong file, the wrong id) before it signs something
  // that can never match.
  if (!is_entry_with_id(*section, entry_bytes, subject.entry_id))
    fail(Code::invalid_argument, "these bytes are not entry '%1$s' of section '%2$s'",
         {subject.entry_id, std::string(section->name)});
  format::Attestation a;
  a.issuer_card = format::encode_signed_card(agency.card());
  a.owner_signing_key = subject.record.owner_signing_key;
  a.owner_encryption_key = subject.record.owner_encryption_key;
  a.record_id = subject.record.record_id;
  a.section_id = subject.section_id;
  a.entry_id = subject.entry_id;
  a.entry_hash = format::attested_entry_hash(entry_bytes);
  a.claim = claim;
  a.issued_at = issued_at;
  a.expires_at = expires_at;
  // The codec's shape rules first (Error(invalid_argument), as for every other field), then the
  // content rules a reader applies (§13.2 step i): an agency never signs a claim readers refuse.
  const std::string bytes = format::encode_attestation(a);
  require_valid_claim(claim);
  return format::sign_attestation_file(bytes, agency.signing_keys());
}

std::string attestation_from_file(ByteView file) { return format::unframe_attestation_file(file); }

const char* finding_name(Finding finding) {
  switch (finding) {
    case Finding::ok: return "ok";
    case Finding::malformed: return "malformed";
    case Finding::bad_signature: return "bad_signature";
    case Finding::wrong_owner: return "wrong_owner";
    case Finding::wrong_record: return "wrong_record";
    case Finding::wrong_section: return "wrong_section";
    case Finding::wrong_entry: return "wrong_entry";
    case Finding::content_changed: return "content_changed";
    case Finding::expired: return "expired";
    case Finding::not_yet_valid: return "not_yet_valid";
    case Finding::bad_claim: return "bad_claim";
    case Finding::duplicate_entry_id: return "duplicate_entry_id";
    case Finding::entry_not_found: return "entry_not_found";
    case Finding::no_trust_list: return "no_trust_list";
    case Finding::issuer_not_listed: return "issuer_not_listed";
    case Finding::issuer_not_yet_listed: return "issuer_not_yet_listed";
    case Finding::issuer_no_longer_listed: return "issuer_no_longer_listed";
  }
  return "unknown";
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::trusted: return "trusted";
    case Verdict::untrusted: return "untrusted";
    case Verdict::invalid: return "invalid";
  }
  return "unknown";
}

Finding issuer_trust(const VerifiedTrustList* trust, const format::Card& issuer, int64_t at,
                     std::optional<ListedAgency>* listed) {
  if (trust == nullptr) return Finding::no_trust_list;
  const ListedAgency* entry = trust->find(issuer.signing_key, issuer.encryption_key);
  if (entry == nullptr) return Finding::issuer_not_listed;
  if (listed != nullptr) *listed = *entry;
  if (at < entry->valid_from) return Finding::issuer_not_yet_listed;
  if (entry->valid_until != 0 && at >= entry->valid_until) return Finding::issuer_no_longer_listed;
  // The list vouches for nothing after its own expiry, even for an agency listed without an end
  // (an attestation dated within the reader's clock-skew allowance can be): SPEC §13.2.
  if (trust->expires_at != 0 && at >= trust->expires_at) return Finding::issuer_no_longer_listed;
  return Finding::ok;
}

// The checks that need no entry: an attestation that decoded and whose signature held is judged
// on its times, its claim and its issuer's place on the trust list (SPEC §13.2 steps g to j).
static AttestationCheck& judge_signed(AttestationCheck& check, int64_t now, const VerifiedTrustList* trust);

// Decodes the attestation and checks its issuer's card and signature into `check`; false (with
// the finding set) if that fails.
static bool decode_signed(AttestationCheck& check, ByteView signed_attestation) {
  try {
    check.attestation = format::decode_signed_attestation(signed_attestation);
  } catch (const Error& e) {
    const bool signature = e.code() == Code::signature;
    invalid(check, signature ? Finding::bad_signature : Finding::malformed, e);
    return false;
  }
  const format::Card& issuer = check.attestation->issuer.card;
  check.issuer_fingerprint = format::fingerprint(issuer.signing_key, issuer.encryption_key);
  return true;
}

AttestationCheck verify_attestation(ByteView signed_attestation, const EntryRef& expected, ByteView entry_bytes,
                                    int64_t now, const VerifiedTrustList* trust) {
  AttestationCheck check;
  if (!decode_signed(check, signed_attestation)) return check;
  const format::Attestation& a = check.attestation->attestation;

  // Binding first: an attestation that is about something else says nothing about this entry,
  // whatever its times or issuer.
  if (a.owner_signing_key != expected.record.owner_signing_key ||
      a.owner_encryption_key != expected.record.owner_encryption_key)
    return invalid(check, Finding::wrong_owner, Code::signature,
                   "the attestation was made for another person's record");
  if (a.record_id != expected.record.record_id)
    return invalid(check, Finding::wrong_record, Code::signature,
                   "the attestation was made for another record");
  if (a.section_id != expected.section_id)
    return invalid(check, Finding::wrong_section, Code::signature,
                   "the attestation was made for another section");
  if (a.entry_id != expected.entry_id)
    return invalid(check, Finding::wrong_entry, Code::signature,
                   "the attestation was made for entry '%1$s', not '%2$s'", {a.entry_id, expected.entry_id});
  if (!crypto::equal_constant_time(a.entry_hash, format::attested_entry_hash(entry_bytes)))
    return invalid(check, Finding::content_changed, Code::integrity,
                   "the entry has changed since it was attested");
  return judge_signed(check, now, trust);
}

AttestationCheck inspect_attestation(ByteView signed_attestation, int64_t now, const VerifiedTrustList* trust) {
  AttestationCheck check;
  if (!decode_signed(check, signed_attestation)) return check;
  return judge_signed(check, now, trust);
}

static AttestationCheck& judge_signed(AttestationCheck& check, int64_t now, const VerifiedTrustList* trust) {
  const format::Attestation& a = check.attestation->attestation;
  const format::Card& issuer = check.attestation->issuer.card;
  if (a.expires_at != 0 && now >= a.expires_at)
    return invalid(check, Finding::expired, Code::expired,
                   "the attestation has expired");
  // In unsigned arithmetic so that no pair of int64 times overflows.
  if (a.issued_at > now &&
      static_cast<uint64_t>(a.issued_at) - static_cast<uint64_t>(now) > static_cast<uint64_t>(kClockSkewSeconds))
    return invalid(check, Finding::not_yet_valid, Code::expired,
                   "the attestation is dated in the future");
  // Last of the checks that make it invalid: a claim is only worth judging once the attestation
  // is known to be about this entry (when there is one to check it against) and current. Its signature proves who said it, not that it
  // means anything: a level or method no code system knows, or a date that never was, is refused
  // here as the owner's own content would be (SPEC §13.2 step i).
  if (const std::vector<model::Violation> violations = claim_violations(a.claim); !violations.empty())
    return invalid(check, Finding::bad_claim,
                   Error(Code::schema, localizable("the attestation's claim breaks a rule: %s",
                                                   {describe_violations(nullptr, violations)})));

  check.finding = issuer_trust(trust, issuer, a.issued_at, &check.listed);
  check.verdict = check.finding == Finding::ok ? Verdict::trusted : Verdict::untrusted;
  check.code = Code::ok;
  check.message = trust_message(check.finding, check.listed ? check.listed->card : issuer);
  return check;
}

}  // namespace kartla::attest
