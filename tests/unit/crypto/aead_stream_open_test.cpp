// SPDX-License-Identifier: Apache-2.0
// StreamOpen (crypto/aead_stream_open.h) against libsodium's one-shot XChaCha20-Poly1305: for
// random lengths, associated data and piece sizes, it accepts exactly what aead_open accepts and
// gives the same plaintext; it refuses a changed byte anywhere, a shortened or lengthened
// ciphertext, and a changed tag.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/aead_stream_open.h"
#include "crypto/random.h"

using namespace kartla::crypto;

namespace {

struct Opened {
  bool ok = false;
  std::string plaintext;
};

// Authenticates and decrypts `sealed` (nonce || ciphertext || tag) in pieces of `piece` bytes
// (a multiple of 64), in one pass as format/section_stream.cpp does.
Opened stream_open(const SecretBuffer& key, const std::string& sealed, const std::string& ad, size_t piece) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(sealed.data());
  const size_t text_length = sealed.size() - kAeadOverhead;
  StreamOpen opener(key, {bytes, kAeadNonceBytes}, ad, text_length);
  Opened out;
  out.plaintext.resize(text_length);
  for (size_t offset = 0; offset < text_length; offset += piece) {
    const size_t n = std::min(piece, text_length - offset);
    const kartla::ByteView in(bytes + kAeadNonceBytes + offset, n);
    opener.authenticate(in);
    opener.decrypt(offset, in, reinterpret_cast<uint8_t*>(out.plaintext.data()) + offset);
  }
  out.ok = opener.finish({bytes + kAeadNonceBytes + text_length, kAeadTagBytes});
  return out;
}

bool one_shot_opens(const SecretBuffer& key, const std::string& sealed, const std::string& ad) {
  try {
    (void)aead_open(key, sealed, ad);
    return true;
  } catch (const kartla::Error&) {
    return false;
  }
}

}  // namespace

TEST_CASE("StreamOpen gives libsodium's plaintext for every length and piece size", "[crypto][aead]") {
  std::mt19937 rng(1234);
  for (int round = 0; round < 200; ++round) {
    const size_t length = round < 70 ? static_cast<size_t>(round) : rng() % 300000;
    const std::string plaintext = random_public_bytes(length);
    const std::string ad = random_public_bytes(rng() % 80);
    const SecretBuffer key = random_secret(kAeadKeyBytes);
    const std::string sealed = aead_seal(key, plaintext, ad);
    const size_t piece = 64 * (1 + rng() % 1100);
    const Opened opened = stream_open(key, sealed, ad, piece);
    REQUIRE(opened.ok);
    REQUIRE(opened.plaintext == plaintext);
  }
}

TEST_CASE("StreamOpen refuses whatever the one-shot open refuses", "[crypto][aead]") {
  std::mt19937 rng(99);
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string ad = "kartla/v1/section ad";
  const std::string sealed = aead_seal(key, random_public_bytes(5000), ad);
  // Every byte of the tag, and bytes spread over the nonce and the ciphertext.
  for (size_t i = 0; i < sealed.size(); i += (i + 16 >= sealed.size() ? 1 : 1 + rng() % 97)) {
    std::string altered = sealed;
    altered[i] = static_cast<char>(altered[i] ^ (1 << (rng() % 8)));
    CHECK_FALSE(one_shot_opens(key, altered, ad));
    CHECK_FALSE(stream_open(key, altered, ad, 1024).ok);
  }
  // Other associated data, another key.
  CHECK_FALSE(stream_open(key, sealed, ad + "x", 1024).ok);
  CHECK_FALSE(stream_open(random_secret(kAeadKeyBytes), sealed, ad, 1024).ok);
}

TEST_CASE("StreamOpen refuses a ciphertext cut short or given too many bytes", "[crypto][aead]") {
  const SecretBuffer key = random_secret(kAeadKeyBytes);
  const std::string sealed = aead_seal(key, random_public_bytes(4096), std::string("ad"));
  const auto* bytes = reinterpret_cast<const uint8_t*>(sealed.data());
  const size_t text_length = sealed.size() - kAeadOverhead;
  const kartla::ByteView tag(bytes + kAeadNonceBytes + text_length, kAeadTagBytes);
  SECTION("fewer bytes authenticated than announced") {
    StreamOpen opener(key, {bytes, kAeadNonceBytes}, std::string("ad"), text_length);
    opener.authenticate({bytes + kAeadNonceBytes, text_length - 64});
    CHECK_FALSE(opener.finish(tag));
  }
  SECTION("more bytes than announced") {
    StreamOpen opener(key, {bytes, kAeadNonceBytes}, std::string("ad"), text_length - 64);
    CHECK_THROWS_AS(opener.authenticate({bytes + kAeadNonceBytes, text_length}), kartla::Error);
  }
  SECTION("the same pieces in another order") {
    StreamOpen opener(key, {bytes, kAeadNonceBytes}, std::string("ad"), text_length);
    opener.authenticate({bytes + kAeadNonceBytes + 2048, 2048});
    opener.authenticate({bytes + kAeadNonceBytes, 2048});
    CHECK_FALSE(opener.finish(tag));
  }
}
