// SPDX-License-Identifier: Apache-2.0
// Issue 5 item 1: an agency card names a real organisation (Swedish organisationsnummer by Luhn,
// Finnish Y-tunnus by its weighted check digit) and a documented role; an owner card names
// nobody. Refusals come before any Argon2id work, so only the accepted cases cost a key
// derivation (the fixture's three agencies).
#include <catch2/catch.hpp>

#include "identity/agency_details.h"
#include "identity/agency_role.h"
#include "share_fixture.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

identity::NewIdentity agency_options(const char* name, const char* org, uint32_t role) {
  identity::NewIdentity o;
  o.kind = format::CardKind::agency;
  o.name = name;
  o.organisation_number = org;
  o.role = role;
  o.kdf_opslimit = crypto::kArgonMinOps;
  o.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  return o;
}

Code create_code(const identity::NewIdentity& o) {
  return code_of([&] { (void)identity::Identity::create(o, std::string("pass")); });
}

}  // namespace

TEST_CASE("agency cards carry the checked organisation number, name and role", "[agency]") {
  // Created through Identity::create by the fixture: the card is what a recipient reads.
  const format::Card& landskrona = agency_a().card().card;
  CHECK(landskrona.kind == format::CardKind::agency);
  CHECK(landskrona.name == "Landskrona kommun");
  CHECK(landskrona.organisation_number == "2120001140");  // stored without the hyphen
  CHECK(identity::agency_role_by_number(landskrona.role)->name == "municipal_labour_unit");

  const format::Card& company = agency_b().card().card;
  CHECK(company.organisation_number == "5560360793");
  CHECK(identity::agency_role_by_number(company.role)->name == "employer");

  const format::Card& finnish = agency_c().card().card;
  CHECK(finnish.organisation_number == "0209602-6");  // a Y-tunnus keeps its hyphen
  CHECK(identity::agency_role_by_number(finnish.role)->name == "employment_service");

  // The card file round-trips with its self-signature, details included.
  const format::SignedCard reread = format::decode_card_file(agency_a().card_file());
  CHECK(reread.card.name == "Landskrona kommun");
  CHECK(reread.card.organisation_number == "2120001140");
}

TEST_CASE("organisation numbers: accepted forms", "[agency]") {
  CHECK(identity::normalized_organisation_number("212000-1140") == "2120001140");
  CHECK(identity::normalized_organisation_number("2120001140") == "2120001140");
  CHECK(identity::normalized_organisation_number("556036-0793") == "5560360793");
  CHECK(identity::normalized_organisation_number("0209602-6") == "0209602-6");
}

TEST_CASE("organisation numbers with a wrong check digit or shape are refused", "[agency]") {
  const char* bad[] = {
      "212000-1141",   // Luhn fails (last digit changed)
      "556036-0794",   // Luhn fails
      "556036-0739",   // two digits transposed
      "0209602-7",     // Y-tunnus check digit fails
      "0209603-6",     // Y-tunnus body changed
      "190101-0106",   // a personnummer shape (third digit < 2): personal data, not an organisation
      "556036-079",    // too short
      "55603607931",   // too long
      "556036+0793",   // wrong separator
      "",              // missing
  };
  for (const char* org : bad) {
    INFO(org);
    CHECK(code_of([&] { (void)identity::normalized_organisation_number(org); }) == Code::invalid_argument);
    CHECK(create_code(agency_options("Landskrona kommun", org, 1)) == Code::invalid_argument);
  }
  // The message says which check failed, so a caseworker can fix a typo.
  CHECK(contains(message_of([] { (void)identity::normalized_organisation_number("556036-0794"); }), "Luhn"));
  CHECK(contains(message_of([] { (void)identity::normalized_organisation_number("0209602-7"); }), "Y-tunnus"));
}

TEST_CASE("agency roles are the documented set; anything else is refused", "[agency]") {
  const char* names[] = {"municipal_labour_unit", "employment_service", "social_insurance", "health_care",
                         "validation_provider",   "education_provider", "employer",         "other"};
  for (uint32_t n = 1; n <= 8; ++n) {
    REQUIRE(identity::agency_role_by_number(n) != nullptr);
    CHECK(identity::agency_role_by_number(n)->name == names[n - 1]);
    CHECK(identity::agency_role_by_name(names[n - 1]) == identity::agency_role_by_number(n));
  }
  CHECK(identity::agency_role_by_number(0) == nullptr);
  CHECK(identity::agency_role_by_number(9) == nullptr);
  CHECK(identity::agency_role_by_name("police") == nullptr);
  for (uint32_t role : {0u, 9u, 1000u}) {
    INFO(role);
    CHECK(create_code(agency_options("Landskrona kommun", "212000-1140", role)) == Code::invalid_argument);
  }
  CHECK(contains(message_of([] { (void)identity::Identity::create(agency_options("X", "212000-1140", 42),
                                                                  std::string("pass")); }),
                 "employment_service"));
}

TEST_CASE("an agency needs a name", "[agency]") {
  CHECK(create_code(agency_options("", "212000-1140", 1)) == Code::invalid_argument);
}

TEST_CASE("owner identities carry no name, organisation or role", "[agency]") {
  const format::Card& card = owner().card().card;
  CHECK(card.kind == format::CardKind::owner);
  CHECK(card.name.empty());
  CHECK(card.organisation_number.empty());
  CHECK(card.role == 0);

  identity::NewIdentity o = agency_options("", "", 0);
  o.kind = format::CardKind::owner;
  o.name = "Amina Rahimi";
  CHECK(create_code(o) == Code::invalid_argument);
  o.name.clear();
  o.organisation_number = "212000-1140";
  CHECK(create_code(o) == Code::invalid_argument);
  o.organisation_number.clear();
  o.role = 1;
  CHECK(create_code(o) == Code::invalid_argument);
}

TEST_CASE("only agency cards can be shared with", "[agency]") {
  model::Record r = new_record({{"profile", "Aino"}});
  share::ShareRequest request;
  request.agency_card_file = owner().card_file();
  request.sections = {"profile"};
  request.purpose = "p";
  request.now = kNow;
  CHECK(code_of([&] { (void)share::share_sections(r, request); }) == Code::invalid_argument);
  CHECK(r.grants().empty());
}
