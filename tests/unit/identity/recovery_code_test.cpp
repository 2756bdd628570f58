// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "base/error.h"
#include "identity/recovery_code.h"

using namespace kartla;
using namespace kartla::identity;

TEST_CASE("recovery codes carry 128 random bits and parse back to them", "[identity][recovery]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const RecoveryCode code = new_recovery_code();
    REQUIRE(code.entropy.size() == kRecoveryEntropyBytes);
    REQUIRE(code.text.size() == 44);  // 36 digits and 8 dashes
    const crypto::SecretBuffer parsed = parse_recovery_code(code.text.view());
    REQUIRE(crypto::equal_constant_time(parsed.view(), code.entropy.view()));
    seen.insert(code.entropy.view().to_string());
  }
  REQUIRE(seen.size() == 50);
}

TEST_CASE("recovery code input is counted in bytes, at most 4096", "[identity][recovery]") {
  const RecoveryCode code = new_recovery_code();
  const std::string text = code.text.view().to_string();
  // Separators may pad the code up to the limit; one byte more is refused before parsing.
  const std::string padded = text + std::string(kMaxRecoveryCodeInputBytes - text.size(), ' ');
  CHECK(crypto::equal_constant_time(parse_recovery_code(padded).view(), code.entropy.view()));
  auto code_of = [](const std::string& input) {
    try {
      (void)parse_recovery_code(input);
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  CHECK(code_of(padded + " ") == Code::limit);
  // A non-ASCII separator is bytes that are neither digits nor separators: a typo.
  std::string nbsp = text;
  nbsp.replace(4, 1, "\xc2\xa0");  // U+00A0 NO-BREAK SPACE for the first '-'
  CHECK(code_of(nbsp) == Code::auth);
  std::string en_dash = text;
  en_dash.replace(4, 1, "\xe2\x80\x93");  // U+2013 EN DASH
  CHECK(code_of(en_dash) == Code::auth);
}

TEST_CASE("every single-digit typo in a recovery code is caught", "[identity][recovery]") {
  // A 16-bit checksum cannot catch everything, but every change to one digit of the checksum
  // group is caught by construction, and a change elsewhere is caught unless the new entropy
  // happens to collide (2^-16): assert on the checksum group, count the rest.
  const RecoveryCode code = new_recovery_code();
  const std::string text = code.text.view().to_string();
  size_t caught = 0, tried = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-') continue;
    for (const char digit : std::string("0123456789abcdef")) {
      if (digit == text[i]) continue;
      std::string typo = text;
      typo[i] = digit;
      ++tried;
      try {
        (void)parse_recovery_code(typo);
      } catch (const Error& e) {
        REQUIRE(e.code() == Code::auth);
        REQUIRE(std::string(e.what()).find("mistyped") != std::string::npos);
        ++caught;
        continue;
      }
      REQUIRE(i < 40);  // never in the checksum group (positions 40-43)
    }
  }
  REQUIRE(tried == 36 * 15);
  REQUIRE(caught >= tried - 2);
}

TEST_CASE("recovery wrapping keys are a labelled hash of the entropy", "[identity][recovery]") {
  const RecoveryCode a = new_recovery_code(), b = new_recovery_code();
  const crypto::SecretBuffer ka = recovery_wrapping_key(a.entropy);
  REQUIRE(ka.size() == 32);
  REQUIRE(crypto::equal_constant_time(ka.view(), recovery_wrapping_key(a.entropy).view()));
  REQUIRE_FALSE(crypto::equal_constant_time(ka.view(), recovery_wrapping_key(b.entropy).view()));
  REQUIRE_FALSE(crypto::equal_constant_time(ka.view(), a.entropy.view()));
}
