// SPDX-License-Identifier: Apache-2.0
// Issue 10 item 7: what agencies write obeys the rules the owner's own writes obey. A contribution
// is validated when it is made and, with the whole merged section, when it is accepted (the
// record unchanged on refusal); an attestation's claim is validated against the code systems when
// it is issued and when it is verified (finding bad_claim, Code::schema).
#include <catch2/catch.hpp>

#include "attest/contribution.h"
#include "attest/merge.h"
#include "attest/provenance.h"
#include "attest_fixture.h"
#include "crypto/sign.h"
#include "format/contribution_codec.h"
#include "format/labels.h"
#include "model/validation/section_check.h"

using namespace kartla;
using namespace kartla::attesttest;
using attest::Finding;
using attest::Verdict;

namespace {

const char* kRegister = R"("assertion": {"source": "REGISTER", "asserted_at": "2026-01-01T00:00:00Z",
  "asserted_by_org": {"se_orgnr": "2021002114", "name": "Arbetsförmedlingen"}})";
// The same with the organisation number's Luhn check digit wrong (2021002114 is right).
const char* kBadOrgnr = R"("assertion": {"source": "REGISTER", "asserted_at": "2026-01-01T00:00:00Z",
  "asserted_by_org": {"se_orgnr": "2021002115", "name": "Arbetsförmedlingen"}})";

std::string intervention(const std::string& rest) {
  const std::string json = R"({"id": "af-1", "title": "Arbetsträning, lager", "status": "ONGOING")" +
                           (rest.empty() ? std::string() : ", " + rest) + "}";
  return attest::entry_from_json(section("interventions"), json).view().to_string();
}

attest::ContributionRequest request_for(const model::Record& r, const char* section_name = "interventions") {
  attest::ContributionRequest request;
  request.owner_card_file = owner().card_file();
  request.record_id = r.record_id();
  request.section_id = section(section_name).id;
  request.now = kNow;
  return request;
}

// An Attestation signed by `agency` without issue_attestation's checks: what a careless or
// hostile agency's own software could produce.
std::string forged_attestation(const identity::Identity& agency, const attest::EntryRef& s, const std::string& entry,
                               const format::Claim& claim) {
  format::Attestation a;
  a.issuer_card = format::encode_signed_card(agency.card().card_bytes, agency.card().signature);
  a.owner_signing_key = s.record.owner_signing_key;
  a.owner_encryption_key = s.record.owner_encryption_key;
  a.record_id = s.record.record_id;
  a.section_id = s.section_id;
  a.entry_id = s.entry_id;
  a.entry_hash = format::attested_entry_hash(entry);
  a.claim = claim;
  a.issued_at = kNow;
  const std::string bytes = format::encode_attestation(a);
  return format::encode_signed_attestation(
      bytes, crypto::sign_with_label(format::label::kAttestationSignature, agency.signing_keys(), bytes));
}

format::Claim contributed_claim() {
  format::Claim c;
  c.kind = format::ClaimKind::contributed;
  return c;
}

// A contribution file signed and sealed like create_contribution's, without its content checks.
std::string forged_contribution(const model::Record& r, const std::string& entry, const std::string& entry_id,
                                const format::Claim& claim = contributed_claim(),
                                const char* section_name = "interventions") {
  const identity::Identity& agency = employment_service();
  const attest::EntryRef about{ref_of(r), section(section_name).id, entry_id};
  format::Contribution c;
  c.contribution_id = std::string(16, '\x07');
  c.sender_card = format::encode_signed_card(agency.card().card_bytes, agency.card().signature);
  c.recipient_signing_key = owner().signing_keys().public_key;
  c.recipient_encryption_key = owner().box_keys().public_key;
  c.record_id = r.record_id();
  c.section_id = section(section_name).id;
  c.attestation = forged_attestation(agency, about, entry, claim);
  c.created_at = kNow;
  const std::string bytes = format::encode_contribution(c, entry);
  return format::seal_contribution_file(
      bytes, crypto::sign_with_label(format::label::kContributionSignature, agency.signing_keys(), bytes),
      owner().box_keys().public_key);
}

