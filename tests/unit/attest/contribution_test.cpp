// SPDX-License-Identifier: Apache-2.0
// Contributions (issue 6 item 4): an agency writes an entry for a person, signed and sealed to the
// owner alone; the owner sees who sent it and what it adds, and accepting merges it with the
// agency's signature kept as an attestation. Twice changes nothing; another owner's or another
// record's contribution is refused; a tampered one is refused before anything is shown.
#include <catch2/catch.hpp>

#include <algorithm>

#include "attest/contribution.h"
#include "attest/merge.h"
#include "attest/provenance.h"
#include "attest_fixture.h"
#include "crypto/sign.h"
#include "format/contribution_codec.h"
#include "format/labels.h"

using namespace kartla;
using namespace kartla::attesttest;

namespace {

const char* kOutcomeJson = R"({"id": "af-2026-0117", "title": "Arbetsträning, lager", "status": "COMPLETED",
  "results": ["IN_EMPLOYMENT"], "outcome_note": "anställd från februari",
  "assertion": {"source": "PROFESSIONAL_OBSERVED", "asserted_at": "2026-01-01T00:00:00Z",
                "asserted_by_org": {"se_orgnr": "2021002114", "name": "Arbetsförmedlingen"},
                "asserted_by_role": "arbetsförmedlare"}})";

std::string outcome_entry(const char* json = kOutcomeJson) {
  return attest::entry_from_json(section("interventions"), std::string(json)).view().to_string();
}

attest::ContributionRequest request_for(const model::Record& r, const identity::Identity& to = owner(),
                                        const char* section_name = "interventions") {
  attest::ContributionRequest request;
  request.owner_card_file = to.card_file();
  request.record_id = r.record_id();
  request.section_id = section(section_name).id;
  request.now = kNow;
  return request;
}

std::string contribution(const model::Record& r, const std::string& entry = outcome_entry(),
                         const identity::Identity& from = employment_service()) {
  return attest::create_contribution(from, request_for(r), entry);
}

size_t count_of(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<size_t>(std::count(ids.begin(), ids.end(), id));
}

}  // namespace

TEST_CASE("the owner opens a contribution and sees who sent it and what it adds", "[attest][contribution]") {
  const model::Record r = new_record();
  const std::string entry = outcome_entry();
  const std::string file = contribution(r, entry);
  const attest::VerifiedContribution c = attest::open_contribution(owner_keys(), file, kNow, r.record_id());
  CHECK(c.sender.name == "Arbetsförmedlingen");
  CHECK(c.sender.organisation_number == "2021002114");
  CHECK(c.sender_fingerprint == employment_service().fingerprint());
  CHECK(c.record_id == r.record_id());
  CHECK(c.section == &section("interventions"));
  CHECK(c.entry_id == "af-2026-0117");
  CHECK(c.entry.view().to_string() == entry);
  CHECK(c.contribution_id.size() == 16);
  CHECK(c.claim.kind == format::ClaimKind::contributed);
  CHECK(c.created_at == kNow);
  // Two contributions of the same entry are two contributions.
  CHECK(attest::open_contribution(owner_keys(), contribution(r, entry), kNow).contribution_id != c.contribution_id);
  // Only the owner can read it: the file does not contain the entry's text.
  CHECK(file.find("Arbetsträning") == std::string::npos);
}

TEST_CASE("accepting merges the entry with the agency's attestation; twice changes nothing",
          "[attest][contribution]") {
  model::Record r = new_record();
  const std::string file = contribution(r);
  REQUIRE(attest::accept_contribution(r, owner_keys(), file, kNow) == attest::MergeOutcome::added);

  const std::string after_first = section_text(r, "interventions");
  const auto ids = attest::entry_ids(section("interventions"), after_first);
  CHECK(count_of(ids, "i1") == 1);
  CHECK(count_of(ids, "af-2026-0117") == 1);
  REQUIRE(attest::stored_attestations(section("interventions"), after_first).size() == 1);

  // The merged entry reads back as attested by the agency, trusted with the usual list.
  const attest::VerifiedTrustList trust = usual_trust_list();
  const auto p = attest::section_provenance(section("interventions"), after_first, ref_of(r), kNow, &trust);
  REQUIRE(p.entries.size() == 2);
  CHECK(p.entries[0].provenance == attest::Provenance::self_declared);
  CHECK(p.entries[1].entry_id == "af-2026-0117");
  CHECK(p.entries[1].provenance == attest::Provenance::trusted);
  CHECK(p.unmatched.empty());

  // Replayed: nothing changes, not even the ciphertext.
  CHECK(attest::accept_contribution(r, owner_keys(), file, kNow) == attest::MergeOutcome::already_present);
  CHECK(section_text(r, "interventions") == after_first);
}

