// SPDX-License-Identifier: Apache-2.0
// Provenance on read (issue 6 item 2): a persona's record whose entries are self-declared, attested
// by a trusted issuer, by an issuer not on the trust list, or carry attestations that do not hold;
// every entry's provenance matches the expectation exactly.
#include <catch2/catch.hpp>

#include <map>

#include "attest/merge.h"
#include "attest/provenance.h"
#include "attest_fixture.h"
#include "record/record_fixture.h"

using namespace kartla;
using namespace kartla::attesttest;
using attest::Finding;
using attest::Provenance;

namespace {

std::string competences_json(const std::string& c3_text, bool with_c9) {
  const std::string assertion = R"("assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"})";
  std::string json = R"({"entries": [)";
  json += R"({"id": "c1", "free_text": "MIG-svetsning", )" + assertion + "},";
  json += R"({"id": "c2", "free_text": "truckkort A", )" + assertion + "},";
  json += R"({"id": "c3", "free_text": ")" + c3_text + R"(", )" + assertion + "},";
  json += R"({"id": "c4", "free_text": "kassahantering", )" + assertion + "},";
  if (with_c9) json += R"({"id": "c9", "free_text": "borttagen", )" + assertion + "},";
  json += R"({"id": "c5", "free_text": "kundservice", )" + assertion + "}";
  return json + "]}";
}

std::string with_attestations(const std::string& content, const std::vector<std::string>& attestations) {
  std::string out = content;
  for (const auto& a : attestations)
    out = attest::with_attestation(section("competences"), out, a).view().to_string();
  return out;
}

std::map<std::string, Provenance> by_id(const attest::SectionProvenance& p) {
  std::map<std::string, Provenance> out;
  for (const auto& e : p.entries) out[e.entry_id] = e.provenance;
  return out;
}

}  // namespace

TEST_CASE("every entry of a persona's record has exactly the expected provenance", "[attest][provenance]") {
  model::Record r = model::Record::create(owner_keys());
  r.write_section(section("competences"), json_section("competences", competences_json("barista", true)));
  r.write_section(section("interventions"), json_section("interventions", kInterventionsJson));
  // The same entries in a stranger's record: attestations made there must not count here.
  model::Record theirs = model::Record::create(keys_of(stranger()));
  theirs.write_section(section("competences"), json_section("competences", competences_json("barista", true)));

  const std::string trusted_c1 = attest_entry(validator(), r, "competences", "c1");
  const std::string foreign_c1 = attest::attestation_from_file(attest::issue_attestation(
      validator(), subject(theirs, "competences", "c1", stranger()), entry_of(theirs, "competences", "c1"), ocn_claim(), kNow));
  const std::string untrusted_c2 = attest_entry(unlisted_agency(), r, "competences", "c2");
  const std::string stale_c3 = attest_entry(validator(), r, "competences", "c3");
  const std::string foreign_c4 = attest::attestation_from_file(attest::issue_attestation(
      validator(), subject(theirs, "competences", "c4", stranger()), entry_of(theirs, "competences", "c4"), ocn_claim(), kNow));
  const std::string orphan_c9 = attest_entry(validator(), r, "competences", "c9");

  // The owner edits c3 (the attested text) and removes c9; the attestations stay in the section.
  const std::string content =
      with_attestations(json_section("competences", competences_json("barista, latte art", false)),
                        {trusted_c1, foreign_c1, untrusted_c2, stale_c3, foreign_c4, orphan_c9, "not an attestation"});
  r.write_section(section("competences"), content);

  const attest::VerifiedTrustList trust = usual_trust_list();
  const attest::SectionProvenance p =
      attest::section_provenance(section("competences"), section_text(r, "competences"), ref_of(r), kNow, &trust);

  const std::map<std::string, Provenance> expected = {{"c1", Provenance::trusted},
                                                      {"c2", Provenance::untrusted},
                                                      {"c3", Provenance::invalid},
                                                      {"c4", Provenance::invalid},
                                                      {"c5", Provenance::self_declared}};
  CHECK(by_id(p) == expected);
  REQUIRE(p.entries.size() == 5);
  CHECK(p.entries[0].entry_id == "c1");  // document order

  // Why, entry by entry.
  REQUIRE(p.entries[0].checks.size() == 2);
  CHECK(p.entries[0].checks[0].finding == Finding::ok);
  REQUIRE(p.entries[0].checks[0].listed);
  CHECK(p.entries[0].checks[0].listed->card.name == "Valideringscentrum Skåne");
  CHECK(p.entries[0].checks[1].finding == Finding::wrong_owner);
  REQUIRE(p.entries[1].checks.size() == 1);
  CHECK(p.entries[1].checks[0].finding == Finding::issuer_not_listed);
  REQUIRE(p.entries[2].checks.size() == 1);
  CHECK(p.entries[2].checks[0].finding == Finding::content_changed);
  REQUIRE(p.entries[3].checks.size() == 1);
  CHECK(p.entries[3].checks[0].finding == Finding::wrong_owner);
  CHECK(p.entries[4].checks.empty());

  // The attestation of the removed entry and the garbage are reported, not dropped.
  REQUIRE(p.unmatched.size() == 2);
  CHECK(p.unmatched[0].verdict == attest::Verdict::invalid);
  CHECK(p.unmatched[0].finding == Finding::entry_not_found);
  CHECK(p.unmatched[0].code == Code::not_found);
  CHECK(contains(p.unmatched[0].message, "'c9'"));
  CHECK(p.unmatched[1].finding == Finding::malformed);

  // Without a trust list nothing is trusted, and nothing else changes.
  const auto untrusting = by_id(attest::section_provenance(section("competences"), section_text(r, "competences"),
                                                           ref_of(r), kNow, nullptr));
  CHECK(untrusting.at("c1") == Provenance::untrusted);
  CHECK(untrusting.at("c3") == Provenance::invalid);
  CHECK(untrusting.at("c5") == Provenance::self_declared);

  // A section without attestations: every entry self-declared.
  const auto interventions = attest::section_provenance(section("interventions"), section_text(r, "interventions"),
                                                        ref_of(r), kNow, &trust);
  REQUIRE(interventions.entries.size() == 1);
  CHECK(interventions.entries[0].provenance == Provenance::self_declared);
}