bool section_is_valid(const model::Record& r, const char* name) {
  return model::check_section_bytes_content(section(name), section_text(r, name)).empty();
}

}  // namespace

TEST_CASE("contribute refuses an entry the owner could not write, naming the field and rule", "[attest][rules]") {
  const model::Record r = new_record();
  const auto create = [&](const std::string& entry) {
    return attest::create_contribution(employment_service(), request_for(r), entry);
  };
  CHECK_NOTHROW(create(intervention(kRegister)));

  const std::string no_assertion = intervention("");
  CHECK(code_of([&] { create(no_assertion); }) == Code::schema);
  const std::string why = message_of([&] { create(no_assertion); });
  CHECK(contains(why, "entries[0].assertion"));
  CHECK(contains(why, "assertion-required"));

  const std::string bad_orgnr = intervention(kBadOrgnr);
  CHECK(code_of([&] { create(bad_orgnr); }) == Code::schema);
  const std::string luhn = message_of([&] { create(bad_orgnr); });
  CHECK(contains(luhn, "entries[0].assertion.asserted_by_org.se_orgnr"));
  CHECK(contains(luhn, "se-orgnr-luhn"));

  // A source other than the participant names its organisation (the CLI test's old fixture).
  CHECK(code_of([&] {
          create(intervention(R"("assertion": {"source": "REGISTER", "asserted_at": "2026-01-01T00:00:00Z"})"));
        }) == Code::schema);
  // Rules on the entry's own values.
  CHECK(code_of([&] { create(intervention(std::string(kRegister) + R"(, "hours_per_week": 90)")); }) == Code::schema);
}

TEST_CASE("contribute leaves to accept the rules that need the owner's section", "[attest][rules]") {
  // parallel_with names the owner's other interventions, which the agency does not hold.
  model::Record r = new_record();
  const std::string beside_i1 = intervention(std::string(kRegister) + R"(, "parallel_with": ["i1"])");
  const std::string beside_ghost = intervention(std::string(kRegister) + R"(, "parallel_with": ["i9"])");
  const std::string ghost = attest::create_contribution(employment_service(), request_for(r), beside_ghost);

  const std::string before = section_text(r, "interventions");
  CHECK(code_of([&] { attest::accept_contribution(r, owner_keys(), ghost, kNow); }) == Code::schema);
  const std::string why = message_of([&] { attest::accept_contribution(r, owner_keys(), ghost, kNow); });
  CHECK(contains(why, "entries[1].parallel_with[0]"));
  CHECK(contains(why, "parallel-with-unknown"));
  CHECK(section_text(r, "interventions") == before);

  const std::string real = attest::create_contribution(employment_service(), request_for(r), beside_i1);
  CHECK(attest::accept_contribution(r, owner_keys(), real, kNow) == attest::MergeOutcome::added);
  CHECK(section_is_valid(r, "interventions"));
}

TEST_CASE("accept refuses an entry that breaks a rule, and the record is unchanged", "[attest][rules]") {
  model::Record r = new_record();
  const uint64_t sequence = r.sequence();
  const std::string before = section_text(r, "interventions");

  SECTION("no assertion") {
    const std::string file = forged_contribution(r, intervention(""), "af-1");
    // Authentic: the owner can still see who sent it.
    CHECK(attest::open_contribution(owner_keys(), file, kNow, r.record_id()).sender.name == "Arbetsförmedlingen");
    CHECK(code_of([&] { attest::accept_contribution(r, owner_keys(), file, kNow); }) == Code::schema);
    const std::string why = message_of([&] { attest::accept_contribution(r, owner_keys(), file, kNow); });
    CHECK(contains(why, "entries[1].assertion"));
    CHECK(contains(why, "assertion-required"));
  }
  SECTION("an organisation number with a wrong check digit") {
    const std::string file = forged_contribution(r, intervention(kBadOrgnr), "af-1");
    const std::string why = message_of([&] { attest::accept_contribution(r, owner_keys(), file, kNow); });
    CHECK(contains(why, "entries[1].assertion.asserted_by_org.se_orgnr: se-orgnr-luhn"));
  }
  SECTION("into a section the record lacks") {
    model::Record fresh = model::Record::create(owner_keys());
    const std::string file = forged_contribution(fresh, intervention(""), "af-1");
    CHECK(code_of([&] { attest::accept_contribution(fresh, owner_keys(), file, kNow); }) == Code::schema);
    CHECK_FALSE(fresh.has_section(section("interventions")));
  }
  CHECK(section_text(r, "interventions") == before);
  CHECK(r.sequence() == sequence);
  CHECK(section_is_valid(r, "interventions"));
}

