// SPDX-License-Identifier: Apache-2.0
#include "views/text.h"

#include <cstdint>

#include "kartla/v1/types.pb.h"

namespace kartla::views {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not valid (overlong
// forms, surrogates and values above U+10FFFF included).
size_t utf8_sequence_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}

// Calls emit(piece, is_control) for each character, with invalid bytes as U+FFFD.
template <typename Emit>
void for_each_character(std::string_view text, Emit&& emit) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      emit(kReplacement);
      ++i;
      continue;
    }
    emit(text.substr(i, n));
    i += n;
  }
}

bool is_control(std::string_view c) {
  return c.size() == 1 && (static_cast<uint8_t>(c[0]) < 0x20 || c[0] == 0x7f);
}

bool same_primary_language(std::string_view a, std::string_view b) {
  return a.substr(0, a.find('-')) == b.substr(0, b.find('-'));
}

}  // namespace

std::string localized(const LocalizedList& texts, std::string_view language) {
  for (const v1::LocalizedText& t : texts)
    if (t.lang() == language) return t.text();
  for (const v1::LocalizedText& t : texts)
    if (same_primary_language(t.lang(), language)) return t.text();
  for (const v1::LocalizedText& t : texts)
    if (same_primary_language(t.lang(), "en")) return t.text();
  return texts.empty() ? std::string() : texts.Get(0).text();
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for_each_character(text, [&](std::string_view c) {
    if (c == "&") {
      out += "&amp;";
    } else if (c == "<") {
      out += "&lt;";
    } else if (c == ">") {
      out += "&gt;";
    } else if (c == "\"") {
      out += "&quot;";
    } else if (c == "'") {
      out += "&apos;";
    } else if (is_control(c)) {
      out += ' ';
    } else {
      out += c;
    }
  });
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  for_each_character(text, [&](std::string_view c) { out += is_control(c) ? std::string_view(" ") : c; });
  return out;
}

size_t display_width(std::string_view text) {
  size_t n = 0;
  for_each_character(text, [&](std::string_view) { ++n; });
  return n;
}

std::string truncate_to(std::string_view text, size_t width) {
  if (display_width(text) <= width) return std::string(text);
  std::string out;
  size_t n = 0;
  for_each_character(text, [&](std::string_view c) {
    if (n + 1 < width) out += c;
    ++n;
  });
  return width == 0 ? std::string() : out + "…";
}

std::string pad_right(std::string_view text, size_t width) {
  std::string out(text);
  const size_t w = display_width(text);
  out.append(w < width ? width - w : 1, ' ');
  return out;
}

std::string humanize_enum(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
  std::string out;
  for (char c : name) out += c == '_' ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace kartla::views
