// SPDX-License-Identifier: Apache-2.0
// Padding of everything encrypted in a record (docs/SPEC.md §5.4): padded_size against the SPEC's
// formula, the set of padded lengths a keyless reader accepts, the ISO/IEC 7816-4 bytes, and that
// every padding other than the one canonical form of a content is Error(format).
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "crypto/padding.h"

using kartla::Code;
using kartla::Error;
using namespace kartla::crypto;

namespace {

// SPEC §5.4 written out again, independently of src/crypto/padding.cpp: E = floor(log2 L),
// S = floor(log2 E) + 1, z = E - S, Padmé(L) = L rounded up to a multiple of 2^z.
uint64_t floor_log2(uint64_t x) {
  uint64_t r = 0;
  while (x >= 2) {
    x /= 2;
    ++r;
  }
  return r;
}

uint64_t spec_padme(uint64_t length) {
  const uint64_t e = floor_log2(length);
  const uint64_t s = floor_log2(e) + 1;
  const uint64_t z = e - s;
  const uint64_t unit = uint64_t{1} << z;
  return (length + unit - 1) / unit * unit;
}

uint64_t spec_padded_size(uint64_t n) { return n + 1 <= 1024 ? 1024 : spec_padme(n + 1); }

// A buffer holding `content` then pad(content) as SPEC §5.4 spells it.
std::string spec_pad(const std::string& content) {
  std::string out = content;
  out.push_back('\x80');
  out.resize(static_cast<size_t>(spec_padded_size(content.size())), '\0');
  return out;
}

std::string content_of(size_t n, uint8_t seed) {
  std::string out(n, '\0');
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<char>((i * 31 + seed) & 0xff);
  return out;
}

Code unpad_code(const std::string& padded) {
  try {
    (void)unpadded_size(reinterpret_cast<const uint8_t*>(padded.data()), padded.size());
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

size_t unpad(const std::string& padded) {
  return unpadded_size(reinterpret_cast<const uint8_t*>(padded.data()), padded.size());
}

}  // namespace

TEST_CASE("padded_size follows the SPEC formula: 1 KiB floor, then Padmé of n + 1", "[crypto][padding]") {
  // Known answers from the SPEC text.
  CHECK(padded_size(0) == 1024);
  CHECK(padded_size(1) == 1024);
  CHECK(padded_size(1023) == 1024);  // content, 0x80: exactly the floor
  CHECK(padded_size(1024) == 1088);  // "at 1,025 bytes: 1,088"
  CHECK(padded_size(1087) == 1088);
  CHECK(padded_size(1088) == 1152);
  CHECK(padded_size(uint64_t{256} << 20) == (uint64_t{264} << 20));  // "256 MiB -> 264 MiB at most"
  CHECK(kPaddingFloor == 1024);

  // Every length up to 300,000 bytes, then a sample of larger ones up to 2^40.
  for (uint64_t n = 0; n <= 300000; ++n) {
    const uint64_t p = padded_size(n);
    if (p != spec_padded_size(n)) {
      INFO("n = " << n);
      REQUIRE(p == spec_padded_size(n));
    }
    // Always room for the 0x80 marker; never more than 1/2^S (here S >= 4) above n + 1.
    if (p <= n || (n >= 1024 && (p - (n + 1)) * 16 >= n + 1)) {
      INFO("n = " << n << " padded to " << p);
      REQUIRE(p > n);
      REQUIRE((p - (n + 1)) * 16 < n + 1);
    }
  }
  for (uint64_t n = 300001; n < (uint64_t{1} << 40); n = n * 3 / 2 + 7) {
    for (uint64_t m : {n, n + 1, n - 1, (n | 0xffff), ((n >> 12) << 12) - 1}) {
      INFO("n = " << m);
      REQUIRE(padded_size(m) == spec_padded_size(m));
    }
  }
  for (int e = 10; e < 40; ++e) {
    for (uint64_t m : {(uint64_t{1} << e) - 2, (uint64_t{1} << e) - 1, uint64_t{1} << e}) {
      INFO("n = " << m);
      REQUIRE(padded_size(m) == spec_padded_size(m));
    }
  }
  // Monotonic, and the longest content a padded length holds (P - 1 bytes) pads to P itself.
  uint64_t previous = 0;
  for (uint64_t n = 0; n <= 70000; ++n) {
    const uint64_t p = padded_size(n);
    REQUIRE(p >= previous);
    previous = p;
    REQUIRE(padded_size(p - 1) == p);
  }
}

TEST_CASE("is_padded_size accepts exactly the lengths padded_size produces", "[crypto][padding]") {
  constexpr uint64_t kUpTo = 200000;
  std::set<uint64_t> produced;
  for (uint64_t n = 0; n < kUpTo; ++n) produced.insert(padded_size(n));
  // Every P <= kUpTo can only come from an n < P, all of which were tried.
  for (uint64_t p = 0; p <= kUpTo; ++p) {
    const bool expected = produced.count(p) != 0;
    if (is_padded_size(p) != expected) {
      INFO("P = " << p);
      REQUIRE(is_padded_size(p) == expected);
    }
    // The SPEC's definition: P = 1024, or P > 1024 and Padmé(P) = P.
    const bool by_spec = p == 1024 || (p > 1024 && spec_padme(p) == p);
    if (by_spec != expected) {
      INFO("P = " << p);
      REQUIRE(by_spec == expected);
    }
  }
  CHECK_FALSE(is_padded_size(0));
  CHECK_FALSE(is_padded_size(1023));
  CHECK_FALSE(is_padded_size(1025));
  CHECK_FALSE(is_padded_size(1087));
  CHECK(is_padded_size(1088));
  CHECK(is_padded_size(uint64_t{264} << 20));
  CHECK_FALSE(is_padded_size((uint64_t{264} << 20) - 1));
  CHECK_FALSE(is_padded_size((uint64_t{264} << 20) + 1));
}

TEST_CASE("pad writes content || 0x80 || zeros, and unpad gives the content length back", "[crypto][padding]") {
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= 2200; ++n) lengths.push_back(n);
  for (size_t n : {4095u, 4096u, 4097u, 65535u, 65536u, 65537u, 100000u, 1u << 20}) lengths.push_back(n);
  for (size_t n : lengths) {
    const std::string content = content_of(n, static_cast<uint8_t>(n));
    std::string buf(static_cast<size_t>(padded_size(n)), '\x55');  // whatever was there before
    buf.replace(0, n, content);
    pad_in_place(reinterpret_cast<uint8_t*>(buf.data()), n);
    if (buf != spec_pad(content) || unpad(buf) != n) {
      INFO("n = " << n);
      REQUIRE(buf == spec_pad(content));
      REQUIRE(unpad(buf) == n);
    }
  }
  // Content that itself ends in marker-like or zero bytes keeps its exact length.
  for (const std::string& tail : {std::string("\x80"), std::string("\x80\x80"), std::string(1, '\0'),
                                  std::string("\x80\0\0", 3), std::string(1023, '\x80'), std::string(1023, '\0'),
                                  std::string(1024, '\0')}) {
    const std::string content = "abc" + tail;
    const std::string padded = spec_pad(content);
    INFO("content of " << content.size() << " bytes");
    CHECK(unpad(padded) == content.size());
  }
}

TEST_CASE("every non-canonical padding is Error(format)", "[crypto][padding]") {
  SECTION("a buffer whose length is not a padded length, even with well-formed ISO padding") {
    for (size_t p : {0u, 1u, 40u, 1000u, 1023u, 1025u, 1087u, 1089u, 1151u, 2047u}) {
      std::string buf = content_of(p / 2, 7);
      buf.push_back('\x80');
      buf.resize(p, '\0');
      INFO("length " << p);
      CHECK(unpad_code(buf) == Code::format);
    }
  }

  SECTION("the marker at any place other than its one canonical position") {
    // For each padded length P, a marker at position m (zeros after it) is accepted if and only if
    // content of m bytes pads to exactly P: more or fewer padding bytes is a second form.
    for (size_t p : {1024u, 1088u, 1152u, 2048u, 2176u}) {
      size_t accepted = 0;
      for (size_t m = 0; m < p; ++m) {
        std::string buf = content_of(m, 3);
        buf.push_back('\x80');
        buf.resize(p, '\0');
        const bool canonical = padded_size(m) == p;
        const Code code = unpad_code(buf);
        if ((code == Code::ok) != canonical || (code != Code::ok && code != Code::format)) {
          INFO("P = " << p << ", marker at " << m);
          REQUIRE(code == (canonical ? Code::ok : Code::format));
        }
        if (canonical) {
          REQUIRE(unpad(buf) == m);
          ++accepted;
        }
      }
      CHECK(accepted > 0);
    }
  }

  SECTION("no marker, another marker byte, or a non-zero byte after the marker") {
    for (size_t n : {0u, 5u, 1022u, 1023u, 1024u, 1050u}) {
      const std::string good = spec_pad(content_of(n, 9));
      REQUIRE(unpad_code(good) == Code::ok);
      const size_t p = good.size();
      INFO("content of " << n << " bytes, padded to " << p);

      CHECK(unpad_code(std::string(p, '\0')) == Code::format);  // all zeros: no marker

      for (char other : {'\x01', '\x40', '\x7f', '\x81', '\xc0', '\xff'}) {
        std::string b = good;
        b[n] = other;  // the marker replaced
        CHECK(unpad_code(b) == Code::format);
      }
      for (size_t at : {n + 1, (n + 1 + p) / 2, p - 1}) {
        if (at >= p || at == n) continue;
        for (char junk : {'\x01', '\x7f', '\xff'}) {
          std::string b = good;
          b[at] = junk;  // a non-zero byte in the padding
          CHECK(unpad_code(b) == Code::format);
        }
        // A second 0x80 is then the last one: the bytes are the padding of a longer content, valid
        // only if that content pads to exactly this length (the marker test above, in general).
        std::string b = good;
        b[at] = '\x80';
        CHECK(unpad_code(b) == (padded_size(at) == p ? Code::ok : Code::format));
      }
      std::string longer = good;
      longer.push_back('\0');  // one zero too many: not a padded length (or the wrong one)
      CHECK(unpad_code(longer) == Code::format);
      CHECK(unpad_code(good.substr(0, p - 1)) == Code::format);
    }
  }

  SECTION("a padded length filled with padding of a shorter padded length") {
    // Content of 10 bytes padded as if it were 1088: the canonical form is 1024 bytes.
    std::string buf = content_of(10, 1);
    buf.push_back('\x80');
    buf.resize(1088, '\0');
    CHECK(unpad_code(buf) == Code::format);
    // No padding at all: 1024 bytes of content, none of them a marker followed by zeros.
    CHECK(unpad_code(content_of(1024, 2)) == Code::format);
  }
}
