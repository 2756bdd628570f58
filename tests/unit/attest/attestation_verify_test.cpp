// SPDX-License-Identifier: Apache-2.0
// An attestation holds for the one entry it was made for: the same owner, record, section, entry
// id and exact bytes, within its time; moved anywhere else it is reported invalid, and why
// (issue 6, "Tests that must exist"; docs/THREATS.md T19).
#include <catch2/catch.hpp>

#include "attest_fixture.h"
#include "format/attestation_codec.h"
#include "format/fingerprint.h"

using namespace kartla;
using namespace kartla::attesttest;
using attest::Finding;
using attest::Verdict;

namespace {

std::string agency_b_like_encryption_key() { return employment_service().card().card.encryption_key; }

attest::AttestationCheck check(const std::string& att, const attest::EntryRef& expected, const std::string& entry,
                               int64_t now = kNow, const attest::VerifiedTrustList* trust = nullptr) {
  return attest::verify_attestation(att, expected, entry, now, trust);
}

}  // namespace

TEST_CASE("an attestation verifies for its entry and reports its issuer and claim", "[attest]") {
  const model::Record r = new_record();
  const std::string att = attest_entry(validator(), r, "competences", "c1");
  const attest::VerifiedTrustList trust = usual_trust_list();

  const auto c = check(att, subject(r, "competences", "c1"), entry_of(r, "competences", "c1"), kNow, &trust);
  REQUIRE(c.verdict == Verdict::trusted);
  CHECK(c.finding == Finding::ok);
  CHECK(c.code == Code::ok);
  REQUIRE(c.listed);
  CHECK(c.listed->card.name == "Valideringscentrum Skåne");
  CHECK(c.listed->card.organisation_number == "2120001140");
  CHECK(c.listed->role == 5);
  CHECK(c.issuer_fingerprint == validator().fingerprint());
  REQUIRE(c.attestation);
  const format::Claim& claim = c.attestation->attestation.claim;
  CHECK(claim.kind == format::ClaimKind::validated);
  CHECK(claim.level_code == "3");
  CHECK(claim.method == "ocn");
  CHECK(claim.credits_hundredths == 750);
  CHECK(claim.assessor_role == "OCN-bedömare");
  CHECK(c.attestation->attestation.issued_at == kNow);
}

TEST_CASE("an attestation transplanted to another owner, record, section or entry is invalid", "[attest]") {
  const model::Record r = new_record();
  const std::string att = attest_entry(validator(), r, "competences", "c1");
  const std::string entry = entry_of(r, "competences", "c1");

  SECTION("another person's record (same record id, other owner keys)") {
    const auto c = check(att, subject(r, "competences", "c1", stranger()), entry);
    CHECK(c.verdict == Verdict::invalid);
    CHECK(c.finding == Finding::wrong_owner);
    CHECK(c.code == Code::signature);
  }
  SECTION("only the owner's encryption key differs") {
    attest::EntryRef e = subject(r, "competences", "c1");
    e.record.owner_encryption_key = stranger().box_keys().public_key;
    CHECK(check(att, e, entry).finding == Finding::wrong_owner);
  }
  SECTION("another record of the same owner") {
    const model::Record other = new_record();
    const auto c = check(att, subject(other, "competences", "c1"), entry_of(other, "competences", "c1"));
    CHECK(c.verdict == Verdict::invalid);
    CHECK(c.finding == Finding::wrong_record);
    CHECK(c.code == Code::signature);
  }
  SECTION("another section") {
    attest::EntryRef e = subject(r, "competences", "c1");
    e.section_id = section("languages").id;
    CHECK(check(att, e, entry).finding == Finding::wrong_section);
  }
  SECTION("another entry, even with the same content") {
    const auto c = check(att, subject(r, "competences", "c2"), entry);
    CHECK(c.verdict == Verdict::invalid);
    CHECK(c.finding == Finding::wrong_entry);
    CHECK(contains(c.message, "'c1'"));
  }
  SECTION("another entry's content under this entry's id") {
    const auto c = check(att, subject(r, "competences", "c1"), entry_of(r, "competences", "c2"));
    CHECK(c.finding == Finding::content_changed);
    CHECK(c.code == Code::integrity);
  }
}

TEST_CASE("an attestation over an entry that was edited afterwards is invalid", "[attest]") {
  model::Record r = new_record();
  const std::string att = attest_entry(validator(), r, "competences", "c1");
  const std::string before = entry_of(r, "competences", "c1");

  std::string json = kCompetencesJson;
  json.replace(json.find("MIG-svetsning"), 13, "TIG-svetsning");
  r.write_section(section("competences"), json_section("competences", json));
  const std::string after = entry_of(r, "competences", "c1");
  REQUIRE(after != before);

  const auto c = check(att, subject(r, "competences", "c1"), after);
  CHECK(c.verdict == Verdict::invalid);
  CHECK(c.finding == Finding::content_changed);
  // The other entries did not change: their bytes are the same as before the edit.
  CHECK(check(attest_entry(validator(), r, "competences", "c2"), subject(r, "competences", "c2"),
              entry_of(r, "competences", "c2"))
            .verdict == Verdict::untrusted);
}

