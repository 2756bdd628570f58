// SPDX-License-Identifier: Apache-2.0
// The attestation half of the C ABI (kartla.h "Attestations"), used as an agency system and an
// owner's program would: through libkartla.so and the public headers only. An agency attests an
// entry; the attestation holds for that entry and is reported invalid, with its class and a
// report, once moved to another record or entry or once the entry is edited.
#include <catch2/catch.hpp>

#include <string>

#include "../json_squeeze.h"
#include "kartla/kartla.h"
#include "capi_fixture.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::kNow;
const std::string kPass = "attest test passphrase";

using capi_test::cheap_kdf;

struct People {
  kartla::identity owner;
  kartla::identity agency;
  std::string owner_card;
};

const People& people() {
  static const People p = [] {
    const kartla_identity_options o = cheap_kdf();
    auto owner = kartla::identity::create(kPass, &o);
    auto agency = kartla::identity::create_agency("Valideringscentrum Skåne", "212000-1140", "validation_provider", kPass, &o);
    People out{std::move(owner.identity), std::move(agency.identity), ""};
    out.owner_card = out.owner.card().str();
    return out;
  }();
  return p;
}

std::string competences(const std::string& c1_text) {
  const std::string assertion = R"("assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"})";
  return R"({"entries": [{"id": "c1", "free_text": ")" + c1_text + R"(", )" + assertion +
         R"(}, {"id": "c2", "free_text": "truckkort", )" + assertion + "}]}";
}

kartla::entry_ref ref_to(const kartla::record& r, const char* entry_id) {
  kartla::entry_ref ref;
  ref.owner_card = people().owner_card;
  ref.record_id = r.id();
  ref.section = "competences";
  ref.entry_id = entry_id;
  ref.entry = kartla::section_entry("competences", r.section("competences").view(), entry_id);
  return ref;
}

// Results are JSON in the layout protobuf prints; the facts are compared without it.
bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos ||
         json_squeezed(haystack).find(json_squeezed(needle)) != std::string::npos;
}
// Reports that carry plaintext come back in wiped buffers.
bool contains(const kartla::buffer& haystack, std::string_view needle) { return contains(haystack.view(), needle); }

const char* kClaim = R"({"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "ocn",
                         "date": "2025-11-20", "credits_hundredths": 750, "assessor_role": "OCN-bedömare"})";

}  // namespace

TEST_CASE("capi: an agency attests an entry; it holds for that entry only", "[capi][attest]") {
  kartla::record r = kartla::record::create(people().owner);
  r.set_section_json("competences", competences("MIG-svetsning"));
  const kartla::entry_ref c1 = ref_to(r, "c1");
  const std::string file = kartla::attestation_issue(people().agency, c1, kClaim, kNow);
  REQUIRE(file.compare(0, 7, "KARTLAA") == 0);

  const kartla::attestation_check ok = kartla::attestation_verify(file, c1, {}, kNow);
  CHECK(ok.status == KARTLA_OK);
  CHECK(contains(ok.report, R"("verdict": "untrusted")"));
  CHECK(contains(ok.report, R"("finding": "no_trust_list")"));
  CHECK(contains(ok.report, R"("name": "Valideringscentrum Skåne")"));
  CHECK(contains(ok.report, R"("kind": "VALIDATED")"));
  CHECK(contains(ok.report, R"("issued_at": "1767225600")"));

  // Another entry of the same record.
  const kartla::attestation_check other_entry = kartla::attestation_verify(file, ref_to(r, "c2"), {}, kNow);
  CHECK(other_entry.status == KARTLA_E_SIGNATURE);
  CHECK(contains(other_entry.report, R"("finding": "wrong_entry")"));
  CHECK_FALSE(other_entry.message.empty());

  // The same entry in another record of the same owner.
  kartla::record other = kartla::record::create(people().owner);
  other.set_section_json("competences", competences("MIG-svetsning"));
  const kartla::attestation_check other_record = kartla::attestation_verify(file, ref_to(other, "c1"), {}, kNow);
  CHECK(other_record.status == KARTLA_E_SIGNATURE);
  CHECK(contains(other_record.report, R"("finding": "wrong_record")"));

  // The entry edited afterwards.
  r.set_section_json("competences", competences("TIG-svetsning"));
  const kartla::attestation_check edited = kartla::attestation_verify(file, ref_to(r, "c1"), {}, kNow);
  CHECK(edited.status == KARTLA_E_INTEGRITY);
  CHECK(contains(edited.report, R"("verdict": "invalid")"));
  CHECK(contains(edited.report, R"("finding": "content_changed")"));
}

