// SPDX-License-Identifier: Apache-2.0
// The owner's record end to end in the model layer: every section written, saved, reopened and
// read back; the sequence and previous-manifest chain across saves.
#include <catch2/catch.hpp>

#include <string>

#include "base/error.h"
#include "crypto/encoding.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/file_source.h"
#include "model/verify.h"
#include "record_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

TEST_CASE("every section round trips through a saved record", "[record]") {
  TempDir dir;
  const std::string path = dir.file("all.kartla");
  Record r = Record::create(owner_keys());
  CHECK(r.sequence() == 0);
  CHECK(r.record_id().size() == 16);
  for (const model::SectionInfo& info : model::all_sections()) {
    // The sharing ledger is the library's own (SPEC §7.5): only its writer may store it.
    if (info.owner_only)
      r.write_owner_only_section(info, sample_content(info, "content of " + std::string(info.name)));
    else
      r.write_section(info, sample_content(info, "content of " + std::string(info.name)));
  }
  r.save(path);
  CHECK(r.sequence() == 1);

  const Record back = Record::open(std::make_shared<format::FileSource>(path), owner_keys());
  CHECK(back.record_id() == r.record_id());
  CHECK(back.sequence() == 1);
  CHECK(back.sections().size() == model::all_sections().size());
  for (const model::SectionInfo& info : model::all_sections()) {
    INFO(info.name);
    CHECK(back.has_section(info));
    CHECK(back.read_section(info).view().to_string() == sample_content(info, "content of " + std::string(info.name)));
  }
  const format::FileSource source(path);
  const model::VerificationReport report = model::verify_container(source);
  CHECK(report.is_full_record());
  CHECK(report.sections_listed == model::all_sections().size());
  CHECK(report.sections_present == model::all_sections().size());
  CHECK(report.file_bytes == source.size());
  uint64_t padded_bodies = 0;  // what a keyless reader sees of the sections: padded sizes only
  for (const auto& s : back.sections()) padded_bodies += s.ciphertext_length;
  CHECK(report.section_bytes == padded_bodies);
  CHECK(report.record_id_hex == crypto::to_hex(r.record_id()));
}

TEST_CASE("unsaved writes read back, and removals and rotations survive a save", "[record]") {
  TempDir dir;
  const std::string path = dir.file("edit.kartla");
  Record r = Record::create(owner_keys());
  r.write_section(section("profile"), sample_content(section("profile"), "first"));
  CHECK(read_section_text(r, "profile") == sample_content(section("profile"), "first"));
  r.write_section(section("notes"), sample_content(section("notes"), "note"));
  r.save(path);
  r.write_section(section("profile"), sample_content(section("profile"), "second"));
  r.remove_section(section("notes"));
  r.rotate_section(section("profile"));
  r.save(path);

  const Record back = open_bytes(read_plain(path));
  CHECK(read_section_text(back, "profile") == sample_content(section("profile"), "second"));
  CHECK_FALSE(back.has_section(section("notes")));
  CHECK(back.sections().size() == 1);
  // One counter for the record: profile took 1, notes 2, the rotation of profile 3.
  CHECK(back.sections()[0].generation == 3);
  CHECK_THROWS_MATCHES(back.read_section(section("notes")), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::not_found; }));
}

TEST_CASE("a removed section written again never gets back an old key generation", "[record][generation]") {
  Record r = Record::create(owner_keys());
  r.write_section(section("profile"), sample_content(section("profile"), "first"));
  r.remove_section(section("profile"));
  r.write_section(section("profile"), sample_content(section("profile"), "again"));
  CHECK(r.sections()[0].generation == 2);
  // Also across a save and reopen: the counter is in the owner index sealed in the signed
  // manifest, not only in memory.
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  r.save(path);
  Record back = open_bytes(read_plain(path));
  back.remove_section(section("profile"));
  back.write_section(section("profile"), sample_content(section("profile"), "third"));
  CHECK(back.sections()[0].generation == 3);
}

