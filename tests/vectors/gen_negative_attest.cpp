// SPDX-License-Identifier: Apache-2.0
// attest_negative.json: attest.json's attestation, trust lists and contribution moved, relabelled,
// expired, rolled back or damaged (docs/SPEC.md §13). Expected outcomes are written here from the
// spec, not taken from the library.
#include <stdexcept>

#include "attest/attestation.h"
#include "attest/section_entries.h"
#include "attest_checks.h"
#include "crypto/sign.h"
#include "format/attestation_codec.h"
#include "format/contribution_codec.h"
#include "format/labels.h"
#include "model/section_registry.h"
#include "forge.h"
#include "generator.h"
#include "mutate.h"

namespace kartla::vectors {
namespace {

class Set {
 public:
  void add(const char* name, const char* kind, const char* comment, const std::string& input, Json checks) {
    Json v = Json::object();
    v.add("tc_id", Json::number(next_id_++));
    v.add("name", Json::string(name));
    v.add("input_kind", Json::string(kind));
    v.add("comment", Json::string(comment));
    v.add("input", Json::hex(input));
    v.add("checks", std::move(checks));
    vectors_.push(std::move(v));
  }
  Json take() { return std::move(vectors_); }

 private:
  Json vectors_ = Json::array();
  uint64_t next_id_ = 1;
};

Json one(Json check) {
  Json a = Json::array();
  a.push(std::move(check));
  return a;
}

// The attestation's Attestation bytes signed by the agency under another label.
std::string relabelled(const Attesting& at, const char* label) {
  const format::SignedAttestation sa =
      format::decode_signed_attestation(attest::attestation_from_file(at.attestation));
  const std::string signature = crypto::sign_with_label(label, at.agency.identity.signing_keys(), sa.attestation_bytes);
  return format::encode_attestation_file(format::encode_signed_attestation(sa.attestation_bytes, signature));
}

// attest.json's attestation with another claim, signed by the agency without the checks
// issue_attestation makes: what an agency's own software could sign (SPEC §13.2 step i).
std::string with_claim(const Attesting& at, const format::Claim& claim) {
  const format::SignedAttestation sa =
      format::decode_signed_attestation(attest::attestation_from_file(at.attestation));
  format::Attestation a = sa.attestation;
  a.claim = claim;
  a.expires_at = 0;
  const std::string bytes = format::encode_attestation(a);
  const std::string signature =
      crypto::sign_with_label(format::label::kAttestationSignature, at.agency.identity.signing_keys(), bytes);
  return format::encode_attestation_file(format::encode_signed_attestation(bytes, signature));
}

format::Claim validated(const char* level_system, const char* level_code, const char* method, const char* date) {
  format::Claim c;
  c.kind = format::ClaimKind::validated;
  c.level_system = level_system;
  c.level_code = level_code;
  c.method = method;
  c.date = date;
  return c;
}

// A contribution of one competences entry (given as JSON) for the owner's record, signed and
// sealed by the agency like attest.json's, but without create_contribution's content checks
// (SPEC §13.5 step 4 refuses it).
std::string contribution_of(const Owner& owner, const Attesting& at, const std::string& entry_json,
                            const std::string& entry_id) {
  const model::SectionInfo& competences = model::section_by_name("competences");
  const std::string entry = attest::entry_from_json(competences, entry_json).view().to_string();
  const identity::Identity& agency = at.agency.identity;
  const attest::RecordRef ref = attest::record_of_owner_card(owner.identity.card_file(), at.record_id);
  format::Claim claim;
  claim.kind = format::ClaimKind::contributed;
  format::Contribution c;
  c.contribution_id = std::string(16, '\x5a');
  c.sender_card = format::encode_signed_card(agency.card().card_bytes, agency.card().signature);
  c.recipient_signing_key = ref.owner_signing_key;
  c.recipient_encryption_key = ref.owner_encryption_key;
  c.record_id = at.record_id;
  c.section_id = competences.id;
  c.attestation = attest::attestation_from_file(
      attest::issue_attestation(agency, attest::EntryRef{ref, competences.id, entry_id}, entry, claim, kContributed));
  c.created_at = kContributed;
  const std::string bytes = format::encode_contribution(c, entry);
  return format::seal_contribution_file(
      bytes, crypto::sign_with_label(format::label::kContributionSignature, agency.signing_keys(), bytes),
      ref.owner_encryption_key);
}

}  // namespace

Json attest_negative_vectors(const Owner& owner, const Attesting& at) {
  using namespace checks;
  const std::string rid = to_hex(at.record_id);
  const EntrySubject comp1{"owner", rid, "comp-1", at.entry};
  Set set;

  set.add("attestation_other_owner", "attestation", "checked against the same entry in another person's record",
          at.attestation,
          one(verify_attestation({"other_owner", rid, "comp-1", at.entry}, "current", kCheckedAt, "E_SIGNATURE",
                                 "invalid", "wrong_owner", "step b")));
  set.add("attestation_other_record", "attestation", "checked against the same entry in another record of the owner",
          at.attestation,
          one(verify_attestation({"owner", to_hex(at.other_record_id), "comp-1", at.entry}, "current", kCheckedAt,
                                 "E_SIGNATURE", "invalid", "wrong_record", "step c")));
  set.add("attestation_other_entry", "attestation", "checked against comp-2 of the same section", at.attestation,
          one(verify_attestation({"owner", rid, "comp-2", at.other_entry}, "current", kCheckedAt, "E_SIGNATURE",
                                 "invalid", "wrong_entry", "step e")));
  set.add("attestation_entry_edited", "attestation", "comp-1 after the owner edited its free_text", at.attestation,
          one(verify_attestation({"owner", rid, "comp-1", at.edited_entry}, "current", kCheckedAt, "E_INTEGRITY",
                                 "invalid", "content_changed", "step f")));
  set.add("attestation_signed_as_manifest", "attestation",
          "the Attestation bytes signed by the agency under kartla/v1/manifest instead of kartla/v1/attestation",
          relabelled(at, format::label::kManifestSignature),
          one(verify_attestation(comp1, "", kCheckedAt, "E_SIGNATURE", "invalid", "bad_signature", "step a")));
  set.add("attestation_signed_as_contribution", "attestation",
          "the Attestation bytes signed by the agency under kartla/v1/contribution",
          relabelled(at, format::label::kContributionSignature),
          one(verify_attestation(comp1, "", kCheckedAt, "E_SIGNATURE", "invalid", "bad_signature", "step a")));
  {
    ContainerParts parts = split_container(at.record);
    parts.signature = crypto::sign_with_label(format::label::kAttestationSignature, owner.identity.signing_keys(),
                                              parts.manifest_bytes);
    set.add("manifest_signed_as_attestation", "record",
            "attest.json's record with its manifest signed by the owner under kartla/v1/attestation instead of "
            "kartla/v1/manifest",
            assemble(parts), one(verify_record("E_SIGNATURE", "SPEC §6.3: the manifest label only")));
  }
  {
    Json c = Json::array();
    c.push(verify_attestation(comp1, "", kAttestationExpires, "E_EXPIRED", "invalid", "expired", "now = expires_at"));
    c.push(verify_attestation(comp1, "current", kAttestationExpires + 86400, "E_EXPIRED", "", "",
                              "with the trust list: the list has expired first, no report"));
    set.add("attestation_expired", "attestation", "attest.json's attestation at and after its expires_at",
            at.attestation, std::move(c));
  }
  set.add("attestation_not_yet_valid", "attestation", "checked more than 300 s before its issued_at", at.attestation,
          one(verify_attestation(comp1, "", kAttested - 301, "E_EXPIRED", "invalid", "not_yet_valid", "step h")));
  set.add("issuer_no_longer_listed", "attestation",
          "issued on 2025-12-15, after the agency's listing ended (valid_until 2025-12-01): valid but untrusted",
          at.late_attestation,
          one(verify_attestation(comp1, "current", kCheckedLate, "OK", "untrusted", "issuer_no_longer_listed",
                                 "trust is judged at issue time")));
  set.add("issuer_not_yet_listed", "attestation",
          "issued on 2025-01-20, before the agency's listing began (valid_from 2025-02-01): valid but untrusted",
          at.early_attestation,
          one(verify_attestation(comp1, "current", kCheckedAt, "OK", "untrusted", "issuer_not_yet_listed",
                                 "trust is judged at issue time")));
  set.add("attestation_with_unpinned_foreign_list", "attestation",
          "attest.json's attestation with other_root's list, which lists the same agency: trusted by that (unpinned) root, which is why a reader MUST pin the root or show its fingerprint (SPEC §13.3)",
          at.attestation,
          one(verify_attestation(comp1, "input_list", kCheckedAt, "OK", "trusted", "ok",
                                 "input_list: foreign_trust_list of this file")));

  {
    Json c = Json::array();
    c.push(verify_trust_list("input", "root", 2, kCheckedAt, "E_ROLLBACK", "sequence 1 below last_seen 2"));
    c.push(verify_trust_list("input", "root", 2, kListExpires, "E_ROLLBACK",
                             "reported as old even once expired (step 8 before step 9)"));
    c.push(verify_trust_list("input", "root", 1, kCheckedAt, "OK", "last_seen 1"));
    set.add("trust_list_rollback", "trust_list", "attest.json's older list (sequence 1)", at.older_trust_list,
            std::move(c));
  }
  {
    Json c = Json::array();
    c.push(verify_trust_list("input", "root", 0, kListExpires, "E_EXPIRED", "now = expires_at"));
    c.push(verify_trust_list("input", "", 0, kListExpires + 1, "E_EXPIRED", "after expires_at"));
    set.add("trust_list_expired", "trust_list", "attest.json's current list at and after its expiry", at.trust_list,
            std::move(c));
  }
  {
    Json c = Json::array();
    c.push(verify_trust_list("input", "root", 0, kCheckedAt, "E_SIGNATURE", "pinned to attest.json's root"));
    c.push(verify_trust_list("input", "other_root", 0, kCheckedAt, "OK", "pinned to its own root"));
    c.push(verify_trust_list("input", "", 0, kCheckedAt, "OK", "unpinned: any root (show its fingerprint)"));
    set.add("trust_list_other_root", "trust_list", "the same agency listed by other_root", at.foreign_trust_list,
            std::move(c));
  }
  set.add("trust_list_signature_flipped", "trust_list", "the current list with one bit of its signature flipped",
          flip_bit(at.trust_list, at.trust_list.size() - 1, 0),
          one(verify_trust_list("input", "", 0, kCheckedAt, "E_SIGNATURE", "step 5")));

  {
    Json c = Json::array();
    c.push(describe_contribution(to_hex(at.other_record_id), kCheckedAt, "E_SIGNATURE", "step 8"));
    c.push(describe_contribution(rid, kCheckedAt, "OK", "its own record"));
    set.add("contribution_other_record", "contribution", "attest.json's contribution opened for another record",
            at.contribution, std::move(c));
  }
  set.add("contribution_sealed_to_other_owner", "contribution",
          "the same entry for the owner's record, sealed to other_owner", at.misdirected_contribution,
          one(describe_contribution(rid, kCheckedAt, "E_AUTH", "step 2: the box does not open")));
  set.add("contribution_bit_flipped", "contribution", "the last byte of the sealed box with one bit flipped",
          flip_bit(at.contribution, at.contribution.size() - 1, 3),
          one(describe_contribution(rid, kCheckedAt, "E_AUTH", "step 2: damaged and foreign are one error")));
  set.add("contribution_truncated", "contribution", "the contribution without its last byte",
          at.contribution.substr(0, at.contribution.size() - 1),
          one(describe_contribution(rid, kCheckedAt, "E_FORMAT", "step 1: shorter than 12 + L")));

  // Content rules (issue 10 item 7): a signature proves who wrote it, not that it obeys the rules
  // the owner's own content obeys. Added last, so the vectors above keep their ids and bytes.
  set.add("attestation_claim_unknown_method", "attestation",
          "comp-1 attested with method \"telepathy\", not a kartla-method code; no expiry",
          with_claim(at, validated("seqf", "3", "telepathy", "2025-03-07")),
          one(verify_attestation(comp1, "current", kCheckedAt, "E_SCHEMA", "invalid", "bad_claim",
                                 "step i: claim.method, rule kartla-method-code")));
  set.add("attestation_claim_level_out_of_range", "attestation",
          "comp-1 attested at SeQF level 99 (levels are 1-8); no expiry",
          with_claim(at, validated("seqf", "99", "ocn", "2025-03-07")),
          one(verify_attestation(comp1, "", kCheckedAt, "E_SCHEMA", "invalid", "bad_claim",
                                 "step i: claim.level_code, rule seqf-level")));
  set.add("attestation_claim_date_not_real", "attestation",
          "comp-1 attested with date 2025-04-31 (April has 30 days); no expiry",
          with_claim(at, validated("seqf", "3", "ocn", "2025-04-31")),
          one(verify_attestation(comp1, "", kCheckedAt, "E_SCHEMA", "invalid", "bad_claim",
                                 "step i: claim.date, rule date-real")));
  set.add("attestation_claim_year_zero", "attestation", "comp-1 attested with date 0000; no expiry",
          with_claim(at, validated("", "", "", "0000")),
          one(verify_attestation(comp1, "", kCheckedAt, "E_SCHEMA", "invalid", "bad_claim",
                                 "step i: claim.date, rule date-real (years 1800-2199)")));
  {
    Json c = Json::array();
    c.push(describe_contribution(rid, kCheckedAt, "OK", "authentic: the owner sees who sent it"));
    c.push(accept_contribution(kCheckedAt, "E_SCHEMA", 0,
                               "SPEC 13.5 step 4: entries[2].assertion, rule assertion-required; record unchanged"));
    set.add("contribution_entry_without_assertion", "contribution",
            "a competence comp-4 with no assertion, signed and sealed to the owner by the agency",
            contribution_of(owner, at, R"({"id": "comp-4", "free_text": "Forklift safety"})", "comp-4"), std::move(c));
  }
  {
    Json c = Json::array();
    c.push(describe_contribution(rid, kCheckedAt, "OK", "authentic: the owner sees who sent it"));
    c.push(accept_contribution(
        kCheckedAt, "E_SCHEMA", 0,
        "SPEC 13.5 step 4: entries[2].assertion.asserted_by_org.se_orgnr, rule se-orgnr-luhn; record unchanged"));
    set.add("contribution_entry_bad_orgnr", "contribution",
            "a competence comp-4 asserted by REGISTER with organisation number 2120001125 (Luhn check digit "
            "wrong: 2120001124 is right)",
            contribution_of(owner, at,
                            R"({"id": "comp-4", "free_text": "Forklift safety", "assertion": {"source": "REGISTER", )"
                            R"("asserted_at": "2025-03-12T12:00:00Z", "asserted_by_org": {"se_orgnr": "2120001125"}}})",
                            "comp-4"),
            std::move(c));
  }

  Json doc = Json::object();
  doc.add("file", Json::string("attest_negative.json"));
  doc.add("spec", Json::string("docs/SPEC.md sections 6.3 and 13"));
  doc.add("notes",
          Json::string("Each vector is one of attest.json's files (or a file made like them) read the wrong way or "
                       "changed in one place. verify_attestation checks input (an attestation file); trust_list "
                       "names one of attest.json's trust_lists, input_list the foreign list "
                       "(trust_list_other_root's input), or \"\" for none. verify_trust_list and describe_contribution "
                       "read input. Every check MUST give result and, where given, verdict and finding."));
  doc.add("foreign_trust_list", Json::hex(at.foreign_trust_list));
  doc.add("vectors", set.take());
  return doc;
}

}  // namespace kartla::vectors
