// SPDX-License-Identifier: Apache-2.0
// Owner identities: create, unlock, recover, change passphrase (docs/THREATS.md T32-T33, issue 3 item 3).
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <utility>

#include "crypto/sign.h"
#include "format/card_codec.h"
#include "format/identity_codec.h"
#include "identity_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using identity::Identity;

TEST_CASE("a new identity has an owner card, a fingerprint and a readable recovery code", "[identity]") {
  const IdentityFixture& a = alice();
  const format::IdentityFile file = format::decode_identity_file(a.file);
  CHECK(file.kdf.opslimit == crypto::kArgonMinOps);
  CHECK(file.kdf.memlimit_bytes == crypto::kArgonMinMemBytes);
  const format::SignedCard card = format::decode_signed_card(file.signed_card);
  CHECK(card.card.kind == format::CardKind::owner);
  CHECK(card.card.signing_key == a.signing_key);
  CHECK(card.card.encryption_key == a.encryption_key);
  // 128 bits and a 16-bit checksum, as nine groups of four hex digits.
  CHECK(std::regex_match(a.recovery_code, std::regex("([0-9a-f]{4}-){8}[0-9a-f]{4}")));
  CHECK(a.recovery_code != bob().recovery_code);
  CHECK(a.signing_key != bob().signing_key);
}

TEST_CASE("unlocking with the passphrase gives back the same keys", "[identity]") {
  const IdentityFixture& a = alice();
  const Identity id = Identity::unlock_with_passphrase(a.file, a.passphrase);
  CHECK(id.signing_keys().public_key == a.signing_key);
  CHECK(id.box_keys().public_key == a.encryption_key);
  // The secret halves work: a signature made now verifies under the key created earlier.
  const std::string sig = crypto::sign_with_label("kartla/test", id.signing_keys(), std::string("m"));
  CHECK(crypto::verify_with_label("kartla/test", a.signing_key, std::string("m"), sig));
  CHECK(id.file_bytes() == a.file);  // unlocking changes nothing
  CHECK(format::decode_card_file(id.card_file()).card.signing_key == a.signing_key);
  CHECK(std::regex_match(id.fingerprint(), std::regex("([0-9a-f]{4} ){7}[0-9a-f]{4}")));
}

TEST_CASE("a wrong passphrase and a wrong recovery code are Error(auth), each with its own message",
          "[identity]") {
  const IdentityFixture& a = alice();
  const Outcome wrong_pass = outcome_of([&] { Identity::unlock_with_passphrase(a.file, std::string("not it")); });
  CHECK(wrong_pass.code == Code::auth);
  CHECK(wrong_pass.mentions("wrong passphrase"));

  // Bob's code is well formed (its checksum matches), just not Alice's.
  const Outcome wrong_code = outcome_of([&] { Identity::unlock_with_recovery_code(a.file, bob().recovery_code); });
  CHECK(wrong_code.code == Code::auth);
  CHECK(wrong_code.mentions("wrong recovery code"));
  CHECK(wrong_pass.message != wrong_code.message);

  // The passphrase is not a recovery code, nor the reverse.
  CHECK(outcome_of([&] { Identity::unlock_with_passphrase(a.file, a.recovery_code); }).code == Code::auth);
}

TEST_CASE("a mistyped recovery code is caught by its format before any key is tried", "[identity]") {
  const IdentityFixture& a = alice();
  std::string bad_checksum = a.recovery_code;
  char& last = bad_checksum.back();  // a digit of the checksum group: the entropy is untouched
  last = last == '0' ? '1' : '0';
  std::string non_hex = a.recovery_code;
  non_hex[0] = 'g';
  const std::string too_short = a.recovery_code.substr(0, a.recovery_code.size() - 5);
  const std::string too_long = a.recovery_code + "-0000";
  for (const std::string& code : {bad_checksum, non_hex, too_short, too_long, std::string(), std::string("----")}) {
    INFO("code '" << code << "'");
    const Outcome o = outcome_of([&] { Identity::unlock_with_recovery_code(a.file, code); });
    CHECK(o.code == Code::auth);
    CHECK(o.mentions("mistyped"));
  }
}

TEST_CASE("the recovery code unlocks on its own, in any case and with spaces", "[identity]") {
  const IdentityFixture& a = alice();
  std::string shouted = a.recovery_code;
  for (char& c : shouted) c = c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& code : {a.recovery_code, shouted}) {
    const Identity id = Identity::unlock_with_recovery_code(a.file, code);
    CHECK(id.signing_keys().public_key == a.signing_key);
    CHECK(id.box_keys().public_key == a.encryption_key);
  }
}

