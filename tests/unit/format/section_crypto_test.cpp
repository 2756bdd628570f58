// SPDX-License-Identifier: Apache-2.0
// Section encryption (docs/SPEC.md §5): key derivation, associated data, slot secrets, tags and
// commitments, padding, key commitment, and the order in which a reader checks them (docs/THREATS.md T10-T12).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "../crypto/test_bytes.h"
#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/hash.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "crypto/random.h"
#include "format/section_crypto.h"

using namespace kartla;
using namespace kartla::format;
using kartla::testing::hex;
using kartla::testing::unhex;

namespace {

crypto::SecretBuffer counting_key() {
  crypto::SecretBuffer key(32);
  for (size_t i = 0; i < key.size(); ++i) key.data()[i] = static_cast<uint8_t>(i);
  return key;
}

Error error_of(const crypto::SecretBuffer& key, const SectionSlot& slot, const SectionEntry& entry,
               const std::string& body) {
  try {
    (void)open_section(key, slot, entry, body);
  } catch (const Error& e) {
    return e;
  }
  FAIL("a section opened where it must not");
  return Error(Code::ok, "");
}

bool mentions(const Error& e, const std::string& text) {
  return std::string(e.what()).find(text) != std::string::npos;
}

const std::string kAeadFailure = "ciphertext failed authentication";
const std::string kCommitmentFailure = "key commitment";
const std::string kHashFailure = "does not match the signed manifest";

// Any 32 bytes will do as a slot tag here: the section layer only copies it into the entry.
const std::string kTag(32, 'T');

}  // namespace

// Known answers from an independent computation (Python hashlib) of the SPEC definitions.
TEST_CASE("section key, associated data and commitment match the spec", "[format][section]") {
  const crypto::SecretBuffer master = counting_key();
  const crypto::SecretBuffer key = derive_section_key(master, 3, 2);
  REQUIRE(hex(key.view()) == "a43e3caacfd2ff32826277b1368ecb40505289d149fb708291c2428b1ea2117b");

  const SectionSlot slot{std::string(16, '\xaa'), 3, 2};
  REQUIRE(section_associated_data(slot) ==
          std::string("kartla/v1/section\0", 18) + unhex("01000000") + std::string(16, '\xaa') + unhex("03000000") +
              unhex("02000000"));
  const crypto::Digest c = key_commitment(key, slot);
  REQUIRE(hex({c.data(), c.size()}) == "c8b5209896482304fd0914ebcfb4efb99abcfba80d3c0a0dd2aa264a898d635f");

  REQUIRE_THROWS_AS(section_associated_data({std::string(15, 'r'), 3, 2}), Error);

  // Slot secret, tag and commitment of section 3 (SPEC §5.3), from the same computation.
  const crypto::SecretBuffer secret = derive_slot_secret(master, 3);
  REQUIRE(hex(secret.view()) == "825a8a46c96b718688972b2fe7c52c2c3abedcfc2592bbe10041c919cf975cfe");
  REQUIRE(hex(slot_tag(secret)) == "3588fb246dd43f3969bdab55f30b547276e63486c1f0e88f3bbbfdf85794473a");
  REQUIRE(hex(slot_commitment(secret)) == "7469215f83278907641e30da8f5e19c0a54b97948a906e8dfb6d9dd22be6c5af");
}

TEST_CASE("section keys differ per section and generation", "[format][section]") {
  const crypto::SecretBuffer master = crypto::random_secret(32);
  const std::string k31 = derive_section_key(master, 3, 1).view().to_string();
  CHECK(k31 != derive_section_key(master, 3, 2).view().to_string());
  CHECK(k31 != derive_section_key(master, 4, 1).view().to_string());
  CHECK(k31 != derive_section_key(master, 1, 3).view().to_string());  // (section, generation) is ordered
  CHECK(k31 == derive_section_key(master, 3, 1).view().to_string());
}

TEST_CASE("a sealed section opens with its key and slot", "[format][section]") {
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const SectionSlot slot{std::string(16, 'r'), 6, 1};
  const SealedSection s = seal_section(key, slot, kTag, std::string("needs a quiet room"));
  CHECK(s.entry.slot_tag == kTag);  // the entry names the slot, never the section or generation
  CHECK(s.entry.ciphertext_length == s.body.size());
  CHECK(s.body.size() == 1024 + 40);  // 18 bytes of content, padded to the 1 KiB floor
  CHECK(s.entry.ciphertext_hash == crypto::digest_bytes(ciphertext_hash(s.body)));
  CHECK(s.entry.key_commitment == crypto::digest_bytes(key_commitment(key, slot)));
  CHECK(open_section(key, slot, s.entry, s.body).view().as_string_view() == "needs a quiet room");
}

