// SPDX-License-Identifier: Apache-2.0
#include "display_width.h"

#include <algorithm>
#include <iterator>

namespace kartla::cli {
namespace {

struct Range {
  uint32_t first;
  uint32_t last;
};

// Non-spacing and enclosing marks (Mn, Me) and format characters (Cf) of the scripts a label or
// a name may use: Latin (with the combining diacritics a decomposed "ä" carries), Greek, Cyrillic,
// Hebrew, Arabic (harakat, Quranic marks), Syriac, Thaana, Devanagari, Ethiopic, and the general
// combining blocks; zero-width space, joiners and direction marks; variation selectors.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0600, 0x0605}, {0x0610, 0x061A}, {0x061C, 0x061C},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DD}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},
    {0x06EA, 0x06ED}, {0x070F, 0x070F}, {0x0711, 0x0711}, {0x0730, 0x074A}, {0x07A6, 0x07B0},
    {0x0900, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
    {0x0951, 0x0957}, {0x1160, 0x11FF}, {0x135D, 0x135F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0001, 0xE01EF},
};

// East Asian Wide and Fullwidth (Unicode's EastAsianWidth.txt, W and F), and the emoji blocks
// terminals draw two columns wide.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <size_t N>
bool in(const Range (&table)[N], uint32_t c) {
  // Sorted and disjoint: the first range whose last is >= c is the only one that can hold c.
  const Range* r = std::lower_bound(std::begin(table), std::end(table), c,
                                    [](const Range& range, uint32_t value) { return range.last < value; });
  return r != std::end(table) && r->first <= c;
}

// The code point starting at `s[i]` and its length in bytes; 0 bytes when the sequence is invalid
// (overlong, a surrogate, beyond U+10FFFF, or cut short).
size_t decode(std::string_view s, size_t i, uint32_t* out) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  uint32_t c = 0;
  if (lead < 0x80) {
    *out = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, c = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, c = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, c = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *out = c;
  return length;
}

}  // namespace

int code_point_width(uint32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;  // controls: filtered before printing
  if (c == 0xAD) return 1;                             // soft hyphen: wcwidth gives it a column
  if (in(kZeroWidth, c)) return 0;
  if (in(kWide, c)) return 2;
  return 1;
}

size_t display_width(std::string_view utf8) {
  size_t columns = 0;
  for (size_t i = 0; i < utf8.size();) {
    uint32_t c = 0;
    const size_t length = decode(utf8, i, &c);
    if (length == 0) {
      ++columns;
      ++i;
      continue;
    }
    columns += static_cast<size_t>(code_point_width(c));
    i += length;
  }
  return columns;
}

}  // namespace kartla::cli
