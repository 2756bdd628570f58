// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/error.h"
#include "crypto/box.h"
#include "crypto/random.h"
#include "forge.h"
#include "test_bytes.h"

using namespace kartla::crypto;
using kartla::testing::seal_honestly;
using kartla::testing::seal_with_shared_secret;
using kartla::testing::unhex;

namespace {

// Every X25519 u-coordinate of small order (and its encodings >= p), as libsodium and age list them.
// Each is tried with and without the ignored top bit, which gives the same point.
const std::vector<std::string> kLowOrderPoints = {
    "0000000000000000000000000000000000000000000000000000000000000000",  // 0, order 4
    "0100000000000000000000000000000000000000000000000000000000000000",  // 1, order 1 ("identity")
    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",  // order 8
    "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",  // order 8
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p - 1, order 2
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p = 0, order 4
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p + 1 = 1, order 1
};

}  // namespace

TEST_CASE("sealed boxes round trip to the recipient only", "[crypto][box]") {
  const BoxKeyPair alice = box_keypair_generate();
  const BoxKeyPair bob = box_keypair_generate();
  const std::string key(32, '\x42');
  const std::string sealed = seal_to(alice.public_key, key);
  REQUIRE(sealed.size() == key.size() + kSealOverhead);
  const auto opened = open_sealed(alice, sealed, 32);
  REQUIRE(opened);
  REQUIRE(opened->view().as_string_view() == key);
  REQUIRE_FALSE(open_sealed(bob, sealed, 32));

  // A key pair rebuilt from its secret half is the same key pair.
  const BoxKeyPair again = box_keypair_from_secret(SecretBuffer::copy_of(alice.secret_key.view()));
  REQUIRE(again.public_key == alice.public_key);
}

TEST_CASE("a sealed box of the wrong length is refused before decryption (THREATS.md T13)", "[crypto][box]") {
  const BoxKeyPair recipient = box_keypair_generate();
  // Honest, well-formed boxes of the wrong size: they would decrypt, but a wrapped key is 32 bytes
  // and anything else is refused by length alone (no partitioning oracle).
  for (size_t n : {0u, 1u, 16u, 31u, 33u, 48u, 64u}) {
    INFO("plaintext of " << n << " bytes");
    const std::string sealed = seal_to(recipient.public_key, std::string(n, '\x07'));
    REQUIRE(open_sealed(recipient, sealed, n));  // control: it is a valid box
    REQUIRE_FALSE(open_sealed(recipient, sealed, 32));
  }
  const std::string good = seal_to(recipient.public_key, std::string(32, '\x07'));
  REQUIRE_FALSE(open_sealed(recipient, good.substr(0, good.size() - 1), 32));
  REQUIRE_FALSE(open_sealed(recipient, good + '\0', 32));
  REQUIRE_FALSE(open_sealed(recipient, std::string(), 32));

  // "Before decryption" made observable: a recipient whose secret key does not exist. Any attempt
  // to decrypt would dereference it and crash the test; the length check must answer first.
  const BoxKeyPair keyless{recipient.public_key, SecretBuffer()};
  for (size_t n : {31u, 33u, 64u})
    REQUIRE_FALSE(open_sealed(keyless, seal_to(recipient.public_key, std::string(n, '\x07')), 32));
}

TEST_CASE("a sealed box whose ephemeral key is low-order or the identity never opens (THREATS.md T21)",
          "[crypto][box]") {
  const BoxKeyPair recipient = box_keypair_generate();
  const std::string key(32, '\x5e');

  // Control: the hand-built construction is exactly crypto_box_seal, so it opens when honest.
  const auto honest = open_sealed(recipient, seal_honestly(recipient.public_key, key), 32);
  REQUIRE(honest);
  REQUIRE(honest->view().as_string_view() == key);

  // With a low-order ephemeral key the X25519 output is all zero for every recipient, so the
  // attacker knows the box key: these boxes carry a valid tag, and only the low-order check can
  // refuse them.
  const kartla::testing::Bytes32 zero_shared{};
  for (const std::string& hex_point : kLowOrderPoints) {
    for (const int top_bit : {0x00, 0x80}) {
      std::string epk = unhex(hex_point);
      epk[31] = static_cast<char>(static_cast<uint8_t>(epk[31]) | top_bit);
      INFO("ephemeral key " << hex_point << " top bit " << int(top_bit));
      const std::string forged = seal_with_shared_secret(epk, recipient.public_key, zero_shared, key);
      REQUIRE(forged.size() == 32 + kSealOverhead);
      REQUIRE_FALSE(open_sealed(recipient, forged, 32));
    }
  }
}

TEST_CASE("sealing to a malformed recipient key is refused", "[crypto][box]") {
  REQUIRE_THROWS_AS(seal_to(std::string(31, '\x01'), std::string(32, '\0')), kartla::Error);
  REQUIRE_THROWS_AS(seal_to(std::string(33, '\x01'), std::string(32, '\0')), kartla::Error);
}