TEST_CASE("a section body is the AEAD of the padded content (SPEC §5.2, §5.4)", "[format][section]") {
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const SectionSlot slot{std::string(16, 'r'), 3, 2};
  for (size_t n : {size_t{0}, size_t{1}, size_t{1023}, size_t{1024}, size_t{5000}, size_t{70000}}) {
    const std::string content(n, 'c');
    const SealedSection s = seal_section(key, slot, kTag, content);
    INFO(n << " bytes of content");
    CHECK(s.body.size() == crypto::padded_size(n) + 40);
    // Opened with the AEAD alone, the plaintext is content || 0x80 || zeros.
    const crypto::SecretBuffer padded = crypto::aead_open(key, s.body, section_associated_data(slot));
    std::string expected = content;
    expected.push_back('\x80');
    expected.resize(static_cast<size_t>(crypto::padded_size(n)), '\0');
    CHECK(padded.view().as_string_view() == expected);
    CHECK(open_section(key, slot, s.entry, s.body).view().as_string_view() == content);
  }
  // One content, one size: two contents of different lengths in one bucket look the same.
  CHECK(seal_section(key, slot, kTag, std::string(3, 'a')).body.size() ==
        seal_section(key, slot, kTag, std::string(900, 'a')).body.size());
}

TEST_CASE("a body that authenticates but is not canonically padded is Error(format)", "[format][section]") {
  // Made with the section key and the right AD, so the commitment, the hash and the AEAD pass:
  // only the padding rule is left to refuse it.
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const SectionSlot slot{std::string(16, 'r'), 3, 2};
  auto sealed_raw = [&](const std::string& plaintext) {
    SealedSection s;
    s.body = crypto::aead_seal(key, plaintext, section_associated_data(slot));
    s.entry = {kTag, s.body.size(), crypto::digest_bytes(ciphertext_hash(s.body)),
               crypto::digest_bytes(key_commitment(key, slot))};
    return s;
  };
  std::string too_much = "abc";  // 3 bytes of content padded to 1088: its form is 1024
  too_much.push_back('\x80');
  too_much.resize(1088, '\0');
  std::string no_marker(1024, '\0');
  std::string junk_after = "abc";
  junk_after.push_back('\x80');
  junk_after.resize(1024, '\0');
  junk_after[600] = '\x01';
  std::string unpadded = "abc";  // the old, unpadded form
  for (const std::string& plaintext : {too_much, no_marker, junk_after, unpadded}) {
    const SealedSection s = sealed_raw(plaintext);
    INFO(plaintext.size() << " bytes");
    CHECK(error_of(key, slot, s.entry, s.body).code() == Code::format);
  }
  std::string good = "abc";
  good.push_back('\x80');
  good.resize(1024, '\0');
  const SealedSection s = sealed_raw(good);
  CHECK(open_section(key, slot, s.entry, s.body).view().as_string_view() == "abc");
}

TEST_CASE("slot secrets, tags and the slot table follow SPEC §5.3", "[format][section]") {
  const crypto::SecretBuffer master = counting_key();
  const std::string table = slot_commitment_table(master);
  REQUIRE(table.size() == 64 * 32);
  std::set<std::string> tags, commitments;
  for (uint32_t id = 1; id <= 64; ++id) {
    const crypto::SecretBuffer secret = derive_slot_secret(master, id);
    // Independently of the library's helpers: KDF(RMK, "kartlaSS", i), then labelled hashes.
    REQUIRE(secret.view().as_string_view() == crypto::derive_subkey(master, "kartlaSS", id).view().as_string_view());
    const std::string tag = slot_tag(secret);
    REQUIRE(tag == crypto::digest_bytes(crypto::labelled_hash("kartla/v1/slot-tag", secret.view())));
    const std::string commitment = slot_commitment(secret);
    REQUIRE(commitment == crypto::digest_bytes(crypto::labelled_hash("kartla/v1/slot-commitment", secret.view())));
    REQUIRE(table.substr((id - 1) * 32, 32) == commitment);  // position id - 1
    REQUIRE(tag != commitment);
    tags.insert(tag);
    commitments.insert(commitment);
    // Another KDF context: the slot secret is not the section key of generation 1.
    REQUIRE(secret.view().as_string_view() != derive_section_key(master, id, 1).view().as_string_view());
    REQUIRE_NOTHROW(check_slot_secret(table, id, secret));
  }
  CHECK(tags.size() == 64);
  CHECK(commitments.size() == 64);
  // Another record's master key gives other tags and another table.
  const crypto::SecretBuffer other = crypto::random_secret(32);
  CHECK(slot_commitment_table(other) != table);
  CHECK(slot_tag(derive_slot_secret(other, 1)) != slot_tag(derive_slot_secret(master, 1)));
}