TEST_CASE("a contribution to a section the record lacks creates it", "[attest][contribution]") {
  model::Record r = model::Record::create(owner_keys());
  REQUIRE_FALSE(r.has_section(section("interventions")));
  CHECK(attest::accept_contribution(r, owner_keys(), contribution(r), kNow) == attest::MergeOutcome::added);
  CHECK(attest::entry_ids(section("interventions"), section_text(r, "interventions")) ==
        std::vector<std::string>{"af-2026-0117"});
}

TEST_CASE("a contribution whose entry id is taken by a different entry is not merged", "[attest][contribution]") {
  model::Record r = new_record();
  std::string clash = kOutcomeJson;
  clash.replace(clash.find("af-2026-0117"), 12, "i1");
  const std::string before = section_text(r, "interventions");
  CHECK(code_of([&] { attest::accept_contribution(r, owner_keys(), contribution(r, outcome_entry(clash.c_str())), kNow); }) ==
        Code::invalid_argument);
  CHECK(section_text(r, "interventions") == before);

  // The same entry the owner already holds: only the attestation is added.
  const std::string own = entry_of(r, "interventions", "i1");
  CHECK(attest::accept_contribution(r, owner_keys(), contribution(r, own), kNow) == attest::MergeOutcome::added);
  CHECK(attest::entry_ids(section("interventions"), section_text(r, "interventions")) == std::vector<std::string>{"i1"});
  CHECK(attest::stored_attestations(section("interventions"), section_text(r, "interventions")).size() == 1);
}

TEST_CASE("a contribution for another owner or another record is refused", "[attest][contribution]") {
  model::Record r = new_record();
  const model::Record other_record = new_record();

  SECTION("sealed to another person: it does not open") {
    const std::string for_stranger = attest::create_contribution(employment_service(), request_for(r, stranger()), outcome_entry());
    CHECK(code_of([&] { attest::open_contribution(owner_keys(), for_stranger, kNow); }) == Code::auth);
    CHECK(code_of([&] { attest::accept_contribution(r, owner_keys(), for_stranger, kNow); }) == Code::auth);
  }
  SECTION("signed for another person, re-sealed to the owner") {
    // The stranger holds a signed contribution addressed to them and seals it to our owner.
    const std::string for_stranger = attest::create_contribution(employment_service(), request_for(r, stranger()), outcome_entry());
    const format::OpenedContribution opened = format::open_contribution_file(stranger().box_keys(), for_stranger);
    const std::string bytes = format::encode_contribution(opened.contribution, opened.entry.view());
    const std::string sig =
        crypto::sign_with_label(format::label::kContributionSignature, employment_service().signing_keys(), bytes);
    // (the agency's real signature over the stranger-addressed bytes)
    const std::string resealed = format::seal_contribution_file(bytes, sig, owner().box_keys().public_key);
    CHECK(code_of([&] { attest::open_contribution(owner_keys(), resealed, kNow); }) == Code::signature);
    // The codec alone already refuses it: the signed recipient key is not the one that opened it.
    CHECK(code_of([&] { format::open_contribution_file(owner().box_keys(), resealed); }) == Code::signature);
  }
  SECTION("for another record of the same owner") {
    const std::string for_other = contribution(other_record);
    CHECK(code_of([&] { attest::open_contribution(owner_keys(), for_other, kNow, r.record_id()); }) == Code::signature);
    const std::string before = section_text(r, "interventions");
    CHECK(code_of([&] { attest::accept_contribution(r, owner_keys(), for_other, kNow); }) == Code::signature);
    CHECK(section_text(r, "interventions") == before);
    // Listing it without naming a record shows which record it is for.
    CHECK(attest::open_contribution(owner_keys(), for_other, kNow).record_id == other_record.record_id());
  }
}

