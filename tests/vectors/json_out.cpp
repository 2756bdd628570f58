// SPDX-License-Identifier: Apache-2.0
#include "json_out.h"

#include <cstdint>
#include <stdexcept>

namespace kartla::vectors {
namespace {

void append_escape(std::string& out, uint32_t unit) {
  static const char* kHex = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(unit >> shift) & 15]);
}

// The next code point of UTF-8 text at text[i] (advancing i); throws on anything that is not
// well-formed UTF-8, so a vector can never carry text no reader agrees on.
uint32_t next_code_point(const std::string& text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  struct Form {
    unsigned char first, last;  // lead byte range
    size_t length;
    uint32_t payload_mask, min;
  };
  static const Form kForms[] = {{0xc2, 0xdf, 2, 0x1f, 0x80}, {0xe0, 0xef, 3, 0x0f, 0x800}, {0xf0, 0xf4, 4, 0x07, 0x10000}};
  const Form* form = nullptr;
  for (const Form& f : kForms)
    if (lead >= f.first && lead <= f.last) form = &f;
  if (form == nullptr) throw std::logic_error("vector text is not UTF-8");
  const size_t length = form->length;
  const uint32_t min = form->min;
  uint32_t cp = lead & form->payload_mask;
  if (i + length > text.size()) throw std::logic_error("vector text is not UTF-8 (truncated sequence)");
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) throw std::logic_error("vector text is not UTF-8");
    cp = (cp << 6) | (byte(i + k) & 0x3fu);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw std::logic_error("vector text is not UTF-8");
  i += length;
  return cp;
}

// Vectors are ASCII so that every language's JSON reader sees the same text: a non-ASCII
// character is written as the JSON escape of its code point (a UTF-16 pair above U+FFFF), never
// byte by byte, which would turn "§" (c2 a7) into "\u00c2\u00a7", i.e. "Â§".
std::string quote(const std::string& text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c == '\n') {
      out += "\\n";
      ++i;
    } else if (c < 0x20 || c == 0x7f) {
      append_escape(out, c);
      ++i;
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
    } else {
      const uint32_t cp = next_code_point(text, i);
      if (cp < 0x10000) {
        append_escape(out, cp);
      } else {
        append_escape(out, 0xd800 + ((cp - 0x10000) >> 10));
        append_escape(out, 0xdc00 + ((cp - 0x10000) & 0x3ff));
      }
    }
  }
  return out + "\"";
}

}  // namespace

std::string to_hex(ByteView bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size * 2);
  for (size_t i = 0; i < bytes.size; ++i) {
    out.push_back(kHex[bytes.data[i] >> 4]);
    out.push_back(kHex[bytes.data[i] & 15]);
  }
  return out;
}

Json Json::string(std::string text) {
  Json j(Kind::scalar);
  j.scalar_ = quote(text);
  return j;
}

Json Json::hex(ByteView bytes) { return string(to_hex(bytes)); }

Json Json::number(uint64_t value) {
  // Readers often parse JSON numbers as doubles; larger values go in hex strings instead.
  if (value > (uint64_t{1} << 53)) throw std::logic_error("JSON number too large for a double");
  Json j(Kind::scalar);
  j.scalar_ = std::to_string(value);
  return j;
}

Json Json::boolean(bool value) {
  Json j(Kind::scalar);
  j.scalar_ = value ? "true" : "false";
  return j;
}

Json& Json::add(std::string key, Json value) {
  if (kind_ != Kind::object) throw std::logic_error("add() on a non-object");
  members_.emplace_back(std::move(key), std::move(value));
  return *this;
}

Json& Json::push(Json value) {
  if (kind_ != Kind::array) throw std::logic_error("push() on a non-array");
  items_.push_back(std::move(value));
  return *this;
}

std::string Json::render() const {
  std::string out;
  render_into(out, 0);
  return out + "\n";
}

void Json::render_into(std::string& out, int depth) const {
  const std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  const std::string close_pad(static_cast<size_t>(depth) * 2, ' ');
  switch (kind_) {
    case Kind::scalar:
      out += scalar_;
      return;
    case Kind::object:
      if (members_.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (size_t i = 0; i < members_.size(); ++i) {
        out += pad + quote(members_[i].first) + ": ";
        members_[i].second.render_into(out, depth + 1);
        out += i + 1 < members_.size() ? ",\n" : "\n";
      }
      out += close_pad + "}";
      return;
    case Kind::array:
      if (items_.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      for (size_t i = 0; i < items_.size(); ++i) {
        out += pad;
        items_[i].render_into(out, depth + 1);
        out += i + 1 < items_.size() ? ",\n" : "\n";
      }
      out += close_pad + "]";
      return;
  }
}

}  // namespace kartla::vectors
