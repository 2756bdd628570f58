// SPDX-License-Identifier: Apache-2.0
// The secure pool behind small SecretBuffers (crypto/secret_pool.h): a released secret never shows
// through a later allocation, exhaustion falls back to sodium_malloc, sizes at and around the
// slot classes are honoured, and concurrent use keeps every buffer's bytes its own.
#include <catch2/catch.hpp>

#include <cstring>
#include <thread>
#include <vector>

#include "crypto/secret_buffer.h"

using kartla::crypto::SecretBuffer;

namespace {

void fill(SecretBuffer& b, uint8_t value) { std::memset(b.data(), value, b.size()); }

bool all_equal(const SecretBuffer& b, uint8_t value) {
  for (size_t i = 0; i < b.size(); ++i)
    if (b.data()[i] != value) return false;
  return true;
}

bool holds_any(const SecretBuffer& b, uint8_t value) {
  for (size_t i = 0; i < b.size(); ++i)
    if (b.data()[i] == value) return true;
  return false;
}

}  // namespace

TEST_CASE("a released secret never shows through the next allocation", "[crypto][secret][pool]") {
  // Sizes in each slot class, at its edge, and just past it (sodium_malloc'ed).
  for (const size_t size : {size_t{1}, size_t{32}, size_t{128}, size_t{129}, size_t{16384}, size_t{16385}}) {
    INFO("size " << size);
    {
      SecretBuffer secret(size, SecretBuffer::Uninitialized{});
      fill(secret, 0xA5);
    }
    // A pooled slot comes back as the most recently freed one: the wipe is what is tested here.
    const SecretBuffer next(size, SecretBuffer::Uninitialized{});
    CHECK_FALSE(holds_any(next, 0xA5));
    const SecretBuffer zeroed(size);
    CHECK(all_equal(zeroed, 0));
  }
}

TEST_CASE("more live secrets than the pool holds fall back to sodium_malloc", "[crypto][secret][pool]") {
  std::vector<SecretBuffer> keys;
  for (int i = 0; i < 1200; ++i) {  // more than the 512 key slots and the 32 text slots together
    keys.emplace_back(32);
    fill(keys.back(), static_cast<uint8_t>(i));
  }
  for (size_t i = 0; i < keys.size(); ++i) REQUIRE(all_equal(keys[i], static_cast<uint8_t>(i)));
  std::vector<SecretBuffer> texts;
  for (int i = 0; i < 40; ++i) {
    texts.emplace_back(10000);
    fill(texts.back(), static_cast<uint8_t>(i + 1));
  }
  for (size_t i = 0; i < texts.size(); ++i) REQUIRE(all_equal(texts[i], static_cast<uint8_t>(i + 1)));
}

TEST_CASE("threads allocating and releasing at once keep their bytes apart", "[crypto][secret][pool]") {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &failures] {
      for (int round = 0; round < 2000; ++round) {
        const auto mark = static_cast<uint8_t>(t * 16 + round % 16 + 1);
        SecretBuffer a(32 + static_cast<size_t>(round % 64));
        SecretBuffer b(1000);
        fill(a, mark);
        fill(b, mark);
        std::this_thread::yield();
        if (!all_equal(a, mark) || !all_equal(b, mark)) ++failures[static_cast<size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
}
