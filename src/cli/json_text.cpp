#include "json_text.h"

#include <cstdio>

namespace kartla::cli {

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string json_string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : ", ") + json_quote(items[i]);
  return out + "]";
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

// The CLI sees only the public headers, so it cannot use the library's writer (src/views/json_writer.h);
// this is the same layout rule, applied to text.
std::string json_document(std::string_view in) {
  std::string out;
  size_t depth = 0;
  const auto newline = [&] {
    out += '\n';
    out.append(2 * depth, ' ');
  };
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (is_space(c)) continue;
    if (c == '"') {  // copied as it is, escapes included
      const size_t start = i;
      for (++i; i < in.size() && in[i] != '"'; ++i)
        if (in[i] == '\\') ++i;
      out.append(in.substr(start, i - start + 1));
    } else if (c == '{' || c == '[') {
      size_t next = i + 1;
      while (next < in.size() && is_space(in[next])) ++next;
      out += c;
      if (next < in.size() && (in[next] == '}' || in[next] == ']')) {
        out += in[next];
        i = next;
      } else {
        ++depth;
        newline();
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
      newline();
      out += c;
    } else if (c == ',') {
      out += ',';
      newline();
    } else if (c == ':') {
      out += ": ";
    } else {
      out += c;  // numbers, true, false, null
    }
  }
  return out + "\n";
}

}  // namespace kartla::cli
