// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "base/error.h"
#include "crypto/hash.h"
#include "crypto/kdf.h"
#include "crypto/random.h"
#include "test_bytes.h"

using namespace kartla::crypto;
using kartla::Code;
using kartla::Error;
using kartla::testing::hex;
using kartla::testing::unhex;

namespace {

std::string hex_of(const Digest& d) { return hex({d.data(), d.size()}); }

SecretBuffer counting_key() {
  SecretBuffer key(32);
  for (size_t i = 0; i < key.size(); ++i) key.data()[i] = static_cast<uint8_t>(i);
  return key;
}

}  // namespace

// Known answers computed independently (Python hashlib.blake2b) from docs/SPEC.md's definition
// H(label, data) = BLAKE2b-256(label || 0x00 || data): a change to the construction breaks them.
TEST_CASE("labelled hash is BLAKE2b-256 over label, 0x00, data", "[crypto][hash]") {
  REQUIRE(hex_of(labelled_hash("kartla/test", std::string("abc"))) ==
          "d00de8b70fe7b407072be7ac549fcac4812d06fc2fa23f3879317d32fe13f569");
  REQUIRE(hex_of(labelled_hash("kartla/test", std::string())) ==
          "e19443a5beb81427006f4ba058a6d645a4bea685af639e1efc0fd8561e5e114d");
  REQUIRE(hex_of(LabelledHasher("kartla/test", counting_key()).update(std::string("abc")).finish()) ==
          "2931f8b75e8dafa358ac32b3592a0dba6dd1e8ad9a5e3e799832bb42d7c9012a");
}

TEST_CASE("labelled hashes are domain separated", "[crypto][hash]") {
  const std::string data = "the same bytes";
  std::set<Digest> seen = {labelled_hash("kartla/v1/manifest-hash", data),
                           labelled_hash("kartla/v1/section-entry", data),
                           labelled_hash("kartla/v1/section-ciphertext", data),
                           labelled_hash("kartla/v1/grant", data),
                           LabelledHasher("kartla/v1/manifest-hash", counting_key()).update(data).finish()};
  REQUIRE(seen.size() == 5);
  // Moving bytes between label and data changes the hash (the separator is part of the input).
  REQUIRE(labelled_hash("kartla/ab", std::string("c")) != labelled_hash("kartla/a", std::string("bc")));
  // Incremental updates hash the concatenation.
  REQUIRE(LabelledHasher("kartla/x").update(std::string("ab")).update(std::string("c")).finish() ==
          labelled_hash("kartla/x", std::string("abc")));
  // Integers are little-endian fixed width: u32 1 is not u64 1 and not the byte 1.
  const Digest as_u32 = LabelledHasher("kartla/x").update_u32(1).finish();
  REQUIRE(as_u32 == labelled_hash("kartla/x", std::string("\x01\x00\x00\x00", 4)));
  REQUIRE(LabelledHasher("kartla/x").update_u64(1).finish() ==
          labelled_hash("kartla/x", std::string("\x01\x00\x00\x00\x00\x00\x00\x00", 8)));
}

TEST_CASE("a hasher refuses to finish twice", "[crypto][hash]") {
  LabelledHasher h("kartla/x");
  (void)h.finish();
  REQUIRE_THROWS_AS(h.finish(), Error);
  REQUIRE_THROWS_AS(LabelledHasher("kartla/x", SecretBuffer(8)), Error);  // key below BLAKE2b's minimum
}

TEST_CASE("finish_secret gives the same digest in secure memory", "[crypto][hash]") {
  const SecretBuffer s = LabelledHasher("kartla/x").update(std::string("k")).finish_secret();
  const Digest d = labelled_hash("kartla/x", std::string("k"));
  REQUIRE(s.view().as_string_view() == digest_bytes(d));
}

// crypto_kdf = BLAKE2b(key = master, salt = u64le(id) || 0^8, personal = context || 0^8).
TEST_CASE("KDF subkeys match known answers", "[crypto][kdf]") {
  const SecretBuffer master = counting_key();
  REQUIRE(hex(derive_subkey(master, "kartlaSK", 1).view()) ==
          "5af1256b48e4a7b95f03cb77ec3f6f672dd6346d44d81b43a8ae4e889aee3ab1");
  REQUIRE(hex(derive_subkey(master, "kartlaSK", (uint64_t{3} << 32) | 2).view()) ==
          "a43e3caacfd2ff32826277b1368ecb40505289d149fb708291c2428b1ea2117b");
}

TEST_CASE("KDF subkeys differ per id, context and master key", "[crypto][kdf]") {
  const SecretBuffer master = random_secret(kMasterKeyBytes);
  std::set<std::string> keys;
  for (uint64_t id : {uint64_t{0}, uint64_t{1}, uint64_t{2}, uint64_t{1} << 32, (uint64_t{1} << 32) | 1, ~uint64_t{0}})
    for (const char* context : {"kartlaSK", "kartlaSL", "KARTLASK"})
      keys.insert(derive_subkey(master, context, id).view().to_string());
  REQUIRE(keys.size() == 18);
  keys.insert(derive_subkey(random_secret(kMasterKeyBytes), "kartlaSK", 1).view().to_string());
  REQUIRE(keys.size() == 19);
  // Deterministic: the same inputs give the same key (a section key is re-derived, never stored).
  REQUIRE(derive_subkey(master, "kartlaSK", 7).view().to_string() ==
          derive_subkey(master, "kartlaSK", 7).view().to_string());
}

TEST_CASE("KDF refuses malformed contexts and keys", "[crypto][kdf]") {
  const SecretBuffer master = random_secret(kMasterKeyBytes);
  auto code_of = [&](auto&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  REQUIRE(code_of([&] { derive_subkey(master, "kartla", 1); }) == Code::internal);
  REQUIRE(code_of([&] { derive_subkey(master, "kartlaSKX", 1); }) == Code::internal);
  REQUIRE(code_of([&] { derive_subkey(random_secret(16), "kartlaSK", 1); }) == Code::internal);
  REQUIRE(code_of([&] { derive_subkey(master, "kartlaSK", 1, 8); }) == Code::internal);
}
