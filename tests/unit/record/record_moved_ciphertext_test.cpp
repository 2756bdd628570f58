// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T10-T12 and T26 on owner records: a section ciphertext moved into another record, another
// section's slot or another generation fails to open, even when the owner's signature over the
// resulting manifest is valid. A move puts the entry and body under another slot's tag (SPEC §5.3);
// each forgery is re-signed with the owner's key and shown to pass keyless verification first, so
// it is the section encryption's binding that refuses it, and each is tried twice: with the
// entry's original key commitment, and with a commitment recomputed for the new slot (so the AEAD
// itself must refuse).
#include <catch2/catch.hpp>

#include <string>

#include "base/error.h"
#include "format/byte_source.h"
#include "model/verify.h"
#include "record_fixture.h"
#include "record_forgery.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

namespace {

const std::string kCommitmentFailure = "key commitment";
const std::string kAeadFailure = "ciphertext failed authentication";

struct Saved {
  std::string v1, v2;  // the same record before and after a rotation of its profile section
};

// One record, its profile rotated to generation 2 between two saves; and a second record of the
// same owner. Sections: profile (1) and notes (11).
struct Fixture {
  Saved a;
  std::string b;
  Fixture() {
    TempDir dir;
    Record r = Record::create(owner_keys());
    r.write_section(section("profile"), sample_content(section("profile"), "record A profile"));
    r.write_section(section("notes"), sample_content(section("notes"), "record A notes"));
    r.save(dir.file("a.kartla"));
    a.v1 = read_plain(dir.file("a.kartla"));
    r.rotate_section(section("profile"));
    r.save(dir.file("a.kartla"));
    a.v2 = read_plain(dir.file("a.kartla"));

    Record other = Record::create(owner_keys());
    other.write_section(section("profile"), sample_content(section("profile"), "record B profile"));
    other.write_section(section("notes"), sample_content(section("notes"), "record B notes"));
    other.save(dir.file("b.kartla"));
    b = read_plain(dir.file("b.kartla"));
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// The forged file verifies without a key (so it is well formed and validly signed), opens as the
// owner, and then the named section refuses to decrypt with `expected` in its message.
void expect_section_refused(const std::string& forged, const char* name, const std::string& expected) {
  format::MemorySource source(forged);
  REQUIRE_NOTHROW(model::verify_container(source));
  const Record r = open_bytes(forged);
  try {
    (void)r.read_section(section(name));
    FAIL("a moved ciphertext opened");
  } catch (const Error& e) {
    CHECK(e.code() == Code::integrity);
    CHECK(std::string(e.what()).find(expected) != std::string::npos);
  }
}

const crypto::SigningKeyPair& owner_signing() { return owner_identity().signing_keys(); }
const crypto::BoxKeyPair& owner_box() { return owner_identity().box_keys(); }
uint32_t id_of(const char* name) { return section(name).id; }

}  // namespace

TEST_CASE("the fixture re-signs faithfully: an unchanged re-assembly opens (control)", "[record][moved]") {
  const std::string same = put_together(take_apart(fixture().a.v2, owner_box()), owner_signing());
  const Record r = open_bytes(same);
  CHECK(read_section_text(r, "profile") == sample_content(section("profile"), "record A profile"));
  CHECK(read_section_text(r, "notes") == sample_content(section("notes"), "record A notes"));
}

TEST_CASE("a section ciphertext from another record of the same owner does not open (THREATS.md T10)",
          "[record][moved]") {
  for (const bool recommit : {false, true}) {
    INFO("commitment recomputed: " << recommit);
    LooseRecord a = take_apart(fixture().a.v1, owner_box());
    const LooseRecord b = take_apart(fixture().b, owner_box());
    LooseSection moved = b.by_id(id_of("profile"));
    REQUIRE(moved.entry.slot_tag != a.tag(id_of("profile")));  // another record: other slot tags
    claim_slot(moved, a, id_of("profile"), a.generation(id_of("profile")), recommit);
    a.by_id(id_of("profile")) = moved;
    const std::string forged = put_together(a, owner_signing());
    expect_section_refused(forged, "profile", recommit ? kAeadFailure : kCommitmentFailure);
    CHECK(read_section_text(open_bytes(forged), "notes") == sample_content(section("notes"), "record A notes"));
  }
}

TEST_CASE("a section ciphertext moved into another section slot does not open (THREATS.md T10)", "[record][moved]") {
  for (const bool recommit : {false, true}) {
    INFO("commitment recomputed: " << recommit);
    // Swap the two sections' ciphertexts: each lands in the other's slot.
    LooseRecord a = take_apart(fixture().a.v1, owner_box());
    LooseSection profile = a.by_id(id_of("profile")), notes = a.by_id(id_of("notes"));
    claim_slot(profile, a, id_of("notes"), a.generation(id_of("notes")), recommit);
    claim_slot(notes, a, id_of("profile"), a.generation(id_of("profile")), recommit);
    a.by_id(id_of("profile")) = notes;
    a.by_id(id_of("notes")) = profile;
    const std::string forged = put_together(a, owner_signing());
    expect_section_refused(forged, "profile", recommit ? kAeadFailure : kCommitmentFailure);
    expect_section_refused(forged, "notes", recommit ? kAeadFailure : kCommitmentFailure);
  }
}

TEST_CASE("a section ciphertext from an older generation does not open as the current one (THREATS.md T11)",
          "[record][moved]") {
  LooseRecord v1 = take_apart(fixture().a.v1, owner_box());
  const uint32_t current = take_apart(fixture().a.v2, owner_box()).generation(id_of("profile"));
  REQUIRE(current != v1.generation(id_of("profile")));
  for (const bool recommit : {false, true}) {
    INFO("commitment recomputed: " << recommit);
    LooseRecord v2 = take_apart(fixture().a.v2, owner_box());
    LooseSection old = v1.by_id(id_of("profile"));
    // A slot keeps its tag across generations: the old entry already sits in the right slot.
    REQUIRE(old.entry.slot_tag == v2.tag(id_of("profile")));
    claim_slot(old, v2, id_of("profile"), current, recommit);
    v2.by_id(id_of("profile")) = old;
    expect_section_refused(put_together(v2, owner_signing()), "profile", recommit ? kAeadFailure : kCommitmentFailure);
  }
}

TEST_CASE("mixing a section of version 1 into version 2 without the owner's signature fails (THREATS.md T26)",
          "[record][moved]") {
  // The attacker cannot re-sign: the v1 entry is simply not listed in the v2 manifest.
  LooseRecord v1 = take_apart(fixture().a.v1, owner_box());
  format::MemorySource v2_source(fixture().a.v2);
  const format::VerifiedContainer v2 = format::read_container(v2_source);
  format::RecordHeader header{v2.manifest_bytes, v2.manifest_signature, {}, v2.grants};
  std::string bodies;
  for (const auto& s : v2.sections) {
    const bool replace = s.entry.slot_tag == v1.tag(id_of("profile"));
    const LooseSection& old = v1.by_id(id_of("profile"));
    header.section_entries.push_back(replace ? format::encode_section_entry(old.entry) : s.entry_bytes);
    bodies += replace ? old.body : format::read_section_body(v2_source, s);
  }
  const std::string mixed = format::encode_container_prefix(header) + bodies;
  format::MemorySource source(mixed);
  CHECK_THROWS_MATCHES(model::verify_container(source), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::signature; }));
  CHECK_THROWS_MATCHES(open_bytes(mixed), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::signature; }));
}