TEST_CASE("capi: expiry, damage and unusable trust lists", "[capi][attest]") {
  kartla::record r = kartla::record::create(people().owner);
  r.set_section_json("competences", competences("MIG-svetsning"));
  const kartla::entry_ref c1 = ref_to(r, "c1");
  const std::string file = kartla::attestation_issue(people().agency, c1, R"({"kind": "CONFIRMED"})", kNow, kNow + 60);
  CHECK(kartla::attestation_verify(file, c1, {}, kNow + 59).status == KARTLA_OK);
  const kartla::attestation_check expired = kartla::attestation_verify(file, c1, {}, kNow + 60);
  CHECK(expired.status == KARTLA_E_EXPIRED);
  CHECK(contains(expired.report, R"("finding": "expired")"));

  std::string damaged = file;
  damaged[damaged.size() - 1] = static_cast<char>(damaged[damaged.size() - 1] ^ 1);
  const kartla::attestation_check bad = kartla::attestation_verify(damaged, c1, {}, kNow);
  CHECK(bad.status == KARTLA_E_SIGNATURE);
  CHECK(contains(bad.report, R"("finding": "bad_signature")"));

  // A trust list that is not one: an error, not a verdict.
  try {
    (void)kartla::attestation_verify(file, c1, file, kNow);
    FAIL("accepted an attestation as a trust list");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_FORMAT);
  }
  // A claim that is not a claim, and an owner who is not an agency.
  try {
    (void)kartla::attestation_issue(people().agency, c1, R"({"grade": 5})", kNow);
    FAIL("accepted a claim with an unknown field");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_SCHEMA);
  }
  try {
    (void)kartla::attestation_issue(people().owner, c1, R"({"kind": "CONFIRMED"})", kNow);
    FAIL("an owner issued an attestation");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_INVALID_ARGUMENT);
  }
}

TEST_CASE("capi: an attestation described on its own says what it is about, and judges what needs no entry",
          "[capi][attest]") {
  kartla::record r = kartla::record::create(people().owner);
  r.set_section_json("competences", competences("MIG-svetsning"));
  const kartla::entry_ref c2 = ref_to(r, "c2");
  const std::string file = kartla::attestation_issue(people().agency, c2, kClaim, kNow, kNow + 60);

  const kartla::attestation_check ok = kartla::attestation_describe(file, {}, kNow + 59);
  CHECK(ok.status == KARTLA_OK);
  CHECK(contains(ok.report, R"("finding": "no_trust_list")"));
  CHECK(contains(ok.report, R"("entry_id": "c2")"));
  CHECK(contains(ok.report, R"("section": "competences")"));
  CHECK(contains(ok.report, R"("record_id": ")" + r.id() + "\""));
  CHECK(contains(ok.report, R"("owner_fingerprint": ")" + people().owner.fingerprint() + "\""));
  CHECK(contains(ok.report, R"("fingerprint": ")" + people().agency.fingerprint() + "\""));
  CHECK(contains(ok.report, R"("level_code": "3")"));

  const kartla::attestation_check expired = kartla::attestation_describe(file, {}, kNow + 60);
  CHECK(expired.status == KARTLA_E_EXPIRED);
  CHECK(contains(expired.report, R"("finding": "expired")"));
  // Still says what it was about: a reader sees what expired.
  CHECK(contains(expired.report, R"("entry_id": "c2")"));
  const kartla::attestation_check early = kartla::attestation_describe(file, {}, kNow - 3600);
  CHECK(early.status == KARTLA_E_EXPIRED);
  CHECK(contains(early.report, R"("finding": "not_yet_valid")"));

  // Any flipped byte of the signed part: never described as if it held.
  for (size_t i = 12; i < file.size(); i += 7) {
    std::string damaged = file;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x20);
    kartla_status status = KARTLA_OK;
    try {
      status = kartla::attestation_describe(damaged, {}, kNow).status;
    } catch (const kartla::error& e) {
      status = e.status();
    }
    CHECK(status != KARTLA_OK);
  }
  try {
    (void)kartla::attestation_describe(file, file, kNow);
    FAIL("accepted an attestation as a trust list");
  } catch (const kartla::error& e) {
    CHECK(e.status() == KARTLA_E_FORMAT);
  }
}

