// SPDX-License-Identifier: Apache-2.0
// Issue 5 items 4 and 7, docs/SPEC.md §8, docs/THREATS.md T24-T25: a grant's expiry is checked at the time the
// reader gives (explicit, for audits and tests: the CLI's --at), an expired grant has its own
// error class and message, and the agency view exposes the sequence number and the
// previous-manifest hash so an older copy can be recognised.
#include <catch2/catch.hpp>

#include "share/time_text.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

constexpr int64_t kExpiry = kNow + 7 * 86400;

}  // namespace

TEST_CASE("a grant is readable before its expiry and refused from it on", "[expiry]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "Aino"}});
  const auto g = share_with(r, agency_a(), {"profile"}, "praktik", kExpiry);
  r.save(dir.file("r.kartla"));
  const share::AgencyView a = view_as(agency_a(), bundle_of(r, g.grant_id_hex, dir));

  CHECK(contains(read_text(a, "profile", kNow), "Aino"));
  CHECK(contains(read_text(a, "profile", kExpiry - 1), "Aino"));
  CHECK(code_of([&] { (void)a.read_section(section("profile"), kExpiry); }) == Code::expired);
  CHECK(code_of([&] { (void)a.read_section(section("profile"), kExpiry + 365 * 86400); }) == Code::expired);
  // Its own message, with the date, distinct from "not shared".
  const std::string message = message_of([&] { (void)a.read_section(section("profile"), kExpiry + 1); });
  CHECK(contains(message, "expired"));
  CHECK(contains(message, share::format_utc(kExpiry)));
  CHECK_FALSE(contains(message, "not shared"));
  // An ungranted section is still not-shared after the expiry, not expired.
  CHECK(code_of([&] { (void)a.read_section(section("notes"), kExpiry + 1); }) == Code::not_shared);
  // The view lists the grant with its expiry either way.
  REQUIRE(a.granted().size() == 1);
  CHECK(a.granted()[0].expires_at == kExpiry);
}

TEST_CASE("a grant without expiry never expires; a later grant outlives an expired one", "[expiry]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "Aino"}, {"notes", "n"}});
  (void)share_with(r, agency_a(), {"profile", "notes"}, "first", kExpiry);
  (void)share_with(r, agency_a(), {"profile"}, "second", kExpiry + 86400);
  (void)share_with(r, agency_b(), {"profile"}, "open ended");
  r.save(dir.file("r.kartla"));
  const std::string file = read_plain(dir.file("r.kartla"));

  const share::AgencyView a = view_as(agency_a(), file);
  CHECK(contains(read_text(a, "profile", kExpiry + 10), "Aino"));  // the second grant covers it
  CHECK(code_of([&] { (void)a.read_section(section("notes"), kExpiry + 10); }) == Code::expired);
  CHECK(code_of([&] { (void)a.read_section(section("profile"), kExpiry + 86400); }) == Code::expired);

  const share::AgencyView b = view_as(agency_b(), file);
  CHECK(contains(read_text(b, "profile", INT64_MAX), "Aino"));
}

TEST_CASE("the agency view exposes sequence and previous-manifest hash", "[rollback]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "v1"}});
  const auto g = share_with(r, agency_a(), {"profile"});
  r.save(dir.file("r.kartla"));
  const std::string v1 = bundle_of(r, g.grant_id_hex, dir, "v1.kartla");
  r.write_section(section("profile"), content("profile", "v2"));
  r.save(dir.file("r.kartla"));
  const std::string v2 = bundle_of(r, g.grant_id_hex, dir, "v2.kartla");

  const share::AgencyView old_copy = view_as(agency_a(), v1);
  const share::AgencyView new_copy = view_as(agency_a(), v2);
  CHECK(old_copy.container().manifest.sequence == 1);
  CHECK(old_copy.container().manifest.previous_manifest_hash.empty());
  CHECK(new_copy.container().manifest.sequence == 2);
  // The chain: v2 names the hash of exactly the manifest bytes v1 carries.
  CHECK(new_copy.container().manifest.previous_manifest_hash ==
        crypto::digest_bytes(format::manifest_hash(old_copy.container().manifest_bytes)));
  // Both are authentic; only the sequence tells the agency which is older.
  CHECK(contains(read_text(old_copy, "profile"), "v1"));
  CHECK(contains(read_text(new_copy, "profile"), "v2"));
}
