// SPDX-License-Identifier: Apache-2.0
// Trust lists, attaching attestations, contributions and provenance through the C ABI (kartla.h),
// as an owner's program, an agency system and a trust root would use them: libkartla.so and the
// public headers only.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "../json_squeeze.h"
#include "kartla/kartla.h"
#include "capi_fixture.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::kNow;
constexpr int64_t kYear = 365 * 86400;
const std::string kPass = "trust test passphrase";

using capi_test::cheap_kdf;

struct Cast {
  kartla::identity owner;
  kartla::identity trusted;    // on the trust list
  kartla::identity stranger;   // an agency nobody vouches for
  kartla::identity root;
  std::string owner_card;
  std::string trusted_card;
  std::string root_card;
  std::string trust_list;      // sequence 1, lists `trusted` from kNow - year
};

const Cast& cast() {
  static const Cast c = [] {
    const kartla_identity_options o = cheap_kdf();
    auto owner = kartla::identity::create(kPass, &o);
    auto trusted = kartla::identity::create_agency("Valideringscentrum Skåne", "212000-1140", "validation_provider", kPass, &o);
    auto stranger = kartla::identity::create_agency("Okänd aktör", "202100-2114", "employment_service", kPass, &o);
    auto root = kartla::identity::create_trust_root("Kartla trust root", kPass, &o);
    Cast out{std::move(owner.identity), std::move(trusted.identity), std::move(stranger.identity),
             std::move(root.identity), "", "", "", ""};
    out.owner_card = out.owner.card().str();
    out.trusted_card = out.trusted.card().str();
    out.root_card = out.root.card().str();
    kartla::trust_draft draft = kartla::trust_draft::create(1);
    draft.add(out.trusted_card, "validation_provider", kNow - kYear);
    out.trust_list = kartla::trust_list_sign(out.root, draft, kNow + kYear, kNow - 60);
    return out;
  }();
  return c;
}

const std::string kAssertion = R"("assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"})";

std::string competences() {
  return R"({"entries": [{"id": "c1", "free_text": "MIG-svetsning", )" + kAssertion +
         R"(}, {"id": "c2", "free_text": "truckkort", )" + kAssertion + R"(}, {"id": "c3", "free_text": "svenska B1", )" +
         kAssertion + "}]}";
}

kartla::entry_ref ref_to(const kartla::record& r, const char* entry_id) {
  kartla::entry_ref ref;
  ref.owner_card = cast().owner_card;
  ref.record_id = r.id();
  ref.section = "competences";
  ref.entry_id = entry_id;
  ref.entry = kartla::section_entry("competences", r.section("competences").view(), entry_id);
  return ref;
}

// Results are JSON in the layout protobuf prints; the facts are compared without it.
bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos ||
         json_squeezed(haystack).find(json_squeezed(needle)) != std::string::npos;
}

// The provenance the JSON gives entry `id` (the first "provenance" after its "entry_id").
std::string provenance_of(const std::string& json, const std::string& id) {
  const std::string squeezed = json_squeezed(json);
  const size_t at = squeezed.find("\"entry_id\":\"" + id + "\",\"provenance\":\"");
  if (at == std::string::npos) return "(absent)";
  const size_t start = squeezed.find("\"provenance\":\"", at) + 14;
  return squeezed.substr(start, squeezed.find('"', start) - start);
}

template <typename F>
kartla_status status_of(F&& f) {
  try {
    f();
    return KARTLA_OK;
  } catch (const kartla::error& e) {
    return e.status();
  }
}

}  // namespace