TEST_CASE("an attestation is valid until it expires, and not before it is issued", "[attest]") {
  const model::Record r = new_record();
  const std::string entry = entry_of(r, "competences", "c1");
  const std::string att = attest_entry(validator(), r, "competences", "c1", kNow, kNow + 10 * kDay);
  const auto e = subject(r, "competences", "c1");

  CHECK(check(att, e, entry, kNow + 10 * kDay - 1).verdict == Verdict::untrusted);
  auto c = check(att, e, entry, kNow + 10 * kDay);
  CHECK(c.verdict == Verdict::invalid);
  CHECK(c.finding == Finding::expired);
  CHECK(c.code == Code::expired);

  // Dated in the future: accepted within the clock-skew allowance, invalid beyond it.
  CHECK(check(att, e, entry, kNow - attest::kClockSkewSeconds).verdict == Verdict::untrusted);
  c = check(att, e, entry, kNow - attest::kClockSkewSeconds - 1);
  CHECK(c.verdict == Verdict::invalid);
  CHECK(c.finding == Finding::not_yet_valid);
  CHECK(c.code == Code::expired);
}

TEST_CASE("trust: untrusted without a list, off the list, or outside the listed period", "[attest][trust]") {
  const model::Record r = new_record();
  const std::string entry = entry_of(r, "competences", "c1");
  const auto e = subject(r, "competences", "c1");
  const attest::VerifiedTrustList trust = usual_trust_list();

  SECTION("no trust list") {
    const auto c = check(attest_entry(validator(), r, "competences", "c1"), e, entry);
    CHECK(c.verdict == Verdict::untrusted);
    CHECK(c.finding == Finding::no_trust_list);
    CHECK(c.code == Code::ok);
  }
  SECTION("an issuer not on the list") {
    const auto c = check(attest_entry(unlisted_agency(), r, "competences", "c1"), e, entry, kNow, &trust);
    CHECK(c.verdict == Verdict::untrusted);
    CHECK(c.finding == Finding::issuer_not_listed);
    CHECK_FALSE(c.listed);
    CHECK(contains(c.message, "Exempelbolaget AB"));
  }
  SECTION("an issuer whose listing began after it signed (not yet valid)") {
    const int64_t issued = kNow - 366 * kDay;
    const auto c = check(attest_entry(validator(), r, "competences", "c1", issued), e, entry, kNow, &trust);
    CHECK(c.verdict == Verdict::untrusted);
    CHECK(c.finding == Finding::issuer_not_yet_listed);
    REQUIRE(c.listed);
    CHECK(c.listed->card.name == "Valideringscentrum Skåne");
  }
  SECTION("an issuer whose listing had ended when it signed (expired)") {
    const std::string file = trust_list_file(root(), {{&validator(), 5, kNow - 365 * kDay, kNow - kDay}});
    const auto ended = attest::verify_trust_list(file, {kNow, std::nullopt, ""});
    const auto c = check(attest_entry(validator(), r, "competences", "c1"), e, entry, kNow, &ended);
    CHECK(c.verdict == Verdict::untrusted);
    CHECK(c.finding == Finding::issuer_no_longer_listed);
    // Signed while it was listed: trusted, even read after the listing ended.
    const auto earlier = check(attest_entry(validator(), r, "competences", "c1", kNow - 2 * kDay), e, entry, kNow, &ended);
    CHECK(earlier.verdict == Verdict::trusted);
  }
  SECTION("the listing's edges: valid_from included, valid_until excluded") {
    const std::string file = trust_list_file(root(), {{&validator(), 5, kNow, kNow + kDay}});
    const auto list = attest::verify_trust_list(file, {kNow, std::nullopt, ""});
    CHECK(check(attest_entry(validator(), r, "competences", "c1", kNow), e, entry, kNow + 60, &list).verdict ==
          Verdict::trusted);
    CHECK(check(attest_entry(validator(), r, "competences", "c1", kNow - 1), e, entry, kNow + 60, &list).finding ==
          Finding::issuer_not_yet_listed);
    CHECK(check(attest_entry(validator(), r, "competences", "c1", kNow + kDay), e, entry, kNow + kDay, &list).finding ==
          Finding::issuer_no_longer_listed);
  }
  SECTION("the same name and organisation number with other keys is not the listed agency") {
    const identity::Identity impostor =
        make_identity(format::CardKind::agency, "Valideringscentrum Skåne", "212000-1140", 5);
    const auto c = check(attest_entry(impostor, r, "competences", "c1"), e, entry, kNow, &trust);
    CHECK(c.finding == Finding::issuer_not_listed);
  }
  SECTION("the listed signing key with another encryption key is not the listed agency") {
    // A card re-made around the listed signing key (it self-signs): only both keys identify it.
    format::Card card = validator().card().card;
    card.encryption_key = agency_b_like_encryption_key();
    CHECK(trust.find(card.signing_key, card.encryption_key) == nullptr);
    CHECK(attest::issuer_trust(&trust, card, kNow, nullptr) == Finding::issuer_not_listed);
  }
  SECTION("an open-ended listing vouches for nothing after the list itself expires") {
    // The list expires at kNow + 100; the reader's clock is kNow; an attestation dated within the
    // reader's clock-skew allowance (kNow + 200) lies past the list's expiry.
    const std::string file = trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}}, 1, kNow - kDay, kNow + 100);
    const auto list = attest::verify_trust_list(file, {kNow, std::nullopt, ""});
    const auto late = check(attest_entry(validator(), r, "competences", "c1", kNow + 200), e, entry, kNow, &list);
    CHECK(late.verdict == Verdict::untrusted);
    CHECK(late.finding == Finding::issuer_no_longer_listed);
    CHECK(check(attest_entry(validator(), r, "competences", "c1", kNow + 99), e, entry, kNow, &list).verdict ==
          Verdict::trusted);
  }
}

