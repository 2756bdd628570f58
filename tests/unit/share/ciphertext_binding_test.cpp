// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T10, T11 and T26 on what an agency receives: a section ciphertext spliced in from another
// record of the same owner, from an older key generation of the same record, or from another
// section of the same bundle, fails to open (integrity) - even when the owner re-signs the result,
// so that the signature and the manifest's hashes pass and only the key commitment and the AEAD's
// associated data stand. Each "only the AD differs" forgery has a positive control: the same
// forgery with a ciphertext made for the right slot opens, so it is the binding that refuses.
#include <catch2/catch.hpp>

#include "crypto/aead.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

const uint32_t kProfile = model::section_by_name("profile").id;
const uint32_t kNotes = model::section_by_name("notes").id;

struct Fixture {
  TempDir dir;
  std::string v1;     // A's bundle before the profile's key rotation
  std::string v2;     // A's bundle after it (profile under a new generation, notes unchanged)
  std::string other;  // A's bundle of another record of the same owner
  Fixture() {
    model::Record r = new_record({{"profile", "R1 profile"}, {"notes", "R1 notes"}});
    const auto to_a = share_with(r, agency_a(), {"profile", "notes"});
    (void)share_with(r, agency_b(), {"profile"});
    r.save(dir.file("r1.kartla"));
    v1 = bundle_of(r, to_a.grant_id_hex, dir);
    // Revoking B rotates the profile to a new generation and re-issues A's grant under its key.
    (void)share::revoke_agency(r, agency_b().card_file(), kNow + 10);
    r.save(dir.file("r1.kartla"));
    v2 = bundle_of(r, to_a.grant_id_hex, dir);

    model::Record r2 = new_record({{"profile", "R2 profile"}});
    const auto g2 = share_with(r2, agency_a(), {"profile"});
    r2.save(dir.file("r2.kartla"));
    other = bundle_of(r2, g2.grant_id_hex, dir);
  }
};

const Fixture& fx() {
  static const Fixture f;
  return f;
}

Code read_code(const std::string& file, uint32_t section_id, std::string* message = nullptr) {
  const std::function<void()> read = [&] {
    (void)view_as(agency_a(), file).read_section(*model::section_by_id(section_id), kNow);
  };
  if (message != nullptr) *message = message_of(read);
  return code_of(read);
}

// The forged file is well formed and validly signed: a keyless reader accepts it.
void require_keyless_ok(const std::string& file) {
  format::MemorySource source(file);
  REQUIRE_NOTHROW(format::read_container(source));
}

// `bundle` with `section_id`'s body replaced by `body`, A's grant replaced by one carrying `key`
// for that slot, and the entry committing to `key`: owner-signed, so only the AEAD (key and
// associated data) can still refuse.
std::string forge_with_key(const std::string& bundle, uint32_t section_id, std::string body,
                           const crypto::SecretBuffer& key) {
  Loose l = take_apart(bundle);
  LooseSection& s = l.by_id(section_id);
  put_body(s, std::move(body));
  recommit(s, l.manifest.record_id, key);
  grant_for(l, agency_a()).bytes = seal_grant_to(agency_a(), l.manifest.record_id, section_id, s.generation, key,
                                                  owner_slot_secret(l.manifest, section_id), "forged");
  return resign_as_owner(std::move(l));
}

// Generations come from one record-wide counter (SPEC §5.2): read them, never assume them.
uint32_t generation_in(const std::string& bundle, uint32_t section_id) {
  return take_apart(bundle).by_id(section_id).generation;
}

std::string plaintext_of(const std::string& bundle, uint32_t section_id) {
  return view_as(agency_a(), bundle).read_section(*model::section_by_id(section_id), kNow).view().to_string();
}

}  // namespace

TEST_CASE("the fixture bundles open as they should", "[binding]") {
  CHECK(contains(plaintext_of(fx().v1, kProfile), "R1 profile"));
  CHECK(contains(plaintext_of(fx().v2, kProfile), "R1 profile"));
  CHECK(contains(plaintext_of(fx().v2, kNotes), "R1 notes"));
  CHECK(contains(plaintext_of(fx().other, kProfile), "R2 profile"));
  CHECK(generation_in(fx().v2, kProfile) > generation_in(fx().v1, kProfile));
  CHECK(generation_in(fx().v2, kNotes) != generation_in(fx().v2, kProfile));
}

TEST_CASE("a ciphertext spliced from another record of the same owner fails", "[binding]") {
  const std::string foreign_body = take_apart(fx().other).by_id(kProfile).body;

  SECTION("with the entry's hash fixed and the manifest re-signed by the owner") {
    Loose l = take_apart(fx().v2);
    put_body(l.by_id(kProfile), foreign_body);
    const std::string forged = resign_as_owner(std::move(l));
    require_keyless_ok(forged);
    CHECK(read_code(forged, kProfile) == Code::integrity);
  }
  SECTION("with the foreign record's own key granted and committed to: only the AD's record id differs") {
    const Loose foreign = take_apart(fx().other);
    const auto foreign_key = owner_section_key(foreign.manifest, kProfile, generation_in(fx().other, kProfile));
    const Loose mine = take_apart(fx().v2);
    const std::string forged = forge_with_key(fx().v2, kProfile, foreign_body, foreign_key);
    require_keyless_ok(forged);
    std::string message;
    CHECK(read_code(forged, kProfile, &message) == Code::integrity);
    CHECK_FALSE(contains(message, "commitment"));  // the commitment passed: the AEAD refused

    // Control: the same plaintext and key, encrypted for this record's slot, opens.
    const auto slot = format::SectionSlot{mine.manifest.record_id, kProfile, generation_in(fx().v2, kProfile)};
    const std::string rebound = format::seal_section(foreign_key, slot, mine.sections[0].entry.slot_tag, content("profile", "R2 profile")).body;
    CHECK(contains(plaintext_of(forge_with_key(fx().v2, kProfile, rebound, foreign_key), kProfile), "R2 profile"));
  }
  SECTION("without re-signing") {
    Loose l = take_apart(fx().v2);
    l.by_id(kProfile).body = foreign_body;  // the entry still names the old hash and length
    l.by_id(kProfile).entry.ciphertext_length = foreign_body.size();
    CHECK(read_code(with_original_signature(l), kProfile) != Code::ok);
    put_body(l.by_id(kProfile), foreign_body);  // the entry changes, so it is no longer listed
    CHECK(read_code(with_original_signature(l), kProfile) == Code::signature);
  }
}

