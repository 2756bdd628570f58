// The attestation half of the C ABI (kartla.h "Attestations"), used as an agency system and an
// owner's program would: through libkartla.so and the public headers only. An agency attests an
// entry; the attestation holds for that entry and is reported invalid, with its class and a
// report, once moved to another record or entry or once the entry is edited.
#include <catch2/catch.hpp>

#include <string>

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

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

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
  CHECK(contains(ok.report, R"("issued_at": 1767225600)"));

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