// Issue 10 item 7 through the C ABI: what an agency writes obeys the rules the owner's writes
// obey. (Verifying a claim an agency signed without these checks needs a forged attestation,
// which the public API cannot make: tests/vectors/attest_negative.json carries such attestations
// and a forged contribution, and vectors_library runs them through kartla_attestation_verify and
// kartla_record_accept_contribution.)
namespace {

struct Failure {
  kartla_status status = KARTLA_OK;
  std::string message;
};

template <typename F>
Failure failure_of(F&& f) {
  try {
    f();
  } catch (const kartla::error& e) {
    return {e.status(), e.what()};
  }
  return {};
}

const char* kInterventions = R"({"entries": [{"id": "i1", "title": "Praktik i kök", "status": "ONGOING",
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]})";

std::string intervention_json(const std::string& assertion_and_more) {
  return R"({"id": "af-1", "title": "Arbetsträning, lager", "status": "ONGOING", )" + assertion_and_more + "}";
}

const std::string kRegisterAssertion = R"("assertion": {"source": "REGISTER", "asserted_at": "2026-01-01T00:00:00Z",
  "asserted_by_org": {"se_orgnr": "2021002114", "name": "Arbetsförmedlingen"}})";

}  // namespace

TEST_CASE("capi: a claim that breaks a content rule is not issued (E_SCHEMA, field and rule named)",
          "[capi][attest][rules]") {
  kartla::record r = kartla::record::create(people().owner);
  r.set_section_json("competences", competences("MIG-svetsning"));
  const kartla::entry_ref c1 = ref_to(r, "c1");
  const auto issue = [&](const std::string& claim) {
    (void)kartla::attestation_issue(people().agency, c1, claim, kNow);
  };
  CHECK(failure_of([&] { issue(kClaim); }).status == KARTLA_OK);
  const struct {
    const char* claim;
    const char* named;
  } refused[] = {
      {R"({"kind": "VALIDATED", "method": "telepathy"})", "claim.method: kartla-method-code"},
      {R"({"kind": "VALIDATED", "level_system": "seqf", "level_code": "99"})", "claim.level_code: seqf-level"},
      {R"({"kind": "VALIDATED", "level_system": "cefr", "level_code": "D1"})", "claim.level_code: cefr-level"},
      {R"({"kind": "VALIDATED", "level_system": "shoe-size", "level_code": "42"})",
       "claim.level_system: coding-system-unknown"},
      {R"({"kind": "COMPLETED", "date": "2025-04-31"})", "claim.date: date-real"},
      {R"({"kind": "COMPLETED", "date": "0000"})", "claim.date: date-real"},
  };
  for (const auto& c : refused) {
    INFO(c.claim);
    const Failure f = failure_of([&] { issue(c.claim); });
    CHECK(f.status == KARTLA_E_SCHEMA);
    CHECK(contains(f.message, c.named));
  }
}

