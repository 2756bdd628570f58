// SPDX-License-Identifier: Apache-2.0
// The passphrase key an agent keeps (docs/SPEC.md §4.1.3, docs/AGENT.md, docs/THREATS.md T60):
// it opens its own file and nothing else, it is named by public parts only, and a new passphrase
// makes it useless.
#include <catch2/catch.hpp>

#include <string>

#include "identity_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using identity::Identity;

namespace {

std::string key_bytes(const crypto::SecretBuffer& key) { return std::string(key.view().as_string_view()); }

}  // namespace

TEST_CASE("the exported passphrase key unlocks the same identity without Argon2id", "[identity][agent]") {
  const IdentityFixture& a = alice();
  Identity::UnlockedWithKey unlocked = Identity::unlock_with_passphrase_insecure_export_key(a.file, a.passphrase);
  CHECK(unlocked.identity.signing_keys().public_key == a.signing_key);
  REQUIRE(unlocked.passphrase_key.size() == 32);
  // The key is Argon2id's output for this file: the same as a derivation with the file's parameters.
  const format::IdentityFile file = format::decode_identity_file(a.file);
  CHECK(key_bytes(unlocked.passphrase_key) == key_bytes(crypto::derive_key_from_passphrase(a.passphrase, file.kdf)));

  const Outcome timed = outcome_of([&] {
    const Identity again = Identity::unlock_with_passphrase_key(a.file, unlocked.passphrase_key.view());
    CHECK(again.box_keys().public_key == a.encryption_key);
    CHECK(again.file_bytes() == a.file);
  });
  CHECK(timed.code == Code::ok);
  // Argon2id at the test floor (64 MiB, 3 passes) takes well over 50 ms of CPU; a key unlock does not.
  const Outcome derived = outcome_of([&] { (void)Identity::unlock_with_passphrase(a.file, a.passphrase); });
  CHECK(timed.took * 4 < derived.took);
}

TEST_CASE("a passphrase key opens no other file, and a wrong or short key is a wrong passphrase",
          "[identity][agent]") {
  const IdentityFixture& a = alice();
  const IdentityFixture& b = bob();
  const Identity::UnlockedWithKey alices = Identity::unlock_with_passphrase_insecure_export_key(a.file, a.passphrase);
  const Outcome other = outcome_of([&] { (void)Identity::unlock_with_passphrase_key(b.file, alices.passphrase_key.view()); });
  CHECK(other.code == Code::auth);
  std::string flipped = key_bytes(alices.passphrase_key);
  flipped[7] = static_cast<char>(flipped[7] ^ 1);
  CHECK(outcome_of([&] { (void)Identity::unlock_with_passphrase_key(a.file, flipped); }).code == Code::auth);
  CHECK(outcome_of([&] { (void)Identity::unlock_with_passphrase_key(a.file, flipped.substr(0, 31)); }).code ==
        Code::auth);
  CHECK(outcome_of([&] { (void)Identity::unlock_with_passphrase_key(a.file, flipped + "x"); }).code == Code::auth);
  CHECK(outcome_of([&] { (void)Identity::unlock_with_passphrase_key(a.file, std::string()); }).code == Code::auth);
}

TEST_CASE("the tag names one file's passphrase key and changes with a new passphrase", "[identity][agent]") {
  const IdentityFixture& a = alice();
  const crypto::Digest tag = Identity::passphrase_key_tag(a.file);
  CHECK(tag == Identity::passphrase_key_tag(a.file));
  CHECK(tag != Identity::passphrase_key_tag(bob().file));

  Identity::UnlockedWithKey unlocked = Identity::unlock_with_passphrase_insecure_export_key(a.file, a.passphrase);
  // Remembering a version changes the file's sealed marks, not the key or its name.
  unlocked.identity.set_passphrase(std::string("a new passphrase for alice"));
  const std::string changed = unlocked.identity.file_bytes();
  CHECK(Identity::passphrase_key_tag(changed) != tag);
  // The old key opens nothing after the change: the salt and the wrap are new.
  CHECK(outcome_of([&] { (void)Identity::unlock_with_passphrase_key(changed, unlocked.passphrase_key.view()); })
            .code == Code::auth);
  // Every field the tag covers changes it: flip one byte of the salt in a re-encoded file.
  format::IdentityFile file = format::decode_identity_file(a.file);
  file.kdf.salt[0] = static_cast<char>(file.kdf.salt[0] ^ 1);
  CHECK(Identity::passphrase_key_tag(format::encode_identity_file(file)) != tag);
  file = format::decode_identity_file(a.file);
  file.passphrase_wrap[10] = static_cast<char>(file.passphrase_wrap[10] ^ 1);
  CHECK(Identity::passphrase_key_tag(format::encode_identity_file(file)) != tag);
  file = format::decode_identity_file(a.file);
  file.kdf.opslimit += 1;
  CHECK(Identity::passphrase_key_tag(format::encode_identity_file(file)) != tag);
}

TEST_CASE("a file that is not an identity file has no tag", "[identity][agent]") {
  CHECK(outcome_of([] { (void)Identity::passphrase_key_tag(std::string("not an identity file")); }).code !=
        Code::ok);
}
