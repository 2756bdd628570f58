// SPDX-License-Identifier: Apache-2.0
// SPEC §5.1: a reader carries a section whose id it does not know (a newer writer's, id 1-64) and
// reports it as "unknown"; the owner's index names it, so it is listed, read and re-saved intact.
#include <catch2/catch.hpp>

#include "base/error.h"
#include "format/file_source.h"
#include "record_fixture.h"
#include "record_forgery.h"

using namespace kartla;
using namespace kartla::testing;

namespace {

// What a newer writer would make: the owner's record with a section of id 40 added, sealed,
// indexed and signed exactly as SPEC §5-§6 say.
std::string with_future_section(const std::string& file, const std::string& content) {
  LooseRecord r = take_apart(file, owner_identity().box_keys());
  const uint32_t generation = ++r.index.highest_generation;
  const auto key = owner_section_key(r, 40, generation);
  const format::SealedSection sealed =
      format::seal_section(key, {r.manifest.record_id, 40, generation}, r.tag(40), content);
  r.sections.push_back({sealed.entry, sealed.body});
  r.index.sections.push_back({40, generation});
  return put_together(std::move(r), owner_identity().signing_keys());
}

}  // namespace

TEST_CASE("a section of a newer writer is listed as unknown and kept across saves", "[record][unknown]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = model::Record::create(owner_keys());
  r.write_section(section("profile"), sample_content(section("profile"), "known"));
  r.save(path);
  write_plain(path, with_future_section(read_plain(path), "bytes of a newer schema"));

  model::Record reopened = open_bytes(read_plain(path));
  const auto sections = reopened.sections();
  REQUIRE(sections.size() == 2);
  CHECK(sections[1].id == 40);
  CHECK(sections[1].info == nullptr);  // this library does not know it: reported as "unknown"
  // Saving again after another change keeps it byte for byte (copied, never re-encoded).
  model::Record r2 = model::Record::open(std::make_shared<format::FileSource>(path), owner_keys());
  r2.write_section(section("profile"), sample_content(section("profile"), "changed"));
  r2.save(path);
  LooseRecord after = take_apart(read_plain(path), owner_identity().box_keys());
  CHECK(after.by_id(40).entry.ciphertext_length == sections[1].ciphertext_length);
  CHECK(after.generation(40) == sections[1].generation);
}

TEST_CASE("a section id above 64 has no slot and is refused", "[record][unknown]") {
  model::Record r = model::Record::create(owner_keys());
  const model::SectionInfo too_far{65, "too_far", "kartla.v1.Profile", false, false};
  try {
    r.write_section(too_far, sample_content(section("profile"), "x"));
    FAIL("section id 65 was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Code::invalid_argument);
  }
}
