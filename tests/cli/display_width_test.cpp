// SPDX-License-Identifier: Apache-2.0
// The CLI's column widths (src/cli/display_width.h): labels in Swedish, Finnish, Arabic and
// Tigrinya, padded to a column, end in the same terminal column as their English.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "display_width.h"

using kartla::cli::code_point_width;
using kartla::cli::display_width;

namespace {
// What padded() in output.cpp does with the width: the label and then spaces up to `width`.
std::string pad(const std::string& label, size_t width) {
  const size_t w = display_width(label);
  return label + std::string(w < width ? width - w : 1, ' ');
}
}  // namespace

TEST_CASE("ASCII, and Swedish and Finnish letters, take one column each") {
  CHECK(display_width("") == 0);
  CHECK(display_width("record id:") == 10);
  CHECK(display_width("ägarens fingeravtryck:") == 22);  // 24 bytes
  CHECK(display_width("Överlämnad åt myndigheten") == 25);
  CHECK(display_width("järjestysnumero:") == 16);
  CHECK(display_width("tiedostopolku ääkkösillä") == 24);
}

TEST_CASE("a decomposed letter (a + combining diaeresis) takes the column of the precomposed one") {
  CHECK(display_width("a\xCC\x88") == 1);  // U+0061 U+0308
  CHECK(display_width("a\xCC\x88gare") == display_width("\xC3\xA4gare"));
}

TEST_CASE("Arabic: letters take a column, vowel marks (harakat) none") {
  // "كَتَبَ" (kataba): three letters, each with a fatha (U+064E).
  CHECK(display_width("\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E") == 3);
  // "السجل" (the record): five letters.
  CHECK(display_width("\xD8\xA7\xD9\x84\xD8\xB3\xD8\xAC\xD9\x84") == 5);
  CHECK(code_point_width(0x0651) == 0);  // shadda
  CHECK(code_point_width(0x200F) == 0);  // right-to-left mark
}

TEST_CASE("Tigrinya: each Ethiopic syllable takes one column, its combining marks none") {
  CHECK(display_width("\xE1\x88\x98\xE1\x8B\x9D\xE1\x8C\x88\xE1\x89\xA5") == 4);  // መዝገብ (record)
  CHECK(code_point_width(0x135F) == 0);
}

TEST_CASE("East Asian wide characters and emoji take two columns") {
  CHECK(display_width("\xE8\xA8\x98\xE9\x8C\xB2") == 4);  // 記録
  CHECK(display_width("\xED\x95\x9C") == 2);              // 한
  CHECK(display_width("\xF0\x9F\x98\x80") == 2);          // U+1F600
  CHECK(code_point_width(0xFF21) == 2);                   // full-width A
}

TEST_CASE("invalid UTF-8 counts a column per byte and never reads past the end") {
  CHECK(display_width("\xFF") == 1);
  CHECK(display_width("a\xC3") == 2);              // cut short
  CHECK(display_width("\xC0\xAF") == 2);           // overlong '/'
  CHECK(display_width("\xED\xA0\x80") == 3);       // a surrogate
  CHECK(display_width("\xF4\x90\x80\x80") == 4);   // beyond U+10FFFF
}

TEST_CASE("labels in five languages take the columns a reader counts, so padded they line up") {
  struct Label {
    std::string text;
    size_t columns;
  };
  const std::vector<Label> labels = {
      {"owner fingerprint:", 18},      // en
      {"ägarens fingeravtryck:", 22},  // sv: 24 bytes
      {"omistajan sormenjälki:", 22},  // fi: 23 bytes
      // ar "بصمةُ المالِك:": 10 letters, a space and a colon; a damma and a kasra take no column
      {"\xD8\xA8\xD8\xB5\xD9\x85\xD8\xA9\xD9\x8F \xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD9\x84\xD9\x90\xD9\x83:", 12},
      {"\xE1\x89\xA3\xE1\x88\x88\xE1\x89\xA4\xE1\x89\xB5:", 5},  // ti "ባለቤት:" (owner)
  };
  size_t width = 0;
  for (const Label& label : labels) {
    INFO(label.text);
    CHECK(display_width(label.text) == label.columns);
    width = std::max(width, label.columns + 2);
  }
  for (const Label& label : labels) {
    INFO(label.text);
    CHECK(display_width(pad(label.text, width)) == width);
    CHECK(pad(label.text, width).size() - label.text.size() == width - label.columns);
  }
}
