// SPDX-License-Identifier: Apache-2.0
// Issue 17, "share hashes each body once": a bundle exported from the record file this process has
// just saved copies the bodies without hashing them again (the save hashed every one on its way
// in). These tests hold what that must not change: the bundle is byte for byte the one an export
// with the hash makes, and a body damaged after the save still reaches no agency as content.
#include <catch2/catch.hpp>

#include <map>
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

namespace {

std::string read_text_of(const model::Record& r, const char* name) {
  const crypto::SecretBuffer text = r.read_section(section(name));
  return std::string(reinterpret_cast<const char*>(text.data()), text.size());
}

// Flips one byte in the middle of a section's body in the file itself (the inode the record reads).
void damage_body(const std::string& path, const model::Record& r, const char* name) {
  std::string bytes = read_plain(path);
  const format::VerifiedContainer c = format::read_container(format::OwnedMemorySource(bytes));
  const format::ContainerSection* s = entry_in(c, r, name);
  REQUIRE(s != nullptr);
  const size_t at = static_cast<size_t>(s->body_offset + s->entry.ciphertext_length / 2);
  bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
  write_plain(path, bytes);
}

}  // namespace

// `share` scans a section for health data (a whole read, hash included) and then saves: the save
// copies that body without hashing it a second time. What must hold: a body damaged after the
// read still reaches nobody as content (every reader of the new file refuses it), and a body
// nobody read in this process is still hashed on the copy and refused by the save itself.
TEST_CASE("a save copies a body it already read without a second hash; readers still refuse damage",
          "[export][issue17]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  {
    model::Record r = new_record({{"profile", std::string(200000, 'A')}, {"notes", std::string(200000, 'N')}});
    save_at(r, path, kNow, no_sync());
  }
  model::Record read_first = reopen(path);
  model::Record not_read = reopen(path);
  REQUIRE(read_first.read_section(section("profile")).size() == content("profile", std::string(200000, 'A')).size());
  damage_body(path, read_first, "profile");

  // Read before the damage: copied unhashed, so the save succeeds, and the new file's every
  // reader refuses the profile while the undamaged notes read as before.
  read_first.write_section(section("languages"), content("languages", "sv"));
  const std::string copied = dir.file("copied.kartla");
  save_at(read_first, copied, kNow, no_sync());
  const model::Record reopened = reopen(copied);
  CHECK(code_of([&] { (void)reopened.read_section(section("profile")); }) == Code::integrity);
  CHECK(reopened.read_section(section("notes")).size() > 0);

  // Never read in this process: hashed on the copy, and the save refuses to carry the damage.
  not_read.write_section(section("languages"), content("languages", "sv"));
  CHECK(code_of([&] { save_at(not_read, dir.file("refused.kartla"), kNow, no_sync()); }) == Code::integrity);
}

TEST_CASE("over random reads, edits and saves, every saved file reads back what was written",
          "[export][issue17][property]") {
  std::mt19937 random(20261208);
  for (int run = 0; run < 6; ++run) {
    TempDir dir;
    const std::string path = dir.file("r.kartla");
    std::map<std::string, std::string> expected = {{"profile", content("profile", "start")}};
    model::Record r = new_record({{"profile", "start"}});
    save_at(r, path, kNow, no_sync());
    r = reopen(path);
    for (int step = 0; step < 10; ++step) {
      const char* name = kSections[random() % 4];
      switch (random() % 3) {
        case 0: {
          const std::string text = content(name, "step " + std::to_string(step) + std::string(random() % 90000, 'x'));
          r.write_section(section(name), text);
          expected[name] = text;
          break;
        }
        case 1:  // a whole read marks the body checked; the next save copies it unhashed
          if (r.has_section(section(name))) CHECK(read_text_of(r, name) == expected[name]);
          break;
        default:
          break;
      }
      save_at(r, path, kNow, no_sync());
      if (random() % 2) r = reopen(path);  // sometimes a fresh handle, whose bodies nobody read yet
      const model::Record check = reopen(path);
      for (const auto& [section_name, text] : expected) {
        INFO("run " << run << " step " << step << " section " << section_name);
        CHECK(read_text_of(check, section_name.c_str()) == text);
      }
    }
  }
}
