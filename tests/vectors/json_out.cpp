#include "json_out.h"

#include <stdexcept>

namespace kartla::vectors {
namespace {

std::string quote(const std::string& text) {
  static const char* kHex = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c >= 0x7f) {
      // Vectors are ASCII so that every language's JSON reader sees the same text.
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
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