TEST_CASE("accept validates the whole merged section, not just the entry", "[attest][rules]") {
  // The owner already has a highest completed education; the agency's entry, valid on its own,
  // claims to be the highest completed too.
  model::Record r = model::Record::create(owner_keys());
  r.write_section(section("education"), json_section("education", R"({"entries": [
    {"id": "e1", "title": "Gymnasieexamen", "status": "COMPLETED", "highest_completed": true,
     "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]})"));
  const std::string before = section_text(r, "education");
  const std::string entry = attest::entry_from_json(section("education"), std::string(R"(
    {"id": "e2", "title": "Yrkesutbildning svets", "status": "COMPLETED", "highest_completed": true,
     "assertion": {"source": "REGISTER", "asserted_at": "2026-01-01T00:00:00Z",
                   "asserted_by_org": {"se_orgnr": "2021002114"}}})")).view().to_string();
  const std::string file = attest::create_contribution(employment_service(), request_for(r, "education"), entry);
  CHECK(code_of([&] { attest::accept_contribution(r, owner_keys(), file, kNow); }) == Code::schema);
  CHECK(contains(message_of([&] { attest::accept_contribution(r, owner_keys(), file, kNow); }),
                 "entries[1].highest_completed: education-highest-completed"));
  CHECK(section_text(r, "education") == before);
}

TEST_CASE("claims are validated against the code systems when issued", "[attest][rules][claim]") {
  const model::Record r = new_record();
  const std::string entry = entry_of(r, "competences", "c1");
  const auto e = subject(r, "competences", "c1");
  const auto issue = [&](const format::Claim& claim) {
    return attest::issue_attestation(validator(), e, entry, claim, kNow);
  };
  const auto refused = [&](format::Claim claim, const std::string& path, const std::string& rule) {
    INFO(path << " " << rule);
    CHECK(code_of([&] { issue(claim); }) == Code::schema);
    CHECK(contains(message_of([&] { issue(claim); }), path + ": " + rule + ": "));
  };

  CHECK_NOTHROW(issue(ocn_claim()));
  CHECK_NOTHROW(issue(contributed_claim()));
  format::Claim c = ocn_claim();
  c.method = "telepathy";
  refused(c, "claim.method", "kartla-method-code");
  c = ocn_claim();
  c.level_code = "99";
  refused(c, "claim.level_code", "seqf-level");
  c.level_system = "eqf";
  refused(c, "claim.level_code", "eqf-level");
  c.level_system = "cefr";
  c.level_code = "B1";
  CHECK_NOTHROW(issue(c));
  c.level_code = "B3";
  refused(c, "claim.level_code", "cefr-level");
  c.level_system = "nqf";
  refused(c, "claim.level_system", "coding-system-unknown");
  c.level_system = "jobtech";  // registered, but not a level
  refused(c, "claim.level_system", "coding-system-not-allowed");
  c = ocn_claim();
  c.level_system.clear();
  refused(c, "claim.level_system", "coding-system-required");
  c = ocn_claim();
  c.level_code.clear();
  refused(c, "claim.level_code", "coding-code-required");
  c = ocn_claim();
  c.credits_hundredths = 100001;
  refused(c, "claim.credits_hundredths", "validation-credits-range");

  // Dates: well-formed is not enough; the day must exist.
  for (const char* bad : {"0000", "0000-01-01", "2025-04-31", "2025-02-29", "1799-12-31", "2200"}) {
    c = ocn_claim();
    c.date = bad;
    INFO(bad);
    refused(c, "claim.date", "date-real");
  }
  for (const char* good : {"2024-02-29", "2025-04-30", "2025-12", "2025", ""}) {
    c = ocn_claim();
    c.date = good;
    INFO(good);
    CHECK_NOTHROW(issue(c));
  }
  // The shape rules stay the codec's (Error(invalid_argument)), checked first.
  for (const char* malformed : {"2025-13-01", "2025-06-00", "2025-4-30"}) {
    c = ocn_claim();
    c.date = malformed;
    INFO(malformed);
    CHECK(code_of([&] { issue(c); }) == Code::invalid_argument);
  }

  // Through a contribution's claim too.
  attest::ContributionRequest request = request_for(r);
  c = ocn_claim();
  c.method = "telepathy";
  request.claim = c;
  CHECK(code_of([&] { attest::create_contribution(employment_service(), request, intervention(kRegister)); }) ==
        Code::schema);
}

TEST_CASE("claims are validated when verified: bad_claim, Code::schema", "[attest][rules][claim]") {
  model::Record r = new_record();
  const std::string entry = entry_of(r, "competences", "c1");
  const auto e = subject(r, "competences", "c1");
  const attest::VerifiedTrustList trust = usual_trust_list();
  format::Claim telepathy = ocn_claim();
  telepathy.method = "telepathy";
  format::Claim level_99 = ocn_claim();
  level_99.level_code = "99";
  format::Claim april_31 = ocn_claim();
  april_31.date = "2025-04-31";
  format::Claim year_0 = ocn_claim();
  year_0.date = "0000";

  for (const format::Claim& claim : {telepathy, level_99, april_31, year_0}) {
    const std::string att = forged_attestation(validator(), e, entry, claim);
    const attest::AttestationCheck c = attest::verify_attestation(att, e, entry, kNow, &trust);
    CHECK(c.verdict == Verdict::invalid);
    CHECK(c.finding == Finding::bad_claim);
    CHECK(c.code == Code::schema);
    CHECK(contains(c.message, "claim."));
    CHECK(std::string(attest::finding_name(c.finding)) == "bad_claim");
    REQUIRE(c.attestation);  // decoded and signed: the report still names the issuer and claim
  }
  const std::string att = forged_attestation(validator(), e, entry, telepathy);
  CHECK(contains(attest::verify_attestation(att, e, entry, kNow, nullptr).message,
                 "claim.method: kartla-method-code"));
  // About something else: the binding is reported first.
  CHECK(attest::verify_attestation(att, subject(r, "competences", "c2"), entry_of(r, "competences", "c2"), kNow,
                                   nullptr)
            .finding == Finding::wrong_entry);

  // The owner cannot attach it; the record is unchanged.
  const std::string before = section_text(r, "competences");
  CHECK(code_of([&] { attest::attach_attestation(r, owner_keys(), att, kNow); }) == Code::schema);
  CHECK(section_text(r, "competences") == before);

  // Stored anyway (by an older writer): every reader reports it invalid.
  r.write_section(section("competences"), attest::with_attestation(section("competences"), before, att).view());
  const auto p = attest::section_provenance(section("competences"), section_text(r, "competences"), ref_of(r), kNow,
                                            &trust);
  REQUIRE(p.entries.size() == 4);
  CHECK(p.entries[0].entry_id == "c1");
  CHECK(p.entries[0].provenance == attest::Provenance::invalid);

  // A contribution whose attestation carries such a claim does not open.
  const std::string file = forged_contribution(r, intervention(kRegister), "af-1", telepathy);
  CHECK(code_of([&] { attest::open_contribution(owner_keys(), file, kNow); }) == Code::schema);
}
