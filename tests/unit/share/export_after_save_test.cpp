// SPDX-License-Identifier: Apache-2.0
// Issue 17, "share hashes each body once": a bundle exported from the record file this process has
// just saved copies the bodies without hashing them again (the save hashed every one on its way
// in). These tests hold what that must not change: the bundle is byte for byte the one an export
// with the hash makes, and a body damaged after the save still reaches no agency as content.
#include <catch2/catch.hpp>

#include <memory>
#include <random>

#include "format/file_source.h"
#include "share_fixture.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

model::Record reopen(const std::string& path) {
  return model::Record::open(std::make_shared<format::FileSource>(path), owner_keys());
}

const char* const kSections[] = {"profile", "notes", "competences", "languages"};

}  // namespace

TEST_CASE("a bundle exported right after a save is the bundle a fresh open exports", "[export][issue17]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record({{"profile", "Aino"}, {"notes", "not shared"}});
  const auto g = share_with(r, agency_a(), {"profile"});
  save_at(r, path, kNow, no_sync());
  REQUIRE(r.saved_file_hashed_when_written());
  const std::string after_save = bundle_of(r, g.grant_id_hex, dir, "a.kartla", no_sync());

  const model::Record opened = reopen(path);
  REQUIRE_FALSE(opened.saved_file_hashed_when_written());  // opened, not written here: hashed on export
  const std::string after_open = bundle_of(opened, g.grant_id_hex, dir, "b.kartla", no_sync());
  CHECK(after_save == after_open);
  CHECK(read_text(view_as(agency_a(), after_save), "profile") == content("profile", "Aino"));

  // A change not yet saved: there is no file to export from.
  r.write_section(section("notes"), content("notes", "changed"));
  CHECK_FALSE(r.saved_file_hashed_when_written());
}

TEST_CASE("over random edits, shares and saves, both exports give the same bytes", "[export][issue17][property]") {
  std::mt19937 random(20261207);
  for (int run = 0; run < 6; ++run) {
    TempDir dir;
    const std::string path = dir.file("r.kartla");
    model::Record r = new_record({{"profile", "start"}});
    std::vector<std::string> grants;
    for (int step = 0; step < 8; ++step) {
      const char* name = kSections[random() % 4];
      switch (random() % 3) {
        case 0:  // new content (sealed at this save) or an unchanged body (copied at the next)
          r.write_section(section(name), content(name, "step " + std::to_string(step) + std::string(random() % 3000, 'x')));
          break;
        case 1:
          if (r.has_section(section(name))) grants.push_back(share_with(r, agency_a(), {name}).grant_id_hex);
          break;
        default:
          break;
      }
      save_at(r, path, kNow, no_sync());
      const model::Record opened = reopen(path);
      for (size_t i = 0; i < grants.size(); ++i) {
        INFO("run " << run << " step " << step << " grant " << i);
        CHECK(bundle_of(r, grants[i], dir, "a.kartla", no_sync()) == bundle_of(opened, grants[i], dir, "b.kartla", no_sync()));
      }
    }
  }
}

TEST_CASE("a body damaged in the saved file after the save is refused by the agency", "[export][issue17]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  // Larger than the head a file source reads once (64 KiB), so the body is read from the file.
  model::Record r = new_record({{"profile", std::string(200000, 'A')}});
  const auto g = share_with(r, agency_a(), {"profile"});
  save_at(r, path, kNow, no_sync());

  // Flip a byte of the profile's body in the file itself (the same file the record reads from).
  std::string bytes = read_plain(path);
  const format::VerifiedContainer c = format::read_container(format::OwnedMemorySource(bytes));
  const format::ContainerSection* profile = entry_in(c, r, "profile");
  REQUIRE(profile != nullptr);
  const size_t at = static_cast<size_t>(profile->body_offset + profile->entry.ciphertext_length / 2);
  bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
  write_plain(path, bytes);

  // The export trusts the hash of its own save and passes the bytes on; the agency's reader
  // checks the body against the signed manifest and releases nothing.
  const std::string bundle = bundle_of(r, g.grant_id_hex, dir, "damaged.kartla", no_sync());
  const share::AgencyView view = view_as(agency_a(), bundle);
  CHECK(code_of([&] { (void)read_text(view, "profile"); }) == Code::integrity);

  // An export from the file as opened still hashes, and refuses.
  const model::Record opened = reopen(path);
  CHECK(code_of([&] { (void)bundle_of(opened, g.grant_id_hex, dir, "refused.kartla", no_sync()); }) ==
        Code::integrity);
}
