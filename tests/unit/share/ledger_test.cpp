// SPDX-License-Identifier: Apache-2.0
// Issue 5 item 5, docs/SPEC.md §7.5: the owner-only sharing ledger records every grant and revocation -
// agency fingerprint and name, sections, purpose, when granted, until when, when revoked - and
// its access events form a hash chain that can be re-checked. The ledger the sharing layer writes
// passes the model's own rule catalogue.
#include <catch2/catch.hpp>

#include <set>

#include "format/labels.h"
#include "model/validation/validate.h"
#include "share/ledger.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

constexpr int64_t kExpiry = kNow + 90 * 86400;
constexpr int64_t kRevokedAt = kNow + 86400;

std::vector<std::string> names_of(const google::protobuf::RepeatedPtrField<std::string>& field) {
  return {field.begin(), field.end()};
}

std::string event_hash(v1::AccessEvent event) {
  event.clear_hash();
  return crypto::digest_bytes(crypto::labelled_hash(format::label::kAccessEvent, event.SerializeAsString()));
}

struct Fixture {
  TempDir dir;
  share::IssuedGrant to_a, to_b;
  v1::SharingLedger ledger;  // as read back from the saved file
  std::vector<std::string> grants_in_file;
  Fixture() {
    model::Record r = new_record({{"profile", "p"}, {"notes", "n"}, {"languages", "l"}});
    to_a = share_with(r, agency_a(), {"profile", "notes"}, "kartläggning inför praktik", kExpiry, kNow);
    to_b = share_with(r, agency_b(), {"profile"}, "arbetsträning", 0, kNow + 60);
    (void)share::revoke_agency(r, agency_a().card_file(), kRevokedAt);
    r.save(dir.file("r.kartla"));
    const model::Record reopened =
        model::Record::open(source_of(read_plain(dir.file("r.kartla"))), owner_keys());
    ledger = share::read_ledger(reopened);
    grants_in_file = reopened.grants();
  }
};

const Fixture& fx() {
  static const Fixture f;
  return f;
}

}  // namespace

TEST_CASE("the ledger records each grant with who, what, why and until when", "[ledger]") {
  const v1::SharingLedger& l = fx().ledger;
  REQUIRE(l.grants_size() == 2);
  const v1::ShareGrantRecord& a = l.grants(0);
  CHECK(a.id() == fx().to_a.grant_id_hex);
  CHECK(a.agency_fingerprint() == agency_a().fingerprint());
  CHECK(a.agency_name() == "Landskrona kommun");
  CHECK(a.agency_role() == "municipal_labour_unit");
  CHECK(names_of(a.sections()) == std::vector<std::string>{"profile", "notes"});
  CHECK(a.purpose() == "kartläggning inför praktik");
  CHECK(a.granted_at().seconds() == kNow);
  CHECK(a.expires_at().seconds() == kExpiry);
  CHECK(a.revoked_at().seconds() == kRevokedAt);
  CHECK(a.agency_card() == agency_a().card_file());

  const v1::ShareGrantRecord& b = l.grants(1);
  CHECK(b.agency_fingerprint() == agency_b().fingerprint());
  CHECK(b.agency_name() == "Exempelbolaget AB");
  CHECK(b.agency_role() == "employer");
  CHECK(names_of(b.sections()) == std::vector<std::string>{"profile"});
  CHECK(b.purpose() == "arbetsträning");
  CHECK(b.granted_at().seconds() == kNow + 60);
  CHECK_FALSE(b.has_expires_at());
  CHECK_FALSE(b.has_revoked_at());
}

TEST_CASE("the ledger's grant digests name the grants in the record", "[ledger]") {
  // B's grant was re-issued when A's revocation rotated the profile: the ledger follows it, and
  // A's revoked grant has left the record.
  std::set<std::string> in_file;
  for (const auto& g : fx().grants_in_file) in_file.insert(crypto::digest_bytes(format::grant_digest(g)));
  CHECK(in_file.size() == 1);
  CHECK(in_file.count(fx().ledger.grants(1).grant_digest()) == 1);
  CHECK(fx().ledger.grants(1).grant_digest() != fx().to_b.grant_digest);
  CHECK(in_file.count(fx().ledger.grants(0).grant_digest()) == 0);
}

TEST_CASE("the access events record grants and the revocation, hash-chained", "[ledger]") {
  const v1::SharingLedger& l = fx().ledger;
  REQUIRE(l.access_events_size() == 3);
  const v1::AccessEvent::Action expected[] = {v1::AccessEvent::GRANT, v1::AccessEvent::GRANT,
                                              v1::AccessEvent::REVOKE};
  const std::string grant_ids[] = {fx().to_a.grant_id_hex, fx().to_b.grant_id_hex, fx().to_a.grant_id_hex};
  const int64_t times[] = {kNow, kNow + 60, kRevokedAt};
  for (int i = 0; i < 3; ++i) {
    INFO("event " << i);
    const v1::AccessEvent& e = l.access_events(i);
    CHECK(e.action() == expected[i]);
    CHECK(e.grant_id() == grant_ids[i]);
    CHECK(e.at().seconds() == times[i]);
    CHECK(e.hash().size() == 32);
    CHECK(e.hash() == event_hash(e));
    CHECK(e.prev_hash() == (i == 0 ? std::string() : l.access_events(i - 1).hash()));
  }
  CHECK(names_of(l.access_events(2).sections()) == std::vector<std::string>{"profile", "notes"});

  // The chain catches an edited event: change one and its hash no longer matches; re-hash it and
  // the next event's prev_hash no longer does.
  v1::SharingLedger edited = l;
  edited.mutable_access_events(1)->mutable_at()->set_seconds(kNow + 1);
  CHECK(edited.access_events(1).hash() != event_hash(edited.access_events(1)));
  edited.mutable_access_events(1)->set_hash(event_hash(edited.access_events(1)));
  CHECK(edited.access_events(2).prev_hash() != edited.access_events(1).hash());
}

TEST_CASE("the ledger the sharing layer writes passes the model's rules", "[ledger]") {
  const std::vector<model::Violation> violations = model::validate_section(fx().ledger);
  for (const auto& v : violations) UNSCOPED_INFO(v.field_path << ": " << v.rule << ": " << v.message);
  CHECK(violations.empty());
}

TEST_CASE("the ledger is the owner's alone", "[ledger]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "p"}});
  (void)share_with(r, agency_a(), {"profile"});
  CHECK(r.has_section(section("sharing_ledger")));
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"sharing_ledger"}); }) == Code::invalid_argument);
  r.save(dir.file("r.kartla"));
  const share::AgencyView a = view_as(agency_a(), read_plain(dir.file("r.kartla")));
  CHECK(code_of([&] { (void)a.read_section(section("sharing_ledger"), kNow); }) == Code::not_shared);
}
