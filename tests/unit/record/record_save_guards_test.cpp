// SPDX-License-Identifier: Apache-2.0
// What Record::open and Record::save refuse: another owner's record, a share bundle, a lost
// update, and overwriting a file that is not this record, including when the file cannot be read.
#include <catch2/catch.hpp>

#include <string>

#include "base/error.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/file_source.h"
#include "model/verify.h"
#include "faulty_file_system.h"
#include "record_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

namespace {

auto has_code(Code code) {
  return Catch::Predicate<Error>([code](const Error& e) { return e.code() == code; },
                                 "error code " + std::to_string(static_cast<int>(code)));
}

Record open_file(const std::string& path, const io::FileSystem& fs = io::real_file_system()) {
  return Record::open(std::make_shared<format::FileSource>(path, fs), owner_keys());
}

}  // namespace

TEST_CASE("a record opened with another identity's keys is Error(auth)", "[record][guards]") {
  const std::string file = small_record_file();
  CHECK_THROWS_MATCHES(open_bytes(file, keys_of(stranger_identity())), Error, has_code(Code::auth));
  // Half the owner's keys are not the owner either.
  const model::OwnerKeys mixed{owner_identity().signing_keys(), stranger_identity().box_keys()};
  CHECK_THROWS_MATCHES(open_bytes(file, mixed), Error, has_code(Code::auth));
}

TEST_CASE("a record with sections stripped (a share bundle) does not open as the owner's record", "[record][guards]") {
  const std::string file = small_record_file();
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  REQUIRE(c.sections.size() == 2);
  // Keep the owner's signed manifest, drop one section's entry and body: what a bundle looks like.
  format::RecordHeader header{c.manifest_bytes, c.manifest_signature, {c.sections[0].entry_bytes}, c.grants};
  const std::string bundle = format::encode_container_prefix(header) + format::read_section_body(source, c.sections[0]);
  format::MemorySource bundle_source(bundle);
  const model::VerificationReport report = model::verify_container(bundle_source);  // a valid bundle
  CHECK_FALSE(report.is_full_record());
  CHECK_THROWS_MATCHES(open_bytes(bundle), Error, has_code(Code::format));
}

TEST_CASE("two saves from the same starting point: the second is Error(busy), nothing is lost",
          "[record][guards]") {
  TempDir dir;
  const std::string path = dir.file("shared.kartla");
  write_plain(path, small_record_file());
  Record first = open_file(path);
  Record second = open_file(path);
  first.write_section(section("profile"), sample_content(section("profile"), "first writer"));
  second.write_section(section("profile"), sample_content(section("profile"), "second writer"));
  first.save(path);
  const std::string after_first = read_plain(path);
  CHECK_THROWS_MATCHES(second.save(path), Error, has_code(Code::busy));
  CHECK(read_plain(path) == after_first);
  CHECK(read_section_text(open_bytes(after_first), "profile") ==
        sample_content(section("profile"), "first writer"));
  // The first writer can go on saving.
  first.save(path);
  CHECK(open_bytes(read_plain(path)).sequence() == 4);
}

TEST_CASE("save refuses to overwrite a file that is not this record", "[record][guards]") {
  TempDir dir;
  const std::string path = dir.file("other.kartla");
  const identity::Identity& owner = owner_identity();
  const std::string someone_elses_record = small_record_file("Matti", "not yours");
  const std::string not_kartla = "a shopping list\n";
  for (const std::string& existing : {someone_elses_record, not_kartla, owner.file_bytes(), std::string()}) {
    write_plain(path, existing);
    Record mine = Record::create(owner_keys());
    mine.write_section(section("notes"), sample_content(section("notes"), "mine"));
    CHECK_THROWS_MATCHES(mine.save(path), Error, has_code(Code::invalid_argument));
    CHECK(read_plain(path) == existing);
  }
}

TEST_CASE("a file that exists but cannot be read is not treated as absent", "[record][guards]") {
  // If the check of what is at the path fails with an I/O error, the save must fail too: treating
  // the file as absent would skip both the not-this-record and the lost-update guard.
  TempDir dir;
  const std::string path = dir.file("unreadable.kartla");
  FaultyFileSystem fs;

  const std::string someone_elses_record = small_record_file("Matti", "not yours");
  write_plain(path, someone_elses_record);
  Record mine = Record::create(owner_keys());
  mine.write_section(section("notes"), sample_content(section("notes"), "mine"));
  fs.fail_opening(path, EIO);
  CHECK_THROWS_AS(mine.save(path, fs), Error);
  fs.disarm();
  CHECK(read_plain(path) == someone_elses_record);

  // The same for a stale copy of our own record: the newer version on disk must survive.
  write_plain(path, small_record_file());
  Record stale = open_file(path);
  Record fresh = open_file(path);
  fresh.write_section(section("profile"), sample_content(section("profile"), "newer"));
  fresh.save(path);
  const std::string newer = read_plain(path);
  stale.write_section(section("profile"), sample_content(section("profile"), "older"));
  fs.fail_opening(path, EACCES);
  CHECK_THROWS_AS(stale.save(path, fs), Error);
  fs.disarm();
  CHECK(read_plain(path) == newer);
}