TEST_CASE("content that is not the section's schema is refused", "[record]") {
  Record r = Record::create(owner_keys());
  CHECK_THROWS_MATCHES(r.write_section(section("profile"), std::string("\xff\xff\xff", 3)), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::schema; }));
  CHECK_FALSE(r.has_section(section("profile")));
}

TEST_CASE("each save grows the sequence by one and chains to the previous manifest", "[record]") {
  TempDir dir;
  const std::string path = dir.file("chain.kartla");
  Record r = Record::create(owner_keys());
  r.write_section(section("profile"), sample_content(section("profile"), "v"));

  std::string previous_manifest;
  for (uint64_t expected = 1; expected <= 4; ++expected) {
    if (expected == 3) {  // a reopened record continues the chain
      r = open_bytes(read_plain(path));
      CHECK(r.sequence() == 2);
    }
    r.save(path);
    CHECK(r.sequence() == expected);
    const std::string file = read_plain(path);
    format::MemorySource source(file);
    const format::VerifiedContainer c = format::read_container(source);
    CHECK(c.manifest.sequence == expected);
    if (expected == 1) {
      CHECK(c.manifest.previous_manifest_hash.empty());
    } else {
      CHECK(c.manifest.previous_manifest_hash == crypto::digest_bytes(format::manifest_hash(previous_manifest)));
    }
    const model::VerificationReport report = model::verify_container(source);
    CHECK(report.sequence == expected);
    CHECK(report.previous_manifest_hash_hex == crypto::to_hex(c.manifest.previous_manifest_hash));
    previous_manifest = c.manifest_bytes;
  }
}

TEST_CASE("the sharing ledger cannot be set or removed through the record, and the record is unchanged",
          "[record][ledger]") {
  // SPEC §7.5: only the library's sharing layer writes it (write_owner_only_section), so no caller
  // can erase or invent the list of who holds keys.
  const model::SectionInfo& ledger = section("sharing_ledger");
  REQUIRE(ledger.owner_only);
  auto code_of = [](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  TempDir dir;
  const std::string path = dir.file("ledger.kartla");
  {
    Record r = Record::create(owner_keys());
    r.write_section(section("profile"), sample_content(section("profile"), "Aino"));
    // A record without a ledger: setting one is refused and none appears.
    CHECK(code_of([&] { r.write_section(ledger, sample_content(ledger, "invented")); }) == Code::invalid_argument);
    CHECK_FALSE(r.has_section(ledger));
    CHECK(code_of([&] { r.remove_section(ledger); }) == Code::invalid_argument);
    r.write_owner_only_section(ledger, sample_content(ledger, "kept by the library"));
    r.save(path);
  }
  const std::string saved = read_plain(path);
  Record r = open_bytes(saved);
  const uint32_t generation = r.generation(ledger);
  REQUIRE_FALSE(r.has_unsaved_changes());
  CHECK(code_of([&] { r.write_section(ledger, sample_content(ledger, "rewritten")); }) == Code::invalid_argument);
  CHECK(code_of([&] { r.write_section(ledger, std::string()); }) == Code::invalid_argument);
  CHECK(code_of([&] { r.remove_section(ledger); }) == Code::invalid_argument);
  CHECK_FALSE(r.has_unsaved_changes());
  CHECK(r.has_section(ledger));
  CHECK(r.generation(ledger) == generation);
  CHECK(read_section_text(r, "sharing_ledger") == sample_content(ledger, "kept by the library"));
  CHECK(r.sections().size() == 2);
  // The file on disk was not touched either.
  CHECK(read_plain(path) == saved);
  // The library's own writer is for owner-only sections only.
  CHECK(code_of([&] { r.write_owner_only_section(section("profile"), sample_content(section("profile"), "x")); }) !=
        Code::ok);
  CHECK(read_section_text(r, "profile") == sample_content(section("profile"), "Aino"));
}