TEST_CASE("capi: a trust root signs a list; readers refuse an older, expired or foreign one", "[capi][trust]") {
  const std::string json = kartla::trust_list_verify(cast().trust_list, cast().root_card, 1, kNow);
  CHECK(contains(json, R"("name": "Kartla trust root")"));
  CHECK(contains(json, R"("sequence": "1")"));
  CHECK(contains(json, R"("name": "Valideringscentrum Skåne")"));
  CHECK(contains(json, R"("role": "validation_provider")"));

  CHECK(status_of([] { (void)kartla::trust_list_verify(cast().trust_list, {}, 2, kNow); }) == KARTLA_E_ROLLBACK);
  CHECK(status_of([] { (void)kartla::trust_list_verify(cast().trust_list, {}, 0, kNow + kYear); }) == KARTLA_E_EXPIRED);
  // Signed by another root than the one expected.
  const kartla_identity_options o = cheap_kdf();
  auto other_root = kartla::identity::create_trust_root("Another root", kPass, &o);
  const std::string other_card = other_root.identity.card().str();
  CHECK(status_of([&] { (void)kartla::trust_list_verify(cast().trust_list, other_card, 0, kNow); }) ==
        KARTLA_E_SIGNATURE);
  // An owner's or agency's card as the expected root: no list is signed by it, so SPEC §13.3 step 7
  // refuses the list (E_SIGNATURE), in its place among the steps: after the list's own checks,
  // before rollback and expiry.
  const std::pair<const std::string*, const char*> not_roots[] = {{&cast().owner_card, "an owner's"},
                                                                  {&cast().trusted_card, "an agency's"}};
  for (const auto& [card, kind] : not_roots) {
    CHECK(status_of([&] { (void)kartla::trust_list_verify(cast().trust_list, *card, 0, kNow); }) ==
          KARTLA_E_SIGNATURE);
    CHECK(contains(kartla_last_error(), "another trust root"));
    CHECK(contains(kartla_last_error(), std::string(kind) + " card, not a trust root's"));
    CHECK(status_of([&] { (void)kartla::trust_list_verify(cast().trust_list, *card, 2, kNow + kYear); }) ==
          KARTLA_E_SIGNATURE);
    CHECK(status_of([&] { (void)kartla::trust_list_verify(cast().trust_list.substr(1), *card, 0, kNow); }) ==
          KARTLA_E_FORMAT);
  }
  // Only a trust root signs lists.
  kartla::trust_draft draft = kartla::trust_draft::create(1);
  CHECK(status_of([&] { (void)kartla::trust_list_sign(cast().owner, draft, kNow + kYear, kNow); }) ==
        KARTLA_E_INVALID_ARGUMENT);
  // The next version keeps the agencies and counts on.
  kartla::trust_draft next = kartla::trust_draft::next(cast().trust_list);
  CHECK(next.sequence() == 2);
  CHECK(next.remove(cast().trusted_card));
  CHECK_FALSE(next.remove(cast().trusted_card));
  const std::string second = kartla::trust_list_sign(cast().root, next, kNow + kYear, kNow);
  CHECK(contains(kartla::trust_list_verify(second, cast().root_card, 1, kNow), R"("agencies": [])"));
}

