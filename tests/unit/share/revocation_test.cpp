// SPDX-License-Identifier: Apache-2.0
// Issue 5 item 6, docs/SPEC.md §7.4, docs/THREATS.md T27: after the owner revokes agency A, A cannot read anything
// written afterwards - not from the record file, not from any later bundle, not with the keys it
// kept - while B keeps reading. What A already received stays readable: the documented limit of
// revocation, tested here so the documentation stays true.
#include <catch2/catch.hpp>

#include "crypto/aead.h"
#include "share/ledger.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

constexpr int64_t kRevokedAt = kNow + 3600;

struct Fixture {
  TempDir dir;
  std::string a_old_bundle;  // A's bundle before the revocation
  std::string record_before;  // the record file before the revocation
  std::string record_after;  // the record file after revocation and new writes
  std::string b_new_bundle;  // B's bundle after them
  std::string b_grant_id;
  std::vector<std::string> a_grant_ids;
  share::RevocationResult result;
  Fixture() {
    model::Record r = new_record({{"profile", "profile before"}, {"notes", "notes before"}, {"languages", "sv"}});
    const auto a1 = share_with(r, agency_a(), {"profile"});
    const auto a2 = share_with(r, agency_a(), {"notes"});
    const auto b = share_with(r, agency_b(), {"profile", "languages"});
    a_grant_ids = {a1.grant_id_hex, a2.grant_id_hex};
    b_grant_id = b.grant_id_hex;
    r.save(dir.file("r.kartla"));
    record_before = read_plain(dir.file("r.kartla"));
    a_old_bundle = bundle_of(r, a1.grant_id_hex, dir, "a-old.kartla");

    result = share::revoke_agency(r, agency_a().card_file(), kRevokedAt);
    r.write_section(section("profile"), content("profile", "profile after"));
    r.write_section(section("notes"), content("notes", "notes after"));
    r.save(dir.file("r.kartla"));
    record_after = read_plain(dir.file("r.kartla"));
    b_new_bundle = bundle_of(r, b.grant_id_hex, dir, "b-new.kartla");
  }
};

const Fixture& fx() {
  static const Fixture f;
  return f;
}

}  // namespace

TEST_CASE("revocation rotates what the agency could read and re-issues the others' grants", "[revoke]") {
  CHECK(fx().result.agency_fingerprint == agency_a().fingerprint());
  CHECK(fx().result.revoked_grants == 2);
  CHECK(fx().result.reissued_grants == 1);  // B's, which covers the rotated profile
  std::vector<std::string> rotated = fx().result.rotated_sections;
  std::sort(rotated.begin(), rotated.end());
  CHECK(rotated == std::vector<std::string>{"notes", "profile"});

  Loose before = take_apart(fx().record_before);
  Loose after = take_apart(fx().record_after);
  const auto generation = [](Loose& l, const char* name) { return l.by_id(section(name).id).generation; };
  CHECK(generation(after, "profile") > generation(before, "profile"));
  CHECK(generation(after, "notes") > generation(before, "notes"));
  CHECK(generation(after, "languages") == generation(before, "languages"));  // A never had it
  CHECK(after.highest_generation >= generation(after, "profile"));
}

TEST_CASE("after revocation A reads nothing from the record file", "[revoke]") {
  const share::AgencyView a = view_as(agency_a(), fx().record_after);
  CHECK(a.granted().empty());
  for (const char* name : {"profile", "notes", "languages"}) {
    INFO(name);
    CHECK(code_of([&] { (void)a.read_section(section(name), kRevokedAt + 1); }) == Code::not_shared);
  }
  // The new manifest carries no grant for A.
  for (const auto& g : take_apart(fx().record_after).grants)
    CHECK_FALSE(format::open_grant(agency_a().box_keys(), agency_a().signing_keys().public_key, g.bytes).has_value());
}

TEST_CASE("the keys A kept fail on every section written after revocation", "[revoke]") {
  const Loose old = take_apart(fx().a_old_bundle);
  const format::Grant kept = open_grant_as(agency_a(), old.grants[0].bytes);
  format::MemorySource after_source(fx().record_after);
  const format::VerifiedContainer after = format::read_container(after_source);
  Loose named = take_apart(fx().record_after);
  for (const auto& k : kept.sections) {
    // A still finds the slot (the slot secret does not change), but no key it holds opens it.
    const format::ContainerSection* s = after.find_slot(format::slot_tag(k.slot_secret));
    REQUIRE(s != nullptr);
    const std::string body = format::read_section_body(after_source, *s);
    for (uint32_t generation : {k.generation, named.by_id(k.section_id).generation}) {
      INFO("section " << k.section_id << " generation " << generation);
      const format::SectionSlot slot{after.manifest.record_id, k.section_id, generation};
      // Neither through the reader, nor straight at the AEAD, under either generation's AD.
      CHECK(code_of([&] { (void)format::open_section_from_source(after_source, *s, k.key, slot); }) ==
            Code::integrity);
      CHECK(code_of([&] { (void)crypto::aead_open(k.key, body, format::section_associated_data(slot)); }) ==
            Code::integrity);
    }
  }
}

