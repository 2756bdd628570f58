// SPDX-License-Identifier: Apache-2.0
#include "crypto/testing/deterministic_rng.h"

#include <sodium.h>

#include <cstring>

#include "base/error.h"

namespace kartla::crypto::testing {
namespace {

unsigned char g_seed[randombytes_SEEDBYTES];
uint64_t g_counter = 0;

// Each request gets its own ChaCha20 stream: seed, with the request counter mixed into the key.
void deterministic_buf(void* buf, size_t size) {
  unsigned char key[randombytes_SEEDBYTES];
  crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(&g_counter),
                     sizeof g_counter, g_seed, sizeof g_seed);
  ++g_counter;
  randombytes_buf_deterministic(buf, size, key);
  sodium_memzero(key, sizeof key);
}

uint32_t deterministic_random() {
  uint32_t out;
  deterministic_buf(&out, sizeof out);
  return out;
}

const char* name() { return "kartla-test-deterministic"; }

randombytes_implementation g_impl = {name, deterministic_random, nullptr, nullptr, deterministic_buf,
                                     nullptr};

}  // namespace

void use_deterministic_rng(uint64_t seed) {
  std::memset(g_seed, 0, sizeof g_seed);
  std::memcpy(g_seed, &seed, sizeof seed);
  g_counter = 0;
  if (randombytes_set_implementation(&g_impl) != 0) fail(Code::internal, "cannot install test RNG");
  if (sodium_init() < 0) fail(Code::crypto, "libsodium could not be initialised");
}

}  // namespace kartla::crypto::testing