TEST_CASE("issuing refuses what could never verify", "[attest]") {
  const model::Record r = new_record();
  const std::string entry = entry_of(r, "competences", "c1");
  const auto e = subject(r, "competences", "c1");
  const auto issue = [&](const identity::Identity& who, const attest::EntryRef& s, const std::string& bytes,
                         format::Claim claim = ocn_claim(), int64_t expires = 0) {
    return attest::issue_attestation(who, s, bytes, claim, kNow, expires);
  };
  CHECK(code_of([&] { issue(owner(), e, entry); }) == Code::invalid_argument);  // not an agency
  CHECK(code_of([&] { issue(root(), e, entry); }) == Code::invalid_argument);
  CHECK(code_of([&] { issue(validator(), subject(r, "competences", "c2"), entry); }) == Code::invalid_argument);
  CHECK(code_of([&] { issue(validator(), e, entry + "x"); }) == Code::invalid_argument);
  attest::EntryRef ledger = e;
  ledger.section_id = section("sharing_ledger").id;
  CHECK(code_of([&] { issue(validator(), ledger, entry); }) == Code::invalid_argument);
  attest::EntryRef unknown = e;
  unknown.section_id = 999;
  CHECK(code_of([&] { issue(validator(), unknown, entry); }) == Code::invalid_argument);
  CHECK(code_of([&] { issue(validator(), e, entry, ocn_claim(), kNow); }) == Code::invalid_argument);  // expires at issue
  format::Claim bad = ocn_claim();
  bad.date = "2025-13-01";
  CHECK(code_of([&] { issue(validator(), e, entry, bad); }) == Code::invalid_argument);
  bad = ocn_claim();
  bad.text = std::string(4097, 'x');
  CHECK(code_of([&] { issue(validator(), e, entry, bad); }) == Code::limit);
  bad = ocn_claim();
  bad.assessor_role = "\xff\xfe";
  CHECK(code_of([&] { issue(validator(), e, entry, bad); }) == Code::invalid_argument);
  attest::EntryRef short_id = e;
  short_id.record.record_id = "short";
  CHECK(code_of([&] { issue(validator(), short_id, entry); }) == Code::invalid_argument);
}

TEST_CASE("the owner card gives the record reference; other cards are refused", "[attest]") {
  const model::Record r = new_record();
  const attest::RecordRef ref = attest::record_of_owner_card(owner().card_file(), r.record_id());
  CHECK(ref.owner_signing_key == owner().signing_keys().public_key);
  CHECK(ref.owner_encryption_key == owner().box_keys().public_key);
  CHECK(ref.record_id == r.record_id());
  CHECK(code_of([&] { attest::record_of_owner_card(validator().card_file(), r.record_id()); }) ==
        Code::invalid_argument);
  CHECK(code_of([&] { attest::record_of_owner_card(owner().card_file(), std::string("short")); }) ==
        Code::invalid_argument);
  std::string damaged = owner().card_file();
  damaged[damaged.size() - 1] = static_cast<char>(damaged[damaged.size() - 1] ^ 1);
  CHECK(code_of([&] { attest::record_of_owner_card(damaged, r.record_id()); }) == Code::signature);
}