TEST_CASE("a contribution whose attestation is another agency's, or about something else, is refused",
          "[attest][contribution]") {
  const model::Record r = new_record();
  const std::string entry = outcome_entry();
  const auto build = [&](const std::string& attestation, const std::string& entry_bytes) {
    format::Contribution c;
    c.contribution_id = std::string(16, '\x01');
    c.sender_card = format::encode_signed_card(employment_service().card().card_bytes, employment_service().card().signature);
    c.recipient_signing_key = owner().signing_keys().public_key;
    c.recipient_encryption_key = owner().box_keys().public_key;
    c.record_id = r.record_id();
    c.section_id = section("interventions").id;
    c.attestation = attestation;
    c.created_at = kNow;
    const std::string bytes = format::encode_contribution(c, entry_bytes);
    return format::seal_contribution_file(
        bytes, crypto::sign_with_label(format::label::kContributionSignature, employment_service().signing_keys(), bytes),
        owner().box_keys().public_key);
  };
  const attest::EntryRef about{ref_of(r), section("interventions").id, "af-2026-0117"};
  const auto attestation_by = [&](const identity::Identity& who, const std::string& over) {
    return attest::attestation_from_file(attest::issue_attestation(who, about, over, ocn_claim(), kNow));
  };

  CHECK(code_of([&] { attest::open_contribution(owner_keys(), build(attestation_by(employment_service(), entry), entry), kNow); }) ==
        Code::ok);
  // Signed by the sender, but the attestation inside is another agency's.
  CHECK(code_of([&] { attest::open_contribution(owner_keys(), build(attestation_by(validator(), entry), entry), kNow); }) ==
        Code::signature);
  // The attestation is over other content than the entry sent.
  std::string changed = kOutcomeJson;
  changed.replace(changed.find("lager"), 5, "kontor");
  CHECK(code_of([&] {
          attest::open_contribution(owner_keys(), build(attestation_by(employment_service(), outcome_entry(changed.c_str())), entry), kNow);
        }) == Code::integrity);
  // An attestation of another record's entry.
  const model::Record other = new_record();
  const attest::EntryRef elsewhere{ref_of(other), section("interventions").id, "af-2026-0117"};
  const std::string foreign = attest::attestation_from_file(
      attest::issue_attestation(employment_service(), elsewhere, entry, ocn_claim(), kNow));
  CHECK(code_of([&] { attest::open_contribution(owner_keys(), build(foreign, entry), kNow); }) == Code::signature);
}

TEST_CASE("contributions go only to sections with entries, from agencies, with an entry id", "[attest][contribution]") {
  const model::Record r = new_record();
  CHECK(code_of([&] { attest::create_contribution(owner(), request_for(r), outcome_entry()); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::create_contribution(employment_service(), request_for(r, validator()), outcome_entry()); }) ==
        Code::invalid_argument);  // not an owner's card
  CHECK(code_of([&] {
          attest::create_contribution(employment_service(), request_for(r, owner(), "profile"), std::string("\x12\x01x", 3));
        }) == Code::invalid_argument);
  CHECK(code_of([&] {
          attest::create_contribution(employment_service(), request_for(r, owner(), "sharing_ledger"), outcome_entry());
        }) == Code::invalid_argument);
  const std::string no_id = outcome_entry(R"({"title": "utan id"})");
  CHECK(code_of([&] { attest::create_contribution(employment_service(), request_for(r), no_id); }) == Code::schema);
  CHECK(code_of([&] { attest::create_contribution(employment_service(), request_for(r), std::string("\xff\xff", 2)); }) ==
        Code::schema);
  // Not the canonical encoding of the entry: an attestation over it could never match once merged.
  const std::string reordered = std::string("\x12\x01x") + std::string("\x0a\x02id");
  CHECK(code_of([&] { attest::create_contribution(employment_service(), request_for(r), reordered); }) == Code::schema);
}
