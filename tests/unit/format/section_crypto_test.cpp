// Section encryption (docs/SPEC.md §5): key derivation, associated data, key commitment, and
// the order in which a reader checks them (docs/THREATS.md T10-T12).
#include <catch2/catch.hpp>

#include <string>

#include "../crypto/test_bytes.h"
#include "base/error.h"
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
  const SealedSection s = seal_section(key, slot, std::string("needs a quiet room"));
  CHECK(s.entry.section_id == 6);
  CHECK(s.entry.generation == 1);
  CHECK(s.entry.ciphertext_length == s.body.size());
  CHECK(s.body.size() == 18 + 40);
  CHECK(s.entry.ciphertext_hash == crypto::digest_bytes(ciphertext_hash(s.body)));
  CHECK(open_section(key, slot, s.entry, s.body).view().as_string_view() == "needs a quiet room");
}

TEST_CASE("the key commitment is checked before decryption (THREATS.md T12)", "[format][section]") {
  const crypto::SecretBuffer k1 = crypto::random_secret(32), k2 = crypto::random_secret(32);
  const SectionSlot slot{std::string(16, 'r'), 6, 1};
  const SealedSection s = seal_section(k1, slot, std::string("plaintext A"));

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
  CHECK(mentions(error_of(k1, slot, garbage_entry, std::string(58, 'x')), kCommitmentFailure));
}

TEST_CASE("the associated data binds record, section and generation (THREATS.md T10-T11)", "[format][section]") {
  // Same key, other slot, and an entry made consistent with that slot (commitment recomputed):
  // the hash and commitment pass, so only the AEAD's associated data can refuse the move.
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const SectionSlot home{std::string(16, 'r'), 6, 2};
  const SealedSection s = seal_section(key, home, std::string("moved ciphertext"));
  REQUIRE(open_section(key, home, s.entry, s.body).view().as_string_view() == "moved ciphertext");

  const SectionSlot elsewhere[] = {
      {std::string(16, 'R'), 6, 2},  // another record
      {std::string(16, 'r'), 5, 2},  // another section
      {std::string(16, 'r'), 6, 1},  // an older generation
      {std::string(16, 'r'), 6, 3},  // a newer generation
  };
  for (const SectionSlot& slot : elsewhere) {
    SectionEntry entry = s.entry;
    entry.section_id = slot.section_id;
    entry.generation = slot.generation;
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
  const SealedSection s = seal_section(key, slot, std::string("content"));

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