TEST_CASE("a slot secret must match its section's position in the table", "[format][section]") {
  const crypto::SecretBuffer master = crypto::random_secret(32);
  const std::string table = slot_commitment_table(master);
  auto code = [&](uint32_t id, const crypto::SecretBuffer& secret) {
    try {
      check_slot_secret(table, id, secret);
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  CHECK(code(6, derive_slot_secret(master, 6)) == Code::ok);
  CHECK(code(7, derive_slot_secret(master, 6)) == Code::integrity);  // another section's secret
  CHECK(code(6, derive_slot_secret(crypto::random_secret(32), 6)) == Code::integrity);  // another record's
  CHECK(code(6, crypto::random_secret(32)) == Code::integrity);
}

TEST_CASE("the key commitment is checked before decryption (THREATS.md T12)", "[format][section]") {
  const crypto::SecretBuffer k1 = crypto::random_secret(32), k2 = crypto::random_secret(32);
  const SectionSlot slot{std::string(16, 'r'), 6, 1};
  const SealedSection s = seal_section(k1, slot, kTag, std::string("plaintext A"));

  // An owner shows agency 1 key K1 and agency 2 key K2 for one signed entry. The entry commits to
  // K2, so the holder of K1 is stopped by the commitment, before the AEAD is tried.
  SectionEntry commits_to_k2 = s.entry;
  commits_to_k2.key_commitment = crypto::digest_bytes(key_commitment(k2, slot));
  const Error for_k1 = error_of(k1, slot, commits_to_k2, s.body);
  CHECK(for_k1.code() == Code::integrity);
  CHECK(mentions(for_k1, kCommitmentFailure));
  // The holder of K2 passes the commitment, and the ciphertext (made under K1) fails the AEAD.
  const Error for_k2 = error_of(k2, slot, commits_to_k2, s.body);
  CHECK(for_k2.code() == Code::integrity);
  CHECK(mentions(for_k2, kAeadFailure));

  // Order: a wrong commitment is reported even when the body is garbage too.
  SectionEntry garbage_entry = commits_to_k2;
  garbage_entry.ciphertext_hash.assign(32, 'x');
  CHECK(mentions(error_of(k1, slot, garbage_entry, std::string(1064, 'x')), kCommitmentFailure));
}

TEST_CASE("the associated data binds record, section and generation (THREATS.md T10-T11)", "[format][section]") {
  // Same key, other slot, and an entry made consistent with that slot (commitment recomputed):
  // the hash and commitment pass, so only the AEAD's associated data can refuse the move.
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const SectionSlot home{std::string(16, 'r'), 6, 2};
  const SealedSection s = seal_section(key, home, kTag, std::string("moved ciphertext"));
  REQUIRE(open_section(key, home, s.entry, s.body).view().as_string_view() == "moved ciphertext");

  const SectionSlot elsewhere[] = {
      {std::string(16, 'R'), 6, 2},  // another record
      {std::string(16, 'r'), 5, 2},  // another section
      {std::string(16, 'r'), 6, 1},  // an older generation
      {std::string(16, 'r'), 6, 3},  // a newer generation
  };
  for (const SectionSlot& slot : elsewhere) {
    SectionEntry entry = s.entry;
    entry.key_commitment = crypto::digest_bytes(key_commitment(key, slot));
    INFO("section " << slot.section_id << " generation " << slot.generation);
    const Error e = error_of(key, slot, entry, s.body);
    CHECK(e.code() == Code::integrity);
    CHECK(mentions(e, kAeadFailure));
  }
}

TEST_CASE("an entry for another slot, or a body that does not match it, is refused", "[format][section]") {
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const SectionSlot slot{std::string(16, 'r'), 6, 1};
  const SealedSection s = seal_section(key, slot, kTag, std::string("content"));

  CHECK(error_of(key, {slot.record_id, 7, 1}, s.entry, s.body).code() == Code::integrity);
  CHECK(error_of(key, {slot.record_id, 6, 2}, s.entry, s.body).code() == Code::integrity);

  std::string flipped = s.body;
  flipped[30] = static_cast<char>(flipped[30] ^ 1);
  CHECK(mentions(error_of(key, slot, s.entry, flipped), kHashFailure));
  CHECK(mentions(error_of(key, slot, s.entry, s.body + "x"), kHashFailure));
  SectionEntry wrong_length = s.entry;
  wrong_length.ciphertext_length += 1;
  CHECK(mentions(error_of(key, slot, wrong_length, s.body), kHashFailure));
}
