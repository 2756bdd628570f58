// SPDX-License-Identifier: Apache-2.0
// Trust lists (issue 6 item 3): a trust root signs agency cards with roles and validity, under a
// sequence number and an expiry; an older list than one already seen and an expired list are
// reported, and a list by another root than the expected one is refused.
#include <catch2/catch.hpp>

#include "attest_fixture.h"
#include "format/trust_list_codec.h"

using namespace kartla;
using namespace kartla::attesttest;

TEST_CASE("a signed trust list verifies and lists its agencies with the root's terms", "[attest][trust]") {
  const attest::VerifiedTrustList list = usual_trust_list();
  CHECK(list.root.name == "Regionalt register");
  CHECK(list.root_fingerprint == root().fingerprint());
  CHECK(list.sequence == 1);
  CHECK(list.expires_at == kNow + 90 * kDay);
  REQUIRE(list.agencies.size() == 2);
  CHECK(list.agencies[0].card.name == "Valideringscentrum Skåne");
  CHECK(list.agencies[0].fingerprint == validator().fingerprint());
  CHECK(list.agencies[0].role == 5);
  CHECK(list.agencies[1].valid_until == 0);

  const auto* found = list.find(employment_service().signing_keys().public_key, employment_service().box_keys().public_key);
  REQUIRE(found != nullptr);
  CHECK(found->card.organisation_number == "2021002114");
  // Both keys must match: a signing key alone is not the listed card.
  CHECK(list.find(employment_service().signing_keys().public_key, validator().box_keys().public_key) == nullptr);
  CHECK(list.find(unlisted_agency().signing_keys().public_key, unlisted_agency().box_keys().public_key) == nullptr);
}

TEST_CASE("an older trust list than one already seen is a rollback; an expired one is reported",
          "[attest][trust]") {
  const std::string v3 = trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}}, 3);
  const std::string v2 = trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}}, 2);

  CHECK(attest::verify_trust_list(v3, {kNow, 3, ""}).sequence == 3);  // the same one again
  CHECK(attest::verify_trust_list(v3, {kNow, 2, ""}).sequence == 3);  // a newer one
  CHECK(code_of([&] { attest::verify_trust_list(v2, {kNow, 3, ""}); }) == Code::rollback);
  CHECK(contains(message_of([&] { attest::verify_trust_list(v2, {kNow, 3, ""}); }), "older"));

  const int64_t expiry = kNow + 90 * kDay;
  CHECK(code_of([&] { attest::verify_trust_list(v3, {expiry - 1, std::nullopt, ""}); }) == Code::ok);
  CHECK(code_of([&] { attest::verify_trust_list(v3, {expiry, std::nullopt, ""}); }) == Code::expired);
  // An old list that has also expired is reported as old (rollback is checked first, as TUF does).
  CHECK(code_of([&] { attest::verify_trust_list(v2, {expiry + kDay, 3, ""}); }) == Code::rollback);
}

TEST_CASE("a trust list by another root than the expected one is refused", "[attest][trust]") {
  const std::string by_other = trust_list_file(other_root(), {{&unlisted_agency(), 7, kNow - kDay, 0}});
  CHECK(code_of([&] {
          attest::verify_trust_list(by_other, {kNow, std::nullopt, root().signing_keys().public_key});
        }) == Code::signature);
  // Without an expected root, the list stands on its own signature and says whose it is.
  const auto list = attest::verify_trust_list(by_other, {kNow, std::nullopt, ""});
  CHECK(list.root_fingerprint == other_root().fingerprint());
}

TEST_CASE("drafts refuse what a reader would refuse", "[attest][trust]") {
  attest::TrustListDraft draft;
  draft.issued_at = kNow;
  draft.expires_at = kNow + kDay;
  CHECK(code_of([&] { attest::add_agency(draft, owner().card_file(), 5, kNow, 0); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::add_agency(draft, root().card_file(), 5, kNow, 0); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::add_agency(draft, validator().card_file(), 0, kNow, 0); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::add_agency(draft, validator().card_file(), 99, kNow, 0); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::add_agency(draft, validator().card_file(), 5, kNow, kNow); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::add_agency(draft, std::string("not a card"), 5, kNow, 0); }) == Code::format);
  attest::add_agency(draft, validator().card_file(), 5, kNow, 0);
  CHECK(code_of([&] { attest::add_agency(draft, validator().card_file(), 2, kNow, 0); }) == Code::invalid_argument);
  REQUIRE(draft.agencies.size() == 1);

  // Only a trust root signs, and only a list that expires after it is issued.
  CHECK(code_of([&] { attest::sign_trust_list(validator(), draft); }) == Code::invalid_argument);
  attest::TrustListDraft stale = draft;
  stale.expires_at = stale.issued_at;
  CHECK(code_of([&] { attest::sign_trust_list(root(), stale); }) == Code::invalid_argument);
  attest::TrustListDraft unnumbered = draft;
  unnumbered.sequence = 0;
  CHECK(code_of([&] { attest::sign_trust_list(root(), unnumbered); }) == Code::invalid_argument);
  CHECK(code_of([&] { attest::sign_trust_list(root(), draft); }) == Code::ok);
}

TEST_CASE("the next version keeps the list, raises the sequence and can drop an agency", "[attest][trust]") {
  const std::string v1 = trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}, {&employment_service(), 2, kNow - kDay, 0}});
  attest::TrustListDraft next = attest::next_version(v1);
  CHECK(next.sequence == 2);
  REQUIRE(next.agencies.size() == 2);
  CHECK(attest::remove_agency(next, validator().signing_keys().public_key));
  CHECK_FALSE(attest::remove_agency(next, validator().signing_keys().public_key));
  next.issued_at = kNow;
  const std::string v2 = attest::sign_trust_list(root(), next);
  const auto list = attest::verify_trust_list(v2, {kNow, 1, root().signing_keys().public_key});
  CHECK(list.sequence == 2);
  REQUIRE(list.agencies.size() == 1);
  CHECK(list.agencies[0].card.name == "Arbetsförmedlingen");
}
