// SPDX-License-Identifier: Apache-2.0
// What the owner's reader checks beyond the signature (docs/SPEC.md §5.3, §5.4, §6.2, §6.3): every
// entry in its own slot and each slot once, the slot table pairwise distinct and equal to the one
// the record master key gives, the owner index sealed for this version and in agreement with the
// entries, and bodies padded canonically. Each forgery here is re-signed with the owner's key, so
// the signature and the manifest digests pass and only the rule under test can refuse it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/random.h"
#include "format/byte_source.h"
#include "model/verify.h"
#include "record_fixture.h"
#include "record_forgery.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

namespace {

struct Fixture {
  std::string v1, v2;  // one record (profile, notes), saved twice
  Fixture() {
    TempDir dir;
    Record r = Record::create(owner_keys());
    r.write_section(section("profile"), sample_content(section("profile"), "Aino"));
    r.write_section(section("notes"), sample_content(section("notes"), "met on Monday"));
    r.save(dir.file("r.kartla"));
    v1 = read_plain(dir.file("r.kartla"));
    r.write_section(section("notes"), sample_content(section("notes"), "met again on Friday"));
    r.save(dir.file("r.kartla"));
    v2 = read_plain(dir.file("r.kartla"));
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

const crypto::SigningKeyPair& owner_signing() { return owner_identity().signing_keys(); }
const crypto::BoxKeyPair& owner_box() { return owner_identity().box_keys(); }
uint32_t id_of(const char* name) { return section(name).id; }

LooseRecord loose(const std::string& file = fixture().v2) { return take_apart(file, owner_box()); }

template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("accepted a forgery");
  return Error(Code::ok, "");
}

Error verify_error(const std::string& file) {
  return error_of([&] {
    format::MemorySource source(file);
    (void)model::verify_container(source);
  });
}

Error open_error(const std::string& file) {
  return error_of([&] { (void)open_bytes(file); });
}

bool mentions(const Error& e, const std::string& text) { return std::string(e.what()).find(text) != std::string::npos; }

// A forged file that a keyless reader accepts (well formed, validly signed, every body hash good):
// whatever refuses it is the owner's own check.
void require_verifies(const std::string& file) {
  format::MemorySource source(file);
  REQUIRE_NOTHROW(model::verify_container(source));
}

}  // namespace

TEST_CASE("the forgery helpers re-assemble a record that opens (control)", "[record][slots]") {
  const std::string same = put_together(loose(), owner_signing());
  require_verifies(same);
  const Record r = open_bytes(same);
  CHECK(read_section_text(r, "notes") == sample_content(section("notes"), "met again on Friday"));
  CHECK(r.sequence() == 2);
  // The index the forger read is the owner's: ids and generations, and the counter.
  const LooseRecord l = loose();
  CHECK(l.index.sections.size() == 2);
  CHECK(l.generation(id_of("profile")) == r.generation(section("profile")));
  CHECK(l.tag(id_of("notes")) == r.slot_tag(section("notes")));
}

TEST_CASE("an entry that is not in the slot the manifest pairs it with is E_FORMAT (SPEC §6.3 step 6.3)",
          "[record][slots]") {
  // The owner signs a manifest that lists the notes entry under profile's slot tag and the
  // profile entry under notes'. Every digest is listed; only the pairing is wrong.
  LooseRecord r = loose();
  relist(r);
  const std::string profile_tag = r.tag(id_of("profile")), notes_tag = r.tag(id_of("notes"));
  for (auto& ref : r.manifest.sections) ref.slot_tag = ref.slot_tag == profile_tag ? notes_tag : profile_tag;
  format::sort_section_refs(r.manifest.sections);
  const std::string forged = signed_file(r.manifest, r.sections, r.grants, owner_signing());
  for (const Error& e : {verify_error(forged), open_error(forged)}) {
    CHECK(e.code() == Code::format);
    CHECK(mentions(e, "slot"));
  }
}

TEST_CASE("a slot tag repeated in the file or in the manifest is E_FORMAT (SPEC §6.3 steps 4, 6.4)",
          "[record][slots]") {
  // The same signed entry and body twice in the file, listed once.
  LooseRecord twice = loose();
  relist(twice);
  twice.sections.push_back(twice.by_id(id_of("notes")));
  const std::string in_file = signed_file(twice.manifest, twice.sections, twice.grants, owner_signing());
  for (const Error& e : {verify_error(in_file), open_error(in_file)}) {
    CHECK(e.code() == Code::format);
    CHECK(mentions(e, "twice"));
  }

  // Two different entries in one slot, both listed: the manifest would list the tag twice.
  LooseRecord two_entries = loose();
  LooseSection second = two_entries.by_id(id_of("notes"));
  second.entry.key_commitment = std::string(32, 'k');  // another entry for the same slot
  two_entries.sections.push_back(second);
  const std::string listed_twice = put_together(two_entries, owner_signing());
  for (const Error& e : {verify_error(listed_twice), open_error(listed_twice)}) {
    CHECK(e.code() == Code::format);
    CHECK(mentions(e, "ascending"));
  }
}

TEST_CASE("a slot table that repeats a commitment is E_FORMAT (SPEC §5.3, §6.3 step 4)", "[record][slots]") {
  LooseRecord r = loose();
  r.manifest.slot_commitments.replace(5 * 32, 32, r.manifest.slot_commitments.substr(2 * 32, 32));
  const std::string forged = put_together(r, owner_signing());
  for (const Error& e : {verify_error(forged), open_error(forged)}) {
    CHECK(e.code() == Code::format);
    CHECK(mentions(e, "commitment"));
  }
}

TEST_CASE("a slot table that is not the record master key's is E_INTEGRITY for the owner (SPEC §5.3)",
          "[record][slots]") {
  // Signed and well formed (64 distinct commitments), but made from another master key: an agency's
  // slot check against it would pass for slot secrets the owner never issued.
  const crypto::SecretBuffer other = crypto::random_secret(32);
  LooseRecord r = loose();
  r.manifest.slot_commitments = format::slot_commitment_table(other);
  const std::string forged = put_together(r, owner_signing());
  require_verifies(forged);
  const Error e = open_error(forged);
  CHECK(e.code() == Code::integrity);
  CHECK(mentions(e, "slot table"));

  // One position changed is enough.
  LooseRecord one = loose();
  one.manifest.slot_commitments.replace(63 * 32, 32, format::slot_commitment_table(other).substr(63 * 32, 32));
  const std::string one_changed = put_together(one, owner_signing());
  require_verifies(one_changed);
  CHECK(open_error(one_changed).code() == Code::integrity);
}

TEST_CASE("an owner index that disagrees with the entries is E_FORMAT (SPEC §6.2)", "[record][slots]") {
  const uint32_t profile = id_of("profile"), notes = id_of("notes"), languages = id_of("languages");
  struct Case {
    const char* what;
    format::OwnerIndex index;
  };
  const LooseRecord base = loose();
  const uint32_t g_profile = base.generation(profile), g_notes = base.generation(notes);
  const uint32_t highest = base.index.highest_generation;
  const Case cases[] = {
      {"a section missing from the index", {highest, {{profile, g_profile}}}},
      {"an empty index", {highest, {}}},
      {"a section the file does not hold", {highest, {{profile, g_profile}, {languages, 1}, {notes, g_notes}}}},
      // As many sections as entries, but one id whose slot holds no entry.
      {"another section in place of one held", {highest, {{profile, g_profile}, {languages, 1}}}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    LooseRecord r = loose();
    r.index = c.index;
    // The index codec wants ascending ids; the cases are written in that order except where noted.
    std::sort(r.index.sections.begin(), r.index.sections.end(),
              [](const format::IndexedSection& a, const format::IndexedSection& b) { return a.section_id < b.section_id; });
    const std::string forged = put_together(r, owner_signing());
    require_verifies(forged);
    CHECK(open_error(forged).code() == Code::format);
  }

  // A generation above the counter: inconsistent, even when every slot matches.
  LooseRecord above = loose();
  above.index.highest_generation = std::max(g_profile, g_notes) - 1;
  const std::string forged = put_together(above, owner_signing());
  require_verifies(forged);
  const Error e = open_error(forged);
  CHECK(e.code() == Code::format);
  CHECK(mentions(e, "highest"));
}

TEST_CASE("an owner index sealed for another version or record is E_INTEGRITY (SPEC §6.2)", "[record][slots]") {
  // Version 1's sealed index (which still lists the same sections) in version 2's signed manifest.
  LooseRecord v2 = loose(fixture().v2);
  v2.manifest.sealed_index = loose(fixture().v1).manifest.sealed_index;
  v2.reseal_index = false;
  const std::string old_index = put_together(v2, owner_signing());
  require_verifies(old_index);
  const Error e = open_error(old_index);
  CHECK(e.code() == Code::integrity);

  // Sealed by the owner's key for the previous sequence number.
  LooseRecord previous = loose();
  previous.reseal_index = false;
  previous.manifest.sealed_index = format::seal_owner_index(*previous.master_key, previous.manifest.record_id,
                                                            previous.manifest.sequence - 1, previous.index);
  const std::string for_previous = put_together(previous, owner_signing());
  require_verifies(for_previous);
  CHECK(open_error(for_previous).code() == Code::integrity);

  // Sealed for another record id.
  LooseRecord other = loose();
  other.reseal_index = false;
  other.manifest.sealed_index =
      format::seal_owner_index(*other.master_key, std::string(16, 'X'), other.manifest.sequence, other.index);
  const std::string for_other = put_together(other, owner_signing());
  require_verifies(for_other);
  CHECK(open_error(for_other).code() == Code::integrity);

  // Or just damaged (1064 random bytes).
  LooseRecord damaged = loose();
  damaged.reseal_index = false;
  damaged.manifest.sealed_index = crypto::random_secret(format::kSealedIndexBytes).view().to_string();
  const std::string random_index = put_together(damaged, owner_signing());
  require_verifies(random_index);
  CHECK(open_error(random_index).code() == Code::integrity);
}

TEST_CASE("a body that is not padded as SPEC §5.4 requires is refused", "[record][slots]") {
  // The owner re-encrypts the profile's content with its own key and AD, so commitment, hash and
  // AEAD all pass; only the padding differs.
  const uint32_t profile = id_of("profile");
  const std::string content = sample_content(section("profile"), "Aino");
  auto resealed = [&](const std::string& plaintext) {
    LooseRecord r = loose();
    const uint32_t generation = r.generation(profile);
    const auto key = owner_section_key(r, profile, generation);
    const format::SectionSlot slot{r.manifest.record_id, profile, generation};
    LooseSection& s = r.by_id(profile);
    s.body = crypto::aead_seal(key, plaintext, format::section_associated_data(slot));
    s.entry.ciphertext_length = s.body.size();
    s.entry.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(s.body));
    return put_together(r, owner_signing());
  };

  // Unpadded (a body of content + 40 bytes): its length alone is refused, without a key.
  const std::string unpadded = resealed(content);
  CHECK(verify_error(unpadded).code() == Code::format);
  CHECK(mentions(verify_error(unpadded), "padded"));
  CHECK(open_error(unpadded).code() == Code::format);

  // A padded length, but not this content's: a second padded form. Only the owner (after the AEAD)
  // can see it, and nothing is released.
  std::string too_long = content;
  too_long.push_back('\x80');
  too_long.resize(1088, '\0');
  const std::string second_form = resealed(too_long);
  require_verifies(second_form);
  const Record r = open_bytes(second_form);
  const Error e = error_of([&] { (void)r.read_section(section("profile")); });
  CHECK(e.code() == Code::format);
  uint8_t out[2048];
  const Error into = error_of([&] { (void)r.read_section_into(section("profile"), out, sizeof out); });
  CHECK(into.code() == Code::format);
  CHECK(read_section_text(r, "notes") == sample_content(section("notes"), "met again on Friday"));

  // Control: the canonical form of the same content, sealed the same way, opens.
  std::string canonical = content;
  canonical.push_back('\x80');
  canonical.resize(1024, '\0');
  CHECK(read_section_text(open_bytes(resealed(canonical)), "profile") == content);
}
