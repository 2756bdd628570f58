// SPDX-License-Identifier: Apache-2.0
// Reading a section into memory the caller owns (kartla_record_section_into): the same bytes
// and checks as read_section, a too-small buffer refused before anything is written, and a
// failed read leaves nothing of the section, not even its ciphertext, in the caller's memory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "base/error.h"
#include "crypto/padding.h"
#include "record_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

namespace {

Code code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

bool all_zero(const std::vector<uint8_t>& bytes, size_t n) {
  return std::all_of(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n), [](uint8_t b) { return b == 0; });
}

}  // namespace

TEST_CASE("a section read into the caller's buffer equals read_section", "[record][into]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  Record r = Record::create(owner_keys());
  const std::string text = sample_content(section("notes"), std::string(5000, 'n'));
  r.write_section(section("notes"), text);
  // Unsaved (held in memory) and saved (read from the file) take different paths.
  for (int saved = 0; saved < 2; ++saved) {
    INFO("saved: " << saved);
    if (saved) {
      r.save(path);
      r = open_bytes(read_plain(path));
    }
    // The capacity needed is the padded length (SPEC §5.4): at least the content, at most 1/16 above.
    const uint64_t capacity = r.section_size(section("notes"));
    REQUIRE(capacity >= text.size());
    REQUIRE(capacity == crypto::padded_size(text.size()));
    std::vector<uint8_t> out(capacity + 7, 0xEE);
    CHECK(r.read_section_into(section("notes"), out.data(), out.size()) == text.size());
    CHECK(std::string(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(text.size())) == text);
    // After the content: the padding is wiped (or never written), and nothing past the capacity.
    CHECK(std::all_of(out.begin() + static_cast<std::ptrdiff_t>(text.size()), out.begin() + static_cast<std::ptrdiff_t>(capacity),
                      [](uint8_t b) { return b == 0 || b == 0xEE; }));
    CHECK(std::all_of(out.begin() + static_cast<std::ptrdiff_t>(capacity), out.end(), [](uint8_t b) { return b == 0xEE; }));
    // Exactly the capacity is enough.
    std::vector<uint8_t> exact(capacity, 0xEE);
    CHECK(r.read_section_into(section("notes"), exact.data(), exact.size()) == text.size());

    std::vector<uint8_t> small(text.size() - 1, 0xEE);
    CHECK(code_of([&] { (void)r.read_section_into(section("notes"), small.data(), small.size()); }) ==
          Code::invalid_argument);
    CHECK(std::all_of(small.begin(), small.end(), [](uint8_t b) { return b == 0xEE; }));
    if (saved) {
      // From the file, a buffer below the padded length is refused before anything is read.
      std::vector<uint8_t> below(capacity - 1, 0xEE);
      CHECK(code_of([&] { (void)r.read_section_into(section("notes"), below.data(), below.size()); }) ==
            Code::invalid_argument);
      CHECK(std::all_of(below.begin(), below.end(), [](uint8_t b) { return b == 0xEE; }));
    }
  }
  CHECK(code_of([&] { (void)r.section_size(section("profile")); }) == Code::not_found);
}

TEST_CASE("a tampered body fails and leaves the caller's buffer wiped", "[record][into]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  Record r = Record::create(owner_keys());
  const std::string text = sample_content(section("notes"), std::string(3000, 'n'));
  r.write_section(section("notes"), text);
  r.save(path);
  std::string file = read_plain(path);
  file[file.size() - 100] = static_cast<char>(file[file.size() - 100] ^ 1);  // inside the only body
  const Record tampered = open_bytes(file);
  std::vector<uint8_t> out(tampered.section_size(section("notes")), 0xEE);
  CHECK(code_of([&] { (void)tampered.read_section_into(section("notes"), out.data(), out.size()); }) ==
        Code::integrity);
  CHECK(all_zero(out, out.size()));
}
