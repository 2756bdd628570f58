// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "crypto/sha256.h"
#include "crypto/sha256_background.h"
#include "test_bytes.h"

using namespace kartla::crypto;
using kartla::ByteView;
using kartla::testing::hex;

namespace {

std::string hex_of(const Sha256& d) { return hex({d.data(), d.size()}); }

std::string hash_in_pieces(const std::string& data, const std::vector<size_t>& cuts, bool* threaded = nullptr) {
  Sha256InBackground hasher;
  size_t at = 0;
  for (size_t cut : cuts) {
    hasher.update({reinterpret_cast<const uint8_t*>(data.data()) + at, cut - at});
    at = cut;
  }
  hasher.update({reinterpret_cast<const uint8_t*>(data.data()) + at, data.size() - at});
  const Sha256 digest = hasher.finish();
  if (threaded != nullptr) *threaded = hasher.used_a_thread();
  return hex_of(digest);
}

}  // namespace

// FIPS 180-2's examples: "abc" stays on the caller's thread, a million 'a' goes to a second one.
TEST_CASE("SHA-256 on a second thread gives the standard's answers", "[crypto][sha256]") {
  bool threaded = true;
  REQUIRE(hash_in_pieces("abc", {}, &threaded) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  REQUIRE_FALSE(threaded);
  REQUIRE(hash_in_pieces("", {}, &threaded) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  REQUIRE(hash_in_pieces(std::string(1000000, 'a'), {1, 262143, 262144, 262145, 700000}, &threaded) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  REQUIRE(threaded);
}

// Over random lengths around the 256 KiB slots and random ways of cutting the bytes into pieces
// (empty pieces, one byte, pieces larger than all three slots together), the digest is always
// the one-shot SHA-256 of the same bytes.
TEST_CASE("SHA-256 on a second thread equals the one-shot hash however the bytes arrive", "[crypto][sha256]") {
  std::mt19937_64 rng(20261207);
  const size_t slot = size_t{256} << 10;
  for (int round = 0; round < 80; ++round) {
    const size_t lengths[] = {rng() % 64, slot - 1 + rng() % 3, 3 * slot + rng() % 3, rng() % (5 * slot)};
    const size_t length = lengths[round % 4];
    std::string data(length, '\0');
    for (char& c : data) c = static_cast<char>(rng());
    std::vector<size_t> cuts;
    for (size_t at = 0; length > 0;) {
      const size_t kind = rng() % 4;
      const size_t step = kind == 0 ? 0 : kind == 1 ? 1 + rng() % 16 : kind == 2 ? rng() % slot : rng() % (4 * slot);
      at += step;
      if (at >= length) break;
      cuts.push_back(at);
    }
    const Sha256 expected = sha256({reinterpret_cast<const uint8_t*>(data.data()), data.size()});
    INFO("round " << round << ", " << length << " bytes in " << cuts.size() + 1 << " pieces");
    REQUIRE(hash_in_pieces(data, cuts) == hex_of(expected));
  }
}

// A read that fails part-way destroys the hasher without finish(): its thread must stop and be
// joined (a leftover thread would outlive the library call), whether it is busy or waiting.
TEST_CASE("SHA-256 on a second thread stops when abandoned", "[crypto][sha256]") {
  const std::string data(3 * (size_t{256} << 10) + 5, 'x');
  for (size_t prefix : {size_t{0}, size_t{300000}, data.size()}) {
    Sha256InBackground hasher;
    hasher.update({reinterpret_cast<const uint8_t*>(data.data()), prefix});
  }
  SUCCEED("every abandoned hasher returned from its destructor");
}