TEST_CASE("capi: contribute refuses an entry the owner could not write, and nothing is written",
          "[capi][contribution][rules]") {
  kartla::record r = kartla::record::create(people().owner);
  const auto create = [&](const std::string& entry, const std::string& claim = {}) {
    return kartla::contribution_create(people().agency, people().owner_card, r.id(), "interventions", entry, claim,
                                       kNow);
  };
  CHECK(failure_of([&] { (void)create(intervention_json(kRegisterAssertion)); }).status == KARTLA_OK);

  // No assertion at all.
  kartla_buffer out = KARTLA_BUFFER_INIT;
  const std::string bare = R"({"id": "af-1", "title": "Arbetsträning, lager", "status": "ONGOING"})";
  CHECK(kartla_contribution_create(people().agency.get(), reinterpret_cast<const uint8_t*>(people().owner_card.data()),
                                   people().owner_card.size(), r.id().c_str(), "interventions",
                                   reinterpret_cast<const uint8_t*>(bare.data()), bare.size(), nullptr, kNow,
                                   &out) == KARTLA_E_SCHEMA);
  CHECK(contains(kartla_last_error(), "entries[0].assertion: assertion-required"));
  CHECK(out.len == 0);
  CHECK(out.data == nullptr);

  // An organisation number whose Luhn check digit is wrong.
  std::string bad_orgnr = kRegisterAssertion;
  bad_orgnr.replace(bad_orgnr.find("2021002114"), 10, "2021002115");
  const Failure luhn = failure_of([&] { (void)create(intervention_json(bad_orgnr)); });
  CHECK(luhn.status == KARTLA_E_SCHEMA);
  CHECK(contains(luhn.message, "entries[0].assertion.asserted_by_org.se_orgnr: se-orgnr-luhn"));

  // The agency's own claim is held to the code systems too.
  const Failure claim = failure_of([&] {
    (void)create(intervention_json(kRegisterAssertion), R"({"kind": "CONTRIBUTED", "method": "telepathy"})");
  });
  CHECK(claim.status == KARTLA_E_SCHEMA);
  CHECK(contains(claim.message, "claim.method: kartla-method-code"));
}

TEST_CASE("capi: accept validates the whole merged section; refused, the record is unchanged",
          "[capi][contribution][rules]") {
  kartla::record r = kartla::record::create(people().owner);
  r.set_section_json("interventions", kInterventions);
  const uint64_t sequence = r.sequence();
  const std::string before = r.section("interventions").str();
  // Valid on its own (the agency cannot see the owner's interventions), but names one the owner
  // does not have.
  const std::string ghost = kartla::contribution_create(
      people().agency, people().owner_card, r.id(), "interventions",
      intervention_json(kRegisterAssertion + R"(, "parallel_with": ["i9"])"), {}, kNow);
  int added = -1;
  CHECK(kartla_record_accept_contribution(r.get(), people().owner.get(), reinterpret_cast<const uint8_t*>(ghost.data()),
                                          ghost.size(), kNow, &added) == KARTLA_E_SCHEMA);
  CHECK(added == 0);
  CHECK(contains(kartla_last_error(), "entries[1].parallel_with[0]: parallel-with-unknown"));
  CHECK(r.section("interventions").str() == before);
  CHECK(r.sequence() == sequence);

  // Once the owner has that intervention, the same contribution merges, and the owner's own
  // rewrite of the section is still accepted.
  r.set_section_json("interventions", R"({"entries": [{"id": "i1", "title": "Praktik i kök", "status": "ONGOING",
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}},
    {"id": "i9", "title": "SFI", "status": "ONGOING",
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]})");
  CHECK_FALSE(kartla::record_contribution_accepted(r, people().owner, ghost, kNow));
  CHECK(kartla::record_accept_contribution(r, people().owner, ghost, kNow));
  // Accepted: the record says so, and so it stays after the owner edits the entry (the agency's
  // attestation is what marks it), while another contribution of the same entry is not.
  CHECK(kartla::record_contribution_accepted(r, people().owner, ghost, kNow));
  const std::string again = kartla::contribution_create(
      people().agency, people().owner_card, r.id(), "interventions",
      intervention_json(kRegisterAssertion + R"(, "parallel_with": ["i9"])"), {}, kNow + 1);
  CHECK_FALSE(kartla::record_contribution_accepted(r, people().owner, again, kNow + 1));
  const std::string merged = r.section_json("interventions").str();
  CHECK(contains(merged, "af-1"));
  CHECK(failure_of([&] { r.set_section_json("interventions", merged); }).status == KARTLA_OK);
}