TEST_CASE("two entries with one id: an attestation naming it does not count", "[attest][provenance]") {
  model::Record r = new_record();
  const std::string att = attest_entry(validator(), r, "competences", "c1");
  std::string json = kCompetencesJson;
  json.replace(json.find(R"("id": "c2")"), 10, R"("id": "c1")");
  r.write_section(section("competences"), with_attestations(json_section("competences", json), {att}));
  const attest::VerifiedTrustList trust = usual_trust_list();
  const auto p = attest::section_provenance(section("competences"), section_text(r, "competences"), ref_of(r), kNow, &trust);
  REQUIRE(p.entries.size() == 4);
  CHECK(p.entries[0].provenance == Provenance::invalid);
  CHECK(p.entries[1].provenance == Provenance::invalid);
  CHECK(p.entries[0].checks[0].code == Code::schema);
  CHECK(p.entries[0].checks[0].finding == Finding::duplicate_entry_id);
}

TEST_CASE("the owner attaches an attestation; it survives saving and reopening", "[attest][provenance]") {
  testing::TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record();
  const std::string att = attest_entry(validator(), r, "competences", "c2");
  CHECK(attest::attach_attestation(r, owner_keys(), att, kNow) == attest::MergeOutcome::added);
  CHECK(attest::attach_attestation(r, owner_keys(), att, kNow) == attest::MergeOutcome::already_present);
  r.save(path);

  const model::Record reopened = model::Record::open(testing::memory_source(testing::read_plain(path)), owner_keys());
  const attest::VerifiedTrustList trust = usual_trust_list();
  const auto p = by_id(attest::section_provenance(section("competences"), section_text(reopened, "competences"),
                                                  ref_of(reopened), kNow, &trust));
  CHECK(p.at("c1") == Provenance::self_declared);
  CHECK(p.at("c2") == Provenance::trusted);
}

TEST_CASE("attaching refuses an attestation that does not hold for this record", "[attest][provenance]") {
  model::Record r = new_record();
  const model::Record other = new_record();
  const std::string before = section_text(r, "competences");

  // Made for another record (same owner, same entry id and content).
  CHECK(code_of([&] { attest::attach_attestation(r, owner_keys(), attest_entry(validator(), other, "competences", "c1"), kNow); }) ==
        Code::signature);
  // Expired.
  CHECK(code_of([&] {
          attest::attach_attestation(r, owner_keys(), attest_entry(validator(), r, "competences", "c1", kNow - 2 * kDay, kNow - kDay), kNow);
        }) == Code::expired);
  // Damaged.
  std::string damaged = attest_entry(validator(), r, "competences", "c1");
  damaged[damaged.size() - 1] = static_cast<char>(damaged[damaged.size() - 1] ^ 1);
  CHECK(code_of([&] { attest::attach_attestation(r, owner_keys(), damaged, kNow); }) == Code::signature);
  CHECK(section_text(r, "competences") == before);

  // For an entry or a section the record does not hold.
  model::Record sparse = model::Record::create(owner_keys());
  sparse.write_section(section("interventions"), json_section("interventions", kInterventionsJson));
  CHECK(code_of([&] { attest::attach_attestation(sparse, owner_keys(), attest_entry(validator(), r, "competences", "c1"), kNow); }) ==
        Code::not_found);
  model::Record edited = new_record();
  const std::string att_c4 = attest_entry(validator(), edited, "competences", "c4");
  edited.write_section(section("competences"), json_section("competences", R"({"entries": [{"id": "c1", "free_text": "x"}]})"));
  CHECK(code_of([&] { attest::attach_attestation(edited, owner_keys(), att_c4, kNow); }) == Code::not_found);
}
