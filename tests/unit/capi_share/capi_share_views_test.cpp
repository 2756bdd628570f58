// SPDX-License-Identifier: Apache-2.0
// The views for agencies (kartla.h "Views": kartla_share_progress*, _plan*, _show_text): the same
// words and numbers as the owner's, from the sections granted and unexpired at `at` only; a view
// that needs anything else is NOT_SHARED or EXPIRED, and says which section.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"
#include "views/progress_fixture.h"  // the view tests' fixed section: plain data, no internal API

namespace {

using capi_test::cheap_kdf;
using capi_test::kNow;
using capi_test::TempDir;
constexpr int64_t kExpiry = kNow + 30 * 86400;
const std::string kPass = "agency views test passphrase";

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

kartla_status status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const kartla::error& e) {
    return e.status();
  }
  return KARTLA_OK;
}

// A record with progress, an action plan and notes; progress shared with A until kExpiry (the
// plan and the notes are not shared); B holds no grant.
kartla::identity new_owner() {
  const kartla_identity_options o = cheap_kdf();
  return std::move(kartla::identity::create(kPass, &o).identity);
}

kartla::identity new_agency(const char* name, const char* org, const char* role) {
  const kartla_identity_options o = cheap_kdf();
  return std::move(kartla::identity::create_agency(name, org, role, kPass, &o).identity);
}

struct Fixture {
  TempDir dir;
  kartla::identity owner = new_owner();
  kartla::identity agency_a = new_agency("Landskrona kommun", "212000-1140", "municipal_labour_unit");
  kartla::identity agency_b = new_agency("Exempelbolaget AB", "556036-0793", "employer");
  kartla::record record = kartla::record::create(owner);
  std::string bundle = dir.file("a.bundle");

  Fixture() {
    record.set_clock(kNow);
    record.set_section_json("progress", kartla::views::test::kProgressJson);
    record.set_section_json("action_plan", R"({"revision": 1, "goals": [{"id": "g1", "text": "A job",
        "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}}],
        "assertion": {"source": "SELF_REPORTED", "asserted_at": "2024-01-01T00:00:00Z"}})");
    record.set_section_json("notes", R"({"entries": [{"id": "n1", "text": "not for A",
        "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}}]})");
    const std::string grant = record.share(agency_a.card().str(), {"progress"}, "uppföljning", kExpiry, kNow);
    record.save(dir.file("r.kartla"));
    record.export_bundle(grant, bundle);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

TEST_CASE("C ABI: an agency's progress views are the owner's, from the shared section", "[capi][share][views]") {
  Fixture& f = fixture();
  const kartla::share share = kartla::share::open_file(f.bundle, f.agency_a);
  kartla::view_options sv;
  sv.language = "sv";
  // The progress fixture rates no goal, so the plan (not shared) changes nothing here.
  CHECK(share.progress_text({}, kNow).str() == f.record.progress_text().str());
  CHECK(share.progress_text(sv, kNow).str() == f.record.progress_text(sv).str());
  CHECK(share.progress_svg({}, kNow).str() == f.record.progress_svg().str());
  CHECK(share.progress({}, KARTLA_ENCODING_JSON, kNow).str() == f.record.progress().str());
  CHECK(share.progress({}, KARTLA_ENCODING_PROTOBUF, kNow).str() ==
        f.record.progress({}, KARTLA_ENCODING_PROTOBUF).str());
  CHECK(contains(share.progress({}, KARTLA_ENCODING_JSON, kNow).view(), R"J("change": "3",
   "direction": "better")J"));
  CHECK(share.show_text("progress", {}, kNow).str() == f.record.show_text("progress").str());
  // work_ability asked for but neither held nor shared: left out, as on the owner's side.
  kartla::view_options with_wa;
  with_wa.include_work_ability = true;
  CHECK(share.progress_text(with_wa, kNow).str() == f.record.progress_text(with_wa).str());
}

TEST_CASE("C ABI: an agency's whole-record view shows what it may read, nothing else", "[capi][share][views]") {
  Fixture& f = fixture();
  const kartla::share share = kartla::share::open_file(f.bundle, f.agency_a);
  const std::string all = share.show_text({}, {}, kNow).str();
  CHECK(all.rfind("Record " + f.record.id() + ", version ", 0) == 0);
  CHECK(contains(all, "Progress\n========\n"));
  CHECK_FALSE(contains(all, "Action plan"));
  CHECK_FALSE(contains(all, "not for A"));
}

TEST_CASE("C ABI: an agency's view of a section not shared is NOT_SHARED", "[capi][share][views]") {
  Fixture& f = fixture();
  const kartla::share share = kartla::share::open_file(f.bundle, f.agency_a);
  CHECK(status_of([&] { share.plan({}, KARTLA_ENCODING_JSON, kNow); }) == KARTLA_E_NOT_SHARED);
  CHECK(contains(kartla_last_error(), "action_plan"));
  CHECK(status_of([&] { share.plan_text({}, kNow); }) == KARTLA_E_NOT_SHARED);
  CHECK(status_of([&] { share.show_text("notes", {}, kNow); }) == KARTLA_E_NOT_SHARED);
  CHECK(status_of([&] { share.show_text("action_plan", {}, kNow); }) == KARTLA_E_NOT_SHARED);

  // B holds no grant at all: every view, the whole record included, is NOT_SHARED.
  const kartla::share other = kartla::share::open_file(f.bundle, f.agency_b);
  CHECK(status_of([&] { other.progress_text({}, kNow); }) == KARTLA_E_NOT_SHARED);
  CHECK(status_of([&] { other.progress_svg({}, kNow); }) == KARTLA_E_NOT_SHARED);
  CHECK(status_of([&] { other.show_text({}, {}, kNow); }) == KARTLA_E_NOT_SHARED);
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_share_show_text(other.get(), nullptr, kNow, nullptr, &out) == KARTLA_E_NOT_SHARED);
  CHECK(out.data == nullptr);
  CHECK(out.len == 0);
}

TEST_CASE("C ABI: an agency's views end with the grant", "[capi][share][views][expiry]") {
  Fixture& f = fixture();
  const kartla::share share = kartla::share::open_file(f.bundle, f.agency_a);
  CHECK(status_of([&] { share.progress_text({}, kExpiry - 1); }) == KARTLA_OK);
  CHECK(status_of([&] { share.progress_text({}, kExpiry); }) == KARTLA_E_EXPIRED);
  CHECK(contains(kartla_last_error(), "progress"));
  CHECK(status_of([&] { share.progress({}, KARTLA_ENCODING_PROTOBUF, kExpiry); }) == KARTLA_E_EXPIRED);
  CHECK(status_of([&] { share.progress_svg({}, kExpiry + 86400); }) == KARTLA_E_EXPIRED);
  CHECK(status_of([&] { share.show_text("progress", {}, kExpiry); }) == KARTLA_E_EXPIRED);
  // Nothing readable any more, because the one grant has expired.
  CHECK(status_of([&] { share.show_text({}, {}, kExpiry); }) == KARTLA_E_EXPIRED);
}