TEST_CASE("capi: attached attestations give each entry its provenance", "[capi][trust]") {
  kartla::record r = kartla::record::create(cast().owner);
  r.set_section_json("competences", competences());
  const std::string by_trusted =
      kartla::attestation_issue(cast().trusted, ref_to(r, "c1"), R"({"kind": "VALIDATED"})", kNow - 3600);
  const std::string by_stranger =
      kartla::attestation_issue(cast().stranger, ref_to(r, "c2"), R"({"kind": "CONFIRMED"})", kNow - 3600);
  CHECK(kartla::record_attach_attestation(r, cast().owner, by_trusted, kNow));
  CHECK_FALSE(kartla::record_attach_attestation(r, cast().owner, by_trusted, kNow));  // already there
  CHECK(kartla::record_attach_attestation(r, cast().owner, by_stranger, kNow));

  const std::string with_list = kartla::record_provenance(r, cast().owner, "competences", cast().trust_list, kNow).str();
  CHECK(provenance_of(with_list, "c1") == "trusted");
  CHECK(provenance_of(with_list, "c2") == "untrusted");
  CHECK(provenance_of(with_list, "c3") == "self_declared");
  CHECK(contains(with_list, R"("finding": "issuer_not_listed")"));
  const std::string without = kartla::record_provenance(r, cast().owner, "competences", {}, kNow).str();
  CHECK(provenance_of(without, "c1") == "untrusted");
  CHECK_FALSE(contains(without, R"("trust_list")"));  // no list given: none in the report

  // Another identity passed as the owner: refused, not answered with "wrong owner" findings.
  CHECK(status_of([&] {
          (void)kartla::record_provenance(r, cast().trusted, "competences", cast().trust_list, kNow).str();
        }) == KARTLA_E_AUTH);
  CHECK(status_of([&] { (void)kartla::record_attach_attestation(r, cast().trusted, by_trusted, kNow); }) ==
        KARTLA_E_AUTH);

  // Moved to another record of the same owner: refused.
  kartla::record other = kartla::record::create(cast().owner);
  other.set_section_json("competences", competences());
  CHECK(status_of([&] { (void)kartla::record_attach_attestation(other, cast().owner, by_trusted, kNow); }) ==
        KARTLA_E_SIGNATURE);

  // The attested entry edited afterwards (its attestation kept): invalid.
  std::string json = r.section_json("competences").str();
  const size_t at = json.find("MIG-svetsning");
  REQUIRE(at != std::string::npos);
  json.replace(at, 3, "TIG");
  r.set_section_json("competences", json);
  const std::string edited = kartla::record_provenance(r, cast().owner, "competences", cast().trust_list, kNow).str();
  CHECK(provenance_of(edited, "c1") == "invalid");
  CHECK(contains(edited, R"("finding": "content_changed")"));
  CHECK(provenance_of(edited, "c2") == "untrusted");
}

TEST_CASE("capi: a contribution is described, accepted once, and refused elsewhere", "[capi][contribution]") {
  kartla::record r = kartla::record::create(cast().owner);
  r.set_section_json("competences", competences());
  const std::string entry = R"({"id": "w1", "free_text": "svetsprov godkänt", )" + kAssertion + "}";
  const std::string file =
      kartla::contribution_create(cast().trusted, cast().owner_card, r.id(), "competences", entry, {}, kNow);

  const std::string described = kartla::contribution_describe(cast().owner, file, r.id(), kNow).str();
  CHECK(contains(described, R"("name": "Valideringscentrum Skåne")"));
  CHECK(contains(described, R"("role": "validation_provider")"));
  CHECK(contains(described, R"("section": "competences")"));
  CHECK(contains(described, R"("entry_id": "w1")"));
  CHECK(contains(described, "svetsprov godkänt"));

  CHECK(kartla::record_accept_contribution(r, cast().owner, file, kNow));
  CHECK_FALSE(kartla::record_accept_contribution(r, cast().owner, file, kNow));  // replayed: nothing changes
  const std::string provenance = kartla::record_provenance(r, cast().owner, "competences", cast().trust_list, kNow).str();
  CHECK(provenance_of(provenance, "w1") == "trusted");
  CHECK(provenance_of(provenance, "c1") == "self_declared");

  // For another record of the same owner: refused, and not described either.
  kartla::record other = kartla::record::create(cast().owner);
  CHECK(status_of([&] { (void)kartla::record_accept_contribution(other, cast().owner, file, kNow); }) ==
        KARTLA_E_SIGNATURE);
  CHECK(status_of([&] { (void)kartla::contribution_describe(cast().owner, file, other.id(), kNow).str(); }) ==
        KARTLA_E_SIGNATURE);
  // For another person: not sealed to them.
  CHECK(status_of([&] { (void)kartla::contribution_describe(cast().trusted, file, {}, kNow).str(); }) == KARTLA_E_AUTH);
  // Tampered: refused before anything is described.
  std::string tampered = file;
  tampered[tampered.size() / 2] = static_cast<char>(tampered[tampered.size() / 2] ^ 1);
  const kartla_status tamper_status =
      status_of([&] { (void)kartla::contribution_describe(cast().owner, tampered, r.id(), kNow).str(); });
  CHECK(tamper_status != KARTLA_OK);
  CHECK(tamper_status != KARTLA_E_INTERNAL);
}
