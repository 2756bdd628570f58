// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <string>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/random.h"

using kartla::Code;
using kartla::Error;
using namespace kartla::crypto;

namespace {

const std::string kPlaintext = "work ability: needs a standing desk";
const std::string kAd = "associated data of record 1", kOtherAd = "associated data of record 2";

Code open_error(const SecretBuffer& key, const std::string& sealed, const std::string& ad) {
  try {
    (void)aead_open(key, sealed, ad);
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("aead_open accepted a modified input");
  return Code::ok;
}

}  // namespace

TEST_CASE("AEAD round trip: nonce in front, tag at the end", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string sealed = aead_seal(key, kPlaintext, kAd);
  REQUIRE(sealed.size() == kPlaintext.size() + kAeadOverhead);
  REQUIRE(sealed.find(kPlaintext) == std::string::npos);
  const SecretBuffer opened = aead_open(key, sealed, kAd);
  REQUIRE(opened.view().as_string_view() == kPlaintext);

  // Random nonces: sealing the same plaintext twice never gives the same bytes.
  REQUIRE(aead_seal(key, kPlaintext, kAd) != sealed);
  // The empty plaintext is legal and still authenticated.
  const std::string empty = aead_seal(key, std::string(), kAd);
  REQUIRE(empty.size() == kAeadOverhead);
  REQUIRE(aead_open(key, empty, kAd).empty());
}

TEST_CASE("AEAD rejects every modified tag byte (THREATS.md T14)", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string sealed = aead_seal(key, kPlaintext, kAd);
  const size_t tag_start = sealed.size() - kAeadTagBytes;
  for (size_t i = 0; i < kAeadTagBytes; ++i) {
    for (const int mask : {0x01, 0x80, 0xff}) {
      std::string bad = sealed;
      bad[tag_start + i] = static_cast<char>(static_cast<uint8_t>(bad[tag_start + i]) ^ mask);
      INFO("tag byte " << i << " mask " << int(mask));
      REQUIRE(open_error(key, bad, kAd) == Code::integrity);
    }
  }
}

TEST_CASE("AEAD rejects modified nonce and ciphertext bytes", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string sealed = aead_seal(key, kPlaintext, kAd);
  for (size_t i = 0; i < sealed.size() - kAeadTagBytes; ++i) {
    std::string bad = sealed;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    INFO("byte " << i);
    REQUIRE(open_error(key, bad, kAd) == Code::integrity);
  }
}

TEST_CASE("AEAD rejects the wrong associated data and the wrong key", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string sealed = aead_seal(key, kPlaintext, kAd);
  REQUIRE(open_error(key, sealed, kOtherAd) == Code::integrity);
  REQUIRE(open_error(key, sealed, std::string()) == Code::integrity);
  REQUIRE(open_error(key, sealed, kAd + "x") == Code::integrity);
  REQUIRE(open_error(random_secret(kAeadKeyBytes), sealed, kAd) == Code::integrity);
}

TEST_CASE("AEAD rejects truncated and extended input with one message", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string sealed = aead_seal(key, kPlaintext, kAd);
  std::string first_message;
  for (size_t n = 0; n < sealed.size(); ++n) {
    INFO("truncated to " << n);
    try {
      (void)aead_open(key, sealed.substr(0, n), kAd);
      FAIL("accepted a truncated ciphertext");
    } catch (const Error& e) {
      REQUIRE(e.code() == Code::integrity);
      // No oracle: too short to hold a tag and a failed tag say the same thing (docs/THREATS.md T14).
      if (first_message.empty()) first_message = e.what();
      REQUIRE(first_message == e.what());
    }
  }
  REQUIRE(open_error(key, sealed + '\0', kAd) == Code::integrity);
}

TEST_CASE("AEAD refuses a key of the wrong size as a programming error", "[crypto][aead]") {
  const SecretBuffer short_key = random_secret(16);
  REQUIRE_THROWS_MATCHES(aead_seal(short_key, kPlaintext, kAd), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::internal; }));
}

TEST_CASE("AEAD sealed in place gives what the one-shot open accepts", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  // Sizes around ChaCha20's 64-byte block and Poly1305's 16-byte block, and a large one.
  for (const size_t size : {size_t{0}, size_t{1}, size_t{15}, size_t{16}, size_t{63}, size_t{64}, size_t{65},
                            size_t{1000}, size_t{1} << 20}) {
    std::string plaintext(size, '\0');
    for (size_t i = 0; i < size; ++i) plaintext[i] = static_cast<char>((i * 7 + 3) & 0xff);
    std::string sealed(kAeadNonceBytes, '\0');
    sealed += plaintext;
    sealed.append(kAeadTagBytes, '\0');
    aead_seal_in_place(key, reinterpret_cast<uint8_t*>(sealed.data()), size, kAd);
    INFO("size " << size);
    if (size >= 16) REQUIRE(sealed.find(plaintext.substr(0, 16)) == std::string::npos);
    // aead_open is libsodium's one-shot decryption: only the standard construction opens there.
    REQUIRE(aead_open(key, sealed, kAd).view().as_string_view() == plaintext);
    REQUIRE(open_error(key, sealed, kOtherAd) == Code::integrity);
  }
}