TEST_CASE("A gets no bundle after revocation; B's new bundle is unreadable to A", "[revoke]") {
  TempDir dir;
  model::Record r = model::Record::open(std::make_shared<format::OwnedMemorySource>(fx().record_after), owner_keys());
  for (const auto& id : fx().a_grant_ids)
    CHECK(code_of([&] { (void)bundle_of(r, id, dir); }) == Code::not_found);

  const share::AgencyView a = view_as(agency_a(), fx().b_new_bundle);
  CHECK(a.granted().empty());
  CHECK(code_of([&] { (void)a.read_section(section("profile"), kRevokedAt + 1); }) == Code::not_shared);
}

TEST_CASE("B keeps reading after A's revocation, including what was written since", "[revoke]") {
  for (const std::string* file : {&fx().b_new_bundle, &fx().record_after}) {
    const share::AgencyView b = view_as(agency_b(), *file);
    CHECK(read_text(b, "profile", kRevokedAt + 1) == content("profile", "profile after"));
    CHECK(read_text(b, "languages", kRevokedAt + 1) == content("languages", "sv"));
    for (const auto& g : b.granted()) CHECK(g.current);
    CHECK(code_of([&] { (void)b.read_section(section("notes"), kRevokedAt + 1); }) == Code::not_shared);
  }
}

TEST_CASE("A's old bundle still opens the old version: revocation cannot unsee data", "[revoke]") {
  // The documented limitation (kartla/share.h, share/revoke.h, README): what was shared stays shared.
  const share::AgencyView a = view_as(agency_a(), fx().a_old_bundle);
  CHECK(read_text(a, "profile", kRevokedAt + 1) == content("profile", "profile before"));
  CHECK(a.container().manifest.sequence == 1);
  const share::AgencyView b = view_as(agency_b(), fx().record_after);
  CHECK(b.container().manifest.sequence > a.container().manifest.sequence);

  const std::string header = read_plain(std::string(KARTLA_SOURCE_DIR) + "/include/kartla/share.h");
  CHECK(contains(header, "WHAT WAS SHARED CANNOT BE UNSHARED"));
}

TEST_CASE("revoking an agency that holds nothing changes nothing", "[revoke]") {
  model::Record r = new_record({{"profile", "p"}});
  (void)share_with(r, agency_b(), {"profile"});
  const std::vector<std::string> grants = r.grants();
  CHECK(code_of([&] { (void)share::revoke_agency(r, agency_a().card_file(), kNow + 1); }) == Code::not_found);
  CHECK(r.grants() == grants);
  CHECK(r.sections()[0].generation == 1);
  // A second revocation of the same agency finds nothing left.
  (void)share::revoke_agency(r, agency_b().card_file(), kNow + 1);
  CHECK(r.grants().empty());
  CHECK(code_of([&] { (void)share::revoke_agency(r, agency_b().card_file(), kNow + 2); }) == Code::not_found);
}

// Found in review: a section removed and written again used to start over at generation 1, whose
// key a revoked agency still held. Generations now come from one record-wide counter that is
// never reused (SPEC §5.2).
TEST_CASE("a section removed and re-added after revocation stays unreadable to the revoked agency",
          "[revoke]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "before"}});
  const auto a = share_with(r, agency_a(), {"profile"});
  r.save(dir.file("r.kartla"));
  const format::Grant kept = open_grant_as(agency_a(), take_apart(bundle_of(r, a.grant_id_hex, dir)).grants[0].bytes);
  (void)share::revoke_agency(r, agency_a().card_file(), kNow + 10);
  r.remove_section(section("profile"));
  r.write_section(section("profile"), content("profile", "written after revocation"));
  r.save(dir.file("r.kartla"));

  const std::string after = read_plain(dir.file("r.kartla"));
  format::MemorySource source(after);
  const format::VerifiedContainer c = format::read_container(source);
  const format::ContainerSection* s = c.find_slot(format::slot_tag(kept.sections[0].slot_secret));
  REQUIRE(s != nullptr);
  const format::SectionSlot slot{c.manifest.record_id, section("profile").id, r.generation(section("profile"))};
  CHECK(code_of([&] { (void)format::open_section_from_source(source, *s, kept.sections[0].key, slot); }) ==
        Code::integrity);
}

TEST_CASE("a revocation that fails halfway can never be saved", "[revoke]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record({{"profile", "p"}});
  (void)share_with(r, agency_a(), {"profile"});
  (void)share_with(r, agency_b(), {"profile"});
  // B's card in the ledger is damaged: the revocation of A rotates the profile, then fails when
  // it re-issues B's grant.
  v1::SharingLedger ledger = share::read_ledger(r);
  for (auto& entry : *ledger.mutable_grants())
    if (entry.agency_fingerprint() == agency_b().fingerprint()) entry.set_agency_card("not a card");
  share::write_ledger(r, ledger);
  r.save(path);
  const std::string before = read_plain(path);

  CHECK(code_of([&] { (void)share::revoke_agency(r, agency_a().card_file(), kNow + 10); }) != Code::ok);
  CHECK(code_of([&] { r.save(path); }) == Code::invalid_argument);
  CHECK(contains(message_of([&] { r.save(path); }), "revocation failed halfway"));
  CHECK(read_plain(path) == before);
}
