// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <string>

#include "crypto/encoding.h"

using namespace kartla::crypto;

TEST_CASE("to_hex is lowercase and from_hex inverts it", "[crypto][hex]") {
  const std::string bytes("\x00\x01\xab\xff", 4);
  REQUIRE(to_hex(bytes) == "0001abff");
  REQUIRE(from_hex("0001abff") == bytes);
  REQUIRE(from_hex("0001ABFF") == bytes);
  REQUIRE(from_hex("") == std::string());
  REQUIRE(to_hex(std::string()).empty());
}

TEST_CASE("from_hex accepts nothing but pairs of hex digits (THREATS.md T9)", "[crypto][hex]") {
  for (const char* bad : {"0", "abc", "0g", "g0", " 00", "00 ", "00\n", "0x00", "00-11", "+1", "zz", "\xc3\xa9"})
    REQUIRE_FALSE(from_hex(bad));
  REQUIRE_FALSE(from_hex(std::string("00\0" "11", 5)));
}

TEST_CASE("secret_from_hex decodes exactly the size asked for, skipping only the separators given",
          "[crypto][hex]") {
  const std::string text = "0011-2233 4455";
  const auto ok = secret_from_hex(text, 6, "- ");
  REQUIRE(ok);
  REQUIRE(ok->view().as_string_view() == std::string("\x00\x11\x22\x33\x44\x55", 6));
  REQUIRE_FALSE(secret_from_hex(text, 6, nullptr));        // separators not allowed
  REQUIRE_FALSE(secret_from_hex(text, 6, "-"));            // space not allowed
  REQUIRE_FALSE(secret_from_hex(text, 5, "- "));           // too long for 5 bytes
  REQUIRE_FALSE(secret_from_hex(text, 7, "- "));           // too short for 7 bytes
  REQUIRE_FALSE(secret_from_hex(std::string("0011-2233 445"), 6, "- "));
  REQUIRE_FALSE(secret_from_hex(std::string("0011-2233 44x5"), 6, "- "));
  REQUIRE_FALSE(secret_from_hex(std::string("0011-2233 4455!"), 6, "- "));
}

TEST_CASE("secret_to_hex writes lowercase hex in secure memory", "[crypto][hex]") {
  const SecretBuffer raw = SecretBuffer::copy_of(std::string("\x0f\xf0", 2));
  const SecretBuffer text = secret_to_hex(raw);
  REQUIRE(text.view().as_string_view() == "0ff0");
}
