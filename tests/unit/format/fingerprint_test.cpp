// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "format/fingerprint.h"

using kartla::format::fingerprint;

TEST_CASE("fingerprints are eight groups of four hex digits over both keys", "[format][fingerprint]") {
  const std::string signing(32, '\x11'), encryption(32, '\x22');
  // First 16 bytes of BLAKE2b-256("kartla/v1/fingerprint" 0x00 || signing || encryption),
  // computed independently.
  CHECK(fingerprint(signing, encryption) == "dd3b 8de7 8cd3 f9b0 a484 d497 8511 02e6");
  CHECK(std::regex_match(fingerprint(std::string(32, 'a'), std::string(32, 'b')),
                         std::regex("([0-9a-f]{4} ){7}[0-9a-f]{4}")));
  // Both keys count, in order: swapping or changing either changes the fingerprint.
  CHECK(fingerprint(encryption, signing) != fingerprint(signing, encryption));
  CHECK(fingerprint(signing, std::string(32, '\x23')) != fingerprint(signing, encryption));
}
