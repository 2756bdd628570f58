// SPDX-License-Identifier: Apache-2.0
// The passphrase key through the C ABI (kartla/experimental/agent.h), as `kartla agent` uses it:
// exported once with the passphrase, it unlocks the same file, is named by the tag, and all
// outputs are empty on failure.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "capi_fixture.h"

namespace {

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

std::string text(const kartla_buffer& b) { return std::string(reinterpret_cast<const char*>(b.data), b.len); }

struct Owner {
  std::string file;
  std::string passphrase = "a passphrase for the agent test";
  Owner() {
    kartla_identity_options options = capi_test::cheap_kdf();
    kartla_identity* id = nullptr;
    kartla_buffer code = KARTLA_BUFFER_INIT;
    REQUIRE(kartla_identity_new(&options, bytes(passphrase), passphrase.size(), &id, &code) == KARTLA_OK);
    kartla_buffer out = KARTLA_BUFFER_INIT;
    REQUIRE(kartla_identity_file_bytes(id, &out) == KARTLA_OK);
    file = text(out);
    kartla_buffer_free(&out);
    kartla_buffer_free(&code);
    kartla_identity_free(id);
  }
};

std::string fingerprint(const kartla_identity* id) {
  kartla_buffer out = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_identity_fingerprint(id, &out) == KARTLA_OK);
  std::string fp = text(out);
  kartla_buffer_free(&out);
  return fp;
}

}  // namespace

TEST_CASE("a passphrase key exported once unlocks the same identity, and only with its own bytes", "[capi][agent]") {
  const Owner owner;
  kartla_identity* first = nullptr;
  kartla_buffer key = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_identity_open_insecure_export_key(bytes(owner.file), owner.file.size(), bytes(owner.passphrase),
                                                   owner.passphrase.size(), &first, &key) == KARTLA_OK);
  REQUIRE(key.len == 32);

  kartla_identity* again = nullptr;
  REQUIRE(kartla_identity_open_with_passphrase_key(bytes(owner.file), owner.file.size(), key.data, key.len, &again) ==
          KARTLA_OK);
  CHECK(fingerprint(again) == fingerprint(first));

  // Through the agent's copy in guarded memory, the same.
  kartla_buffer kept = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_buffer_copy(key.data, key.len, &kept) == KARTLA_OK);
  CHECK(kept.len == 32);
  CHECK(std::memcmp(kept.data, key.data, 32) == 0);
  CHECK(kept.data != key.data);

  // One bit off: a wrong passphrase, and no handle.
  std::string flipped(reinterpret_cast<const char*>(key.data), key.len);
  flipped[0] = static_cast<char>(flipped[0] ^ 0x80);
  kartla_identity* refused = reinterpret_cast<kartla_identity*>(&flipped);
  CHECK(kartla_identity_open_with_passphrase_key(bytes(owner.file), owner.file.size(), bytes(flipped),
                                                 flipped.size(), &refused) == KARTLA_E_AUTH);
  CHECK(refused == nullptr);

  // A wrong passphrase exports nothing.
  kartla_identity* none = nullptr;
  kartla_buffer no_key = KARTLA_BUFFER_INIT;
  const std::string wrong = "not the passphrase";
  CHECK(kartla_identity_open_insecure_export_key(bytes(owner.file), owner.file.size(), bytes(wrong), wrong.size(),
                                                 &none, &no_key) == KARTLA_E_AUTH);
  CHECK(none == nullptr);
  CHECK(no_key.data == nullptr);
  CHECK(no_key.len == 0);

  kartla_buffer_free(&kept);
  kartla_buffer_free(&key);
  kartla_identity_free(again);
  kartla_identity_free(first);
}

TEST_CASE("the tag is 32 bytes, stable for a file and different for another", "[capi][agent]") {
  const Owner a;
  const Owner b;
  kartla_buffer ta = KARTLA_BUFFER_INIT;
  kartla_buffer ta2 = KARTLA_BUFFER_INIT;
  kartla_buffer tb = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_identity_passphrase_key_tag(bytes(a.file), a.file.size(), &ta) == KARTLA_OK);
  REQUIRE(kartla_identity_passphrase_key_tag(bytes(a.file), a.file.size(), &ta2) == KARTLA_OK);
  REQUIRE(kartla_identity_passphrase_key_tag(bytes(b.file), b.file.size(), &tb) == KARTLA_OK);
  CHECK(ta.len == 32);
  CHECK(text(ta) == text(ta2));
  CHECK(text(ta) != text(tb));
  kartla_buffer_free(&ta);
  kartla_buffer_free(&ta2);
  kartla_buffer_free(&tb);
}
