// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <cstring>
#include <type_traits>

#include "base/error.h"
#include "crypto/secret_buffer.h"

using kartla::ByteView;
using kartla::crypto::equal_constant_time;
using kartla::crypto::SecretBuffer;

// A secret must never be duplicated by accident (docs/THREATS.md T39): only moves and the explicit copy_of.
static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_copy_assignable_v<SecretBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecretBuffer>);
static_assert(std::is_nothrow_move_assignable_v<SecretBuffer>);

TEST_CASE("SecretBuffer starts zeroed and has the size asked for", "[crypto][secret]") {
  SecretBuffer b(48);
  REQUIRE(b.size() == 48);
  REQUIRE_FALSE(b.empty());
  for (size_t i = 0; i < b.size(); ++i) REQUIRE(b.data()[i] == 0);
  SecretBuffer none;
  REQUIRE(none.empty());
  REQUIRE(none.data() == nullptr);
  SecretBuffer zero(0);
  REQUIRE(zero.empty());
  REQUIRE(zero.data() != nullptr);  // a distinct allocation, still safe to wipe and free
}

TEST_CASE("SecretBuffer moves leave the source empty and keep the bytes", "[crypto][secret]") {
  SecretBuffer a = SecretBuffer::copy_of(std::string("key material"));
  const uint8_t* where = a.data();
  SecretBuffer b(std::move(a));
  REQUIRE(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is the contract
  REQUIRE(a.data() == nullptr);
  REQUIRE(b.data() == where);  // moved, not copied
  REQUIRE(b.view().as_string_view() == "key material");

  SecretBuffer c(4);
  c = std::move(b);
  REQUIRE(b.empty());  // NOLINT(bugprone-use-after-move)
  REQUIRE(c.view().as_string_view() == "key material");
  SecretBuffer& alias = c;
  c = std::move(alias);  // self-move must not free the bytes
  REQUIRE(c.view().as_string_view() == "key material");
}

TEST_CASE("SecretBuffer::copy_of is a real, independent copy", "[crypto][secret]") {
  std::string source = "0123456789abcdef";
  SecretBuffer copy = SecretBuffer::copy_of(source);
  source[0] = 'X';
  REQUIRE(copy.view().as_string_view() == "0123456789abcdef");
  SecretBuffer again = SecretBuffer::copy_of(copy.view());
  REQUIRE(again.data() != copy.data());
  REQUIRE(equal_constant_time(again.view(), copy.view()));
  REQUIRE(SecretBuffer::copy_of(ByteView()).empty());
}

TEST_CASE("SecretBuffer::truncate wipes the tail it forgets", "[crypto][secret]") {
  SecretBuffer b = SecretBuffer::copy_of(std::string(32, '\x5a'));
  uint8_t* raw = b.data();
  b.truncate(10);
  REQUIRE(b.size() == 10);
  for (size_t i = 0; i < 10; ++i) REQUIRE(raw[i] == 0x5a);
  // The allocation is still 32 bytes long: the forgotten bytes must already be zero, not merely
  // out of view, because the AEAD opens in place and the tail held the tag.
  for (size_t i = 10; i < 32; ++i) REQUIRE(raw[i] == 0);
  b.truncate(20);  // growing is not truncating: no change
  REQUIRE(b.size() == 10);
}

TEST_CASE("equal_constant_time compares contents and lengths", "[crypto][secret]") {
  const std::string a = "same bytes here";
  std::string b = a;
  REQUIRE(equal_constant_time(a, b));
  for (size_t i = 0; i < b.size(); ++i) {
    b[i] ^= 1;
    REQUIRE_FALSE(equal_constant_time(a, b));
    b[i] ^= 1;
  }
  REQUIRE_FALSE(equal_constant_time(a, a.substr(0, a.size() - 1)));
  REQUIRE_FALSE(equal_constant_time(std::string(), std::string("x")));
  REQUIRE(equal_constant_time(std::string(), std::string()));
}