TEST_CASE("recover, then set a new passphrase: the new one works, the old one does not, the code still does",
          "[identity]") {
  const IdentityFixture& a = alice();
  Identity id = Identity::unlock_with_recovery_code(a.file, a.recovery_code);
  id.set_passphrase(std::string("a brand new passphrase"));
  const std::string updated = id.file_bytes();
  const format::IdentityFile before = format::decode_identity_file(a.file);
  const format::IdentityFile after = format::decode_identity_file(updated);
  CHECK(after.kdf.salt != before.kdf.salt);  // a fresh salt with every new passphrase
  CHECK(after.kdf.opslimit == before.kdf.opslimit);
  CHECK(after.kdf.memlimit_bytes == before.kdf.memlimit_bytes);
  CHECK(after.sealed_secret_keys == before.sealed_secret_keys);  // the keys are not re-encrypted
  CHECK(after.recovery_wrap == before.recovery_wrap);

  CHECK(Identity::unlock_with_passphrase(updated, std::string("a brand new passphrase")).signing_keys().public_key ==
        a.signing_key);
  const Outcome old = outcome_of([&] { Identity::unlock_with_passphrase(updated, a.passphrase); });
  CHECK(old.code == Code::auth);
  CHECK(Identity::unlock_with_recovery_code(updated, a.recovery_code).box_keys().public_key == a.encryption_key);
}

TEST_CASE("passphrases must be non-empty and bounded", "[identity]") {
  const IdentityFixture& a = alice();
  CHECK(outcome_of([&] { Identity::unlock_with_passphrase(a.file, std::string()); }).code == Code::invalid_argument);
  CHECK(outcome_of([&] { Identity::unlock_with_passphrase(a.file, std::string(4097, 'p')); }).code == Code::limit);
  identity::NewIdentity options;
  options.kdf_opslimit = crypto::kArgonMinOps;
  options.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  CHECK(outcome_of([&] { Identity::create(options, std::string()); }).code == Code::invalid_argument);
  // A request for weaker protection than the floor is refused at creation too.
  options.kdf_memlimit_bytes = 32ull << 20;
  CHECK(outcome_of([&] { Identity::create(options, std::string("pass")); }).code == Code::format);
}

TEST_CASE("an identity file whose parts do not belong together fails to unlock", "[identity]") {
  const IdentityFixture& a = alice();
  const IdentityFixture& b = bob();
  // Bob's card swapped into Alice's file: every wrap is bound to the card it was made with.
  format::IdentityFile swapped = format::decode_identity_file(a.file);
  swapped.signed_card = format::decode_identity_file(b.file).signed_card;
  const std::string swapped_file = format::encode_identity_file(swapped);
  CHECK(outcome_of([&] { Identity::unlock_with_passphrase(swapped_file, a.passphrase); }).code == Code::auth);
  CHECK(outcome_of([&] { Identity::unlock_with_passphrase(swapped_file, b.passphrase); }).code == Code::auth);
  CHECK(outcome_of([&] { Identity::unlock_with_recovery_code(swapped_file, a.recovery_code); }).code == Code::auth);
  CHECK(outcome_of([&] { Identity::unlock_with_recovery_code(swapped_file, b.recovery_code); }).code == Code::auth);

  // Bob's sealed keys in Alice's file: the data key opens, the keys do not.
  format::IdentityFile mixed = format::decode_identity_file(a.file);
  mixed.sealed_secret_keys = format::decode_identity_file(b.file).sealed_secret_keys;
  const Outcome o =
      outcome_of([&] { Identity::unlock_with_recovery_code(format::encode_identity_file(mixed), a.recovery_code); });
  CHECK(o.code != Code::ok);
}

TEST_CASE("a new passphrase at a new Argon2id cost: the file records that cost, within the policy", "[identity][kdf]") {
  const IdentityFixture& a = alice();
  Identity id = Identity::unlock_with_recovery_code(a.file, a.recovery_code);
  // Raised (a desktop), then back to the floor (a phone): each time the file says what was asked.
  for (const auto& [ops, mem] : {std::pair<uint64_t, uint64_t>{4, 80ull << 20}, {crypto::kArgonMinOps, crypto::kArgonMinMemBytes}}) {
    id.set_passphrase(std::string("a brand new passphrase"), ops, mem);
    const format::IdentityFile after = format::decode_identity_file(id.file_bytes());
    CHECK(after.kdf.opslimit == ops);
    CHECK(after.kdf.memlimit_bytes == mem);
    CHECK(Identity::unlock_with_passphrase(id.file_bytes(), std::string("a brand new passphrase")).signing_keys().public_key ==
          a.signing_key);
  }
  // Below the floor or above the ceiling: refused, and the identity keeps its last passphrase and cost.
  const std::string kept = id.file_bytes();
  for (const auto& [ops, mem] : {std::pair<uint64_t, uint64_t>{2, crypto::kArgonMinMemBytes}, {3, 32ull << 20},
                                 {crypto::kArgonMaxOps + 1, crypto::kArgonMinMemBytes}, {3, crypto::kArgonMaxMemBytes + (1 << 20)}}) {
    const Outcome refused = outcome_of([&] { id.set_passphrase(std::string("another passphrase"), ops, mem); });
    CHECK((refused.code == Code::format || refused.code == Code::limit));
    CHECK(id.file_bytes() == kept);
  }
}