TEST_CASE("a ciphertext from an older key generation of the same record fails", "[binding]") {
  const std::string old_body = take_apart(fx().v1).by_id(kProfile).body;

  SECTION("in the new generation's entry, re-signed by the owner") {
    Loose l = take_apart(fx().v2);
    put_body(l.by_id(kProfile), old_body);
    const std::string forged = resign_as_owner(std::move(l));
    require_keyless_ok(forged);
    CHECK(read_code(forged, kProfile) == Code::integrity);
  }
  SECTION("with the old generation's key granted and committed to: only the AD's generation differs") {
    const Loose l = take_apart(fx().v2);
    const auto old_key = owner_section_key(l.manifest, kProfile, generation_in(fx().v1, kProfile));
    const std::string forged = forge_with_key(fx().v2, kProfile, old_body, old_key);
    require_keyless_ok(forged);
    std::string message;
    CHECK(read_code(forged, kProfile, &message) == Code::integrity);
    CHECK_FALSE(contains(message, "commitment"));

    const auto slot = format::SectionSlot{l.manifest.record_id, kProfile, generation_in(fx().v2, kProfile)};
    const std::string rebound = format::seal_section(old_key, slot, l.sections[0].entry.slot_tag, content("profile", "old text")).body;
    CHECK(contains(plaintext_of(forge_with_key(fx().v2, kProfile, rebound, old_key), kProfile), "old text"));
  }
  SECTION("mix and match without re-signing (THREATS.md T26)") {
    const Loose old = take_apart(fx().v1);
    Loose l = take_apart(fx().v2);
    // The old body under the new entry: its hash does not match.
    l.by_id(kProfile).body = old_body;
    CHECK(read_code(with_original_signature(l), kProfile) == Code::integrity);
    // The old entry and body under the new manifest: the entry is not listed.
    l = take_apart(fx().v2);
    l.by_id(kProfile) = take_apart(fx().v1).by_id(kProfile);
    CHECK(read_code(with_original_signature(l), kProfile) == Code::signature);
    // The old grant (generation 1 keys) in the new bundle: not listed.
    l = take_apart(fx().v2);
    l.grants[0] = old.grants[0];
    CHECK(read_code(with_original_signature(l), kProfile) == Code::signature);
    // The new sections under the old manifest and signature: not listed.
    Loose mixed = take_apart(fx().v1);
    mixed.sections = take_apart(fx().v2).sections;
    CHECK(read_code(with_original_signature(mixed), kProfile) == Code::signature);
  }
}

TEST_CASE("a bundle with two section ciphertexts swapped fails", "[binding]") {
  const Loose original = take_apart(fx().v2);
  const std::string profile_body = original.sections[0].section_id == kProfile ? original.sections[0].body
                                                                                     : original.sections[1].body;
  const std::string notes_body = original.sections[0].section_id == kNotes ? original.sections[0].body
                                                                                 : original.sections[1].body;
  SECTION("bodies swapped, nothing else touched") {
    // The entries keep their lengths, so each entry's range now holds (part of) the other body.
    Loose l = take_apart(fx().v2);
    std::swap(l.sections[0].body, l.sections[1].body);
    const std::string swapped = with_original_signature(l);
    CHECK(read_code(swapped, kProfile) == Code::integrity);
    CHECK(read_code(swapped, kNotes) == Code::integrity);
  }
  SECTION("bodies swapped, hashes fixed, re-signed by the owner") {
    Loose l = take_apart(fx().v2);
    put_body(l.by_id(kProfile), notes_body);
    put_body(l.by_id(kNotes), profile_body);
    const std::string forged = resign_as_owner(std::move(l));
    require_keyless_ok(forged);
    CHECK(read_code(forged, kProfile) == Code::integrity);
    CHECK(read_code(forged, kNotes) == Code::integrity);
  }
  SECTION("the notes key granted for the profile slot: only the AD's section id differs") {
    const auto notes_key = owner_section_key(original.manifest, kNotes, generation_in(fx().v2, kNotes));
    const std::string forged = forge_with_key(fx().v2, kProfile, notes_body, notes_key);
    require_keyless_ok(forged);
    std::string message;
    CHECK(read_code(forged, kProfile, &message) == Code::integrity);
    CHECK_FALSE(contains(message, "commitment"));

    const auto slot = format::SectionSlot{original.manifest.record_id, kProfile, generation_in(fx().v2, kProfile)};
    const std::string rebound = format::seal_section(notes_key, slot, original.sections[0].entry.slot_tag, content("profile", "moved")).body;
    CHECK(contains(plaintext_of(forge_with_key(fx().v2, kProfile, rebound, notes_key), kProfile), "moved"));
  }
}
