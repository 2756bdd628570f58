// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "crypto/random.h"
#include "crypto/sign.h"
#include "forge.h"
#include "test_bytes.h"

using namespace kartla::crypto;
using namespace kartla::testing;

namespace {

constexpr const char* kLabel = "kartla/test/signed-thing";
const std::string kMessage = "exact manifest bytes";

// Every encoding of an Ed25519 point of small order: the eight points, the non-canonical
// encodings with y >= p, and "negative zero" (x = 0 with the sign bit set).
const std::vector<std::string> kSmallOrderEncodings = {
    "0100000000000000000000000000000000000000000000000000000000000000",  // identity
    "0100000000000000000000000000000000000000000000000000000000000080",  // identity, -0 (non-canonical)
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // order 2, -0 (non-canonical)
    "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
    "0000000000000000000000000000000000000000000000000000000000000080",  // order 4
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",  // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",  // order 8
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p: order 4, non-canonical
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",  // y = p, other sign
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p + 1: identity, non-canonical
};

struct Signer {
  SecretBuffer seed = random_secret(kSignSeedBytes);
  SigningKeyPair keys = signing_keypair_from_seed(seed);
};

}  // namespace

TEST_CASE("labelled signatures verify under their own label, key and message only", "[crypto][sign]") {
  const Signer signer;
  const std::string sig = sign_with_label(kLabel, signer.keys, kMessage);
  REQUIRE(sig.size() == kSignatureBytes);
  REQUIRE(verify_with_label(kLabel, signer.keys.public_key, kMessage, sig));
  REQUIRE(sign_with_label(kLabel, signer.keys, kMessage) == sig);  // Ed25519 is deterministic

  REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key, kMessage + " ", sig));
  REQUIRE_FALSE(verify_with_label(kLabel, Signer().keys.public_key, kMessage, sig));
  for (size_t i = 0; i < sig.size(); ++i) {
    std::string bad = sig;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    INFO("signature byte " << i);
    REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key, kMessage, bad));
  }
  REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key, kMessage, sig.substr(0, 63)));
  REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key.substr(0, 31), kMessage, sig));

  // The same seed always gives the same key pair (the identity file stores only the seed).
  REQUIRE(signing_keypair_from_seed(signer.seed).public_key == signer.keys.public_key);
}

TEST_CASE("a signature under one label never verifies under another (THREATS.md T17)", "[crypto][sign]") {
  const Signer signer;
  const std::vector<std::string> labels = {"kartla/v1/manifest", "kartla/v1/card", "kartla/v1/grant",
                                           "kartla/v1/attestation", "kartla/v1/manifest2", ""};
  for (const auto& signed_under : labels) {
    const std::string sig = sign_with_label(signed_under, signer.keys, kMessage);
    for (const auto& checked_under : labels) {
      INFO("signed under '" << signed_under << "', checked under '" << checked_under << "'");
      REQUIRE(verify_with_label(checked_under, signer.keys.public_key, kMessage, sig) ==
              (signed_under == checked_under));
    }
  }
  // The 0x00 after the label keeps label and message apart: ("ab", "c") is not ("a", "bc").
  const std::string sig = sign_with_label("kartla/ab", signer.keys, std::string("c"));
  REQUIRE_FALSE(verify_with_label("kartla/a", signer.keys.public_key, std::string("bc"), sig));
}

TEST_CASE("S >= L is rejected: no malleable signatures (THREATS.md T16)", "[crypto][sign]") {
  const Signer signer;
  for (int i = 0; i < 8; ++i) {
    const std::string message = kMessage + std::to_string(i);
    const std::string sig = sign_with_label(kLabel, signer.keys, message);
    REQUIRE(verify_with_label(kLabel, signer.keys.public_key, message, sig));
    // S + L is the same scalar mod L: a verifier that reduces S would accept it.
    const std::string malleated = add_group_order_to_s(sig);
    REQUIRE(malleated != sig);
    REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key, message, malleated));
    REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key, message,
                                    add_group_order_to_s(malleated)));  // S + 2L
  }
}

TEST_CASE("a hand-built signature verifies (control for the forgeries below)", "[crypto][sign]") {
  const Signer signer;
  const std::string sig = sign_by_hand(signer.seed.view(), signer.keys.public_key, kLabel, kMessage, random_scalar());
  REQUIRE(verify_with_label(kLabel, signer.keys.public_key, kMessage, sig));
}

TEST_CASE("small-order and non-canonical R are rejected (THREATS.md T16)", "[crypto][sign]") {
  const Signer signer;
  {
    // Control: with R = identity the forgery satisfies even the cofactorless equation
    // [S]B = R + [k]A = [k]A, so only the small-order check can refuse it.
    const std::string identity = unhex(kSmallOrderEncodings[0]);
    const std::string forged =
        sign_with_small_order_r(signer.seed.view(), signer.keys.public_key, kLabel, kMessage, identity);
    const Bytes32 k = challenge(identity, signer.keys.public_key, kLabel, kMessage);
    Bytes32 sb{}, ka{};
    REQUIRE(crypto_scalarmult_ed25519_base_noclamp(sb.data(), reinterpret_cast<const uint8_t*>(forged.data()) + 32) == 0);
    REQUIRE(crypto_scalarmult_ed25519_noclamp(ka.data(), k.data(),
                                              reinterpret_cast<const uint8_t*>(signer.keys.public_key.data())) == 0);
    REQUIRE(sb == ka);
  }
  for (const std::string& r_hex : kSmallOrderEncodings) {
    INFO("R = " << r_hex);
    const std::string forged =
        sign_with_small_order_r(signer.seed.view(), signer.keys.public_key, kLabel, kMessage, unhex(r_hex));
    REQUIRE_FALSE(verify_with_label(kLabel, signer.keys.public_key, kMessage, forged));
  }
}

TEST_CASE("small-order and non-canonical public keys are rejected (THREATS.md T16)", "[crypto][sign]") {
  // R = identity and S = 0 satisfy [8][S]B = [8]R + [8][k]A for every small-order A and every
  // message, and [S]B = R + [k]A as well when A is the identity: a universal forgery for any
  // verifier that accepts such keys.
  const std::string identity = unhex(kSmallOrderEncodings[0]);
  const std::string forged = identity + std::string(32, '\0');
  for (const std::string& a_hex : kSmallOrderEncodings) {
    INFO("A = " << a_hex);
    for (const std::string& message : {kMessage, std::string(), std::string("another message")})
      REQUIRE_FALSE(verify_with_label(kLabel, unhex(a_hex), message, forged));
  }
}
