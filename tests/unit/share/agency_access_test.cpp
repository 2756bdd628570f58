// SPDX-License-Identifier: Apache-2.0
// Issue 5 items 2-4 (docs/SPEC.md §7.3, docs/THREATS.md T23): an agency reads exactly what was granted to it, from
// its bundle or from the full record file; another agency, or a section outside the grant, is
// the not-shared class, and the message names what is shared.
#include <catch2/catch.hpp>

#include "format/fingerprint.h"
#include "share_fixture.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

struct Shared {
  TempDir dir;
  std::string record_file;
  std::string bundle_a;  // profile + languages, for A
  std::string bundle_b;  // notes, for B
  Shared() {
    model::Record r = new_record({{"profile", "Aino Virtanen"}, {"languages", "finska"}, {"notes", "met Monday"},
                                  {"competences", "svetsning"}});
    const auto to_a = share_with(r, agency_a(), {"profile", "languages"}, "kartläggning");
    const auto to_b = share_with(r, agency_b(), {"notes"}, "praktik");
    r.save(dir.file("r.kartla"));
    record_file = read_plain(dir.file("r.kartla"));
    bundle_a = bundle_of(r, to_a.grant_id_hex, dir, "a.kartla");
    bundle_b = bundle_of(r, to_b.grant_id_hex, dir, "b.kartla");
  }
};

const Shared& shared() {
  static const Shared s;
  return s;
}

}  // namespace

TEST_CASE("an agency reads its granted sections from its bundle and from the record file", "[access]") {
  for (const std::string* file : {&shared().bundle_a, &shared().record_file}) {
    const share::AgencyView a = view_as(agency_a(), *file);
    CHECK(contains(read_text(a, "profile"), "Aino Virtanen"));
    CHECK(contains(read_text(a, "languages"), "finska"));
    const auto granted = a.granted();
    REQUIRE(granted.size() == 2);
    for (const auto& g : granted) {
      CHECK(g.purpose == "kartläggning");
      CHECK(g.granted_at == kNow);
      CHECK(g.expires_at == 0);
      CHECK(g.present);
      CHECK(g.current);
    }
  }
}

TEST_CASE("a bundle for agency A opened by agency B yields nothing", "[access]") {
  const share::AgencyView b = view_as(agency_b(), shared().bundle_a);
  CHECK(b.granted().empty());
  for (const char* name : {"profile", "languages", "notes", "competences", "sharing_ledger"}) {
    INFO(name);
    CHECK(code_of([&] { (void)b.read_section(section(name), kNow); }) == Code::not_shared);
  }
  // An agency with no grant at all in the file is told so.
  const share::AgencyView c = view_as(agency_c(), shared().bundle_a);
  CHECK(contains(message_of([&] { (void)c.read_section(section("profile"), kNow); }), "nothing in this file"));
}

TEST_CASE("sections outside an agency's grant are not shared, even in the full record file", "[access]") {
  const share::AgencyView a = view_as(agency_a(), shared().record_file);
  for (const char* name : {"notes", "competences", "sharing_ledger"}) {
    INFO(name);
    CHECK(code_of([&] { (void)a.read_section(section(name), kNow); }) == Code::not_shared);
  }
  // The refusal names what this agency may read, and nothing granted to others.
  const std::string message = message_of([&] { (void)a.read_section(section("notes"), kNow); });
  CHECK(contains(message, "languages"));
  CHECK(contains(message, "profile"));
  CHECK_FALSE(contains(message, "competences"));

  const share::AgencyView b = view_as(agency_b(), shared().record_file);
  CHECK(contains(read_text(b, "notes"), "met Monday"));
  CHECK(code_of([&] { (void)b.read_section(section("profile"), kNow); }) == Code::not_shared);
}

TEST_CASE("a section granted but left out of a bundle is not shared in that bundle", "[access]") {
  // B's bundle carries only notes; A has no grant in it; and a bundle written without one of
  // A's sections does not pretend to hold it.
  TempDir dir;
  model::Record r = new_record({{"profile", "x"}, {"languages", "y"}});
  const auto g = share_with(r, agency_a(), {"profile", "languages"});
  r.save(dir.file("r.kartla"));
  const std::string record_bytes = read_plain(dir.file("r.kartla"));
  format::MemorySource record(record_bytes);
  share::write_bundle(record, {r.slot_tag(section("profile"))}, {g.grant_digest}, dir.file("partial.kartla"));
  const share::AgencyView a = view_as(agency_a(), read_plain(dir.file("partial.kartla")));
  CHECK(contains(read_text(a, "profile"), "x"));
  CHECK(code_of([&] { (void)a.read_section(section("languages"), kNow); }) == Code::not_shared);
  bool saw_absent = false;
  for (const auto& s : a.granted())
    if (s.section_id == section("languages").id) saw_absent = !s.present;
  CHECK(saw_absent);
}

TEST_CASE("the agency view reports the owner, the record and the version it verified", "[access]") {
  const share::AgencyView a = view_as(agency_a(), shared().bundle_a);
  const format::Manifest& m = a.container().manifest;
  CHECK(format::fingerprint(m.owner_signing_key, m.owner_encryption_key) == owner().fingerprint());
  CHECK(m.sequence == 1);
  CHECK(m.previous_manifest_hash.empty());
  CHECK(a.container().sections.size() == 2);
  CHECK(a.container().grants.size() == 1);
}

TEST_CASE("sharing refuses what it must not share", "[access]") {
  model::Record r = new_record({{"profile", "p"}});
  const size_t before = r.grants().size();
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"sharing_ledger"}); }) == Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"notes"}); }) == Code::not_found);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {}); }) == Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile"}, ""); }) == Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile"}, "p", kNow); }) == Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile"}, "p", kNow - 1); }) == Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile"}, std::string(1025, 'p')); }) == Code::limit);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"no_such_section"}); }) == Code::invalid_argument);
  // A refused share leaves the record as it was: no grant the ledger does not know about.
  CHECK(r.grants().size() == before);
  CHECK_FALSE(r.has_section(section("sharing_ledger")));
}

TEST_CASE("a purpose that is not UTF-8 is refused and leaves the record unchanged", "[access]") {
  model::Record r = new_record({{"profile", "p"}});
  // Multi-byte text is fine: purposes are written in Swedish and Finnish.
  model::Record ok = new_record({{"profile", "p"}});
  CHECK_NOTHROW(share_with(ok, agency_a(), {"profile"}, "kartläggning för arbetsträning \xf0\x9f\x91\x8d"));
  for (const char* purpose : {"kartl\xe4ggning", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80"}) {
    INFO(purpose);
    CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile"}, purpose); }) == Code::invalid_argument);
  }
  CHECK(r.grants().empty());
  CHECK_FALSE(r.has_section(section("sharing_ledger")));
}
