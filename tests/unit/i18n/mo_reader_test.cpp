// SPDX-License-Identifier: Apache-2.0
// The .mo reader is bounded: every catalogue msgfmt made loads, and a damaged buffer of any
// kind (truncated at every length, every byte flipped, hostile offsets and counts) reads as an
// empty catalogue or as one whose every string lies inside the buffer, never out of it.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>

#include "i18n/embedded.h"
#include "i18n/mo_reader.h"

namespace kartla::i18n {
namespace {

void put32(std::string& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Every string a catalogue hands out must lie inside its buffer and end with a NUL there.
void check_inside(const MoCatalogue& c, std::string_view buffer, std::string_view key) {
  const std::string_view found = c.find(key);
  if (found.empty()) return;
  CHECK(found.data() >= buffer.data());
  CHECK(found.data() + found.size() < buffer.data() + buffer.size());
  CHECK(found.data()[found.size()] == '\0');
}

}  // namespace

TEST_CASE("every embedded catalogue loads, with its header and plural rule", "[i18n][mo]") {
  for (const std::string_view bytes : {embedded_catalogue_sv(), embedded_catalogue_fi(), embedded_catalogue_en(),
                                       embedded_catalogue_ar(), embedded_catalogue_so(), embedded_catalogue_ti(),
                                       embedded_catalogue_fa_AF()}) {
    const MoCatalogue c(bytes);
    REQUIRE(c.valid());
    CHECK(c.size() > 1);
    CHECK(std::string(c.header()).find("Plural-Forms: nplurals=2; plural=(n != 1);") != std::string::npos);
  }
}

TEST_CASE("plural_form picks the n-th NUL-separated form", "[i18n][mo]") {
  const std::string forms("one\0two", 7);
  CHECK(plural_form(forms, 0) == "one");
  CHECK(plural_form(forms, 1) == "two");
  CHECK(plural_form(forms, 2).empty());
  CHECK(plural_form({}, 0).empty());
}

TEST_CASE("a truncated or bit-flipped catalogue never reads outside its buffer", "[i18n][mo]") {
  const std::string whole(embedded_catalogue_sv());
  for (size_t n = 0; n < whole.size(); n += (n < 256 ? 1 : 97)) {
    const std::string cut = whole.substr(0, n);
    const MoCatalogue c(cut);
    CHECK_FALSE(c.valid());  // the strings are at the end: any cut loses a NUL or a string
  }
  std::mt19937 rng(16);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = whole;
    // Mostly the header and tables, where offsets live.
    const size_t at = round % 2 == 0 ? rng() % std::min<size_t>(damaged.size(), 4096) : rng() % damaged.size();
    damaged[at] = static_cast<char>(damaged[at] ^ (1u << (rng() % 8)));
    const MoCatalogue c(damaged);
    check_inside(c, damaged, "yes");
    check_inside(c, std::string_view(damaged), std::string("section\x04Languages"));
  }
}

TEST_CASE("hostile counts and offsets are refused before anything is allocated", "[i18n][mo]") {
  std::string b(28, '\0');
  put32(b, 0, 0x950412de);
  put32(b, 8, 0xffffffff);  // 4 billion entries in 28 bytes
  put32(b, 12, 28);
  put32(b, 16, 28);
  CHECK_FALSE(MoCatalogue(b).valid());
  put32(b, 8, 1);
  put32(b, 12, 0xfffffff0);  // a table past the end
  CHECK_FALSE(MoCatalogue(b).valid());
  put32(b, 0, 0x12345678);  // not a .mo
  CHECK_FALSE(MoCatalogue(b).valid());
  CHECK_FALSE(MoCatalogue({}).valid());
}

TEST_CASE("a catalogue whose originals are out of order is refused (lookups would miss)", "[i18n][mo]") {
  // Two entries, "b" then "a": header 28 bytes, tables at 28 and 44, strings from 60.
  std::string b(64, '\0');
  put32(b, 0, 0x950412de);
  put32(b, 8, 2);
  put32(b, 12, 28);
  put32(b, 16, 44);
  b[60] = 'b';
  b[62] = 'a';
  put32(b, 28, 1), put32(b, 32, 60);  // original 0: "b"
  put32(b, 36, 1), put32(b, 40, 62);  // original 1: "a"
  put32(b, 44, 1), put32(b, 48, 62);
  put32(b, 52, 1), put32(b, 56, 60);
  CHECK_FALSE(MoCatalogue(b).valid());
  // In order, the same bytes load and look up.
  put32(b, 32, 62), put32(b, 40, 60);
  const MoCatalogue ok(b);
  REQUIRE(ok.valid());
  CHECK(ok.find("a") == "a");
  CHECK(ok.find("b") == "b");
  CHECK(ok.find("c").empty());
}

}  // namespace kartla::i18n
