#include "views/json_writer.h"

#include "views/text.h"

namespace kartla::views {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Copies valid JSON text `in` into `out` in JsonWriter's layout, its outermost value starting at
// nesting `depth`. Strings are copied as they are (escapes included); whitespace between tokens
// is dropped and written anew.
void append_laid_out(std::string& out, std::string_view in, size_t depth) {
  const auto newline = [&](size_t d) {
    out += '\n';
    out.append(2 * d, ' ');
  };
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (is_space(c)) continue;
    if (c == '"') {
      const size_t start = i;
      for (++i; i < in.size() && in[i] != '"'; ++i)
        if (in[i] == '\\') ++i;
      out.append(in.substr(start, i - start + 1));
    } else if (c == '{' || c == '[') {
      size_t next = i + 1;
      while (next < in.size() && is_space(in[next])) ++next;
      out += c;
      if (next < in.size() && (in[next] == '}' || in[next] == ']')) {
        out += in[next];  // empty: {} or [] as the writer writes them
        i = next;
      } else {
        newline(++depth);
      }
    } else if (c == '}' || c == ']') {
      newline(--depth);
      out += c;
    } else if (c == ',') {
      out += ',';
      newline(depth);
    } else if (c == ':') {
      out += ": ";
    } else {
      out += c;  // numbers, true, false, null
    }
  }
}

}  // namespace

void JsonWriter::indent() { out_.append(2 * has_items_.size(), ' '); }

void JsonWriter::start_value(std::string_view key) {
  if (!has_items_.empty()) {
    out_ += has_items_.back() ? ",\n" : "\n";
    has_items_.back() = true;
    indent();
  }
  if (!key.empty()) out_ += json_quote(key) + ": ";
}

JsonWriter& JsonWriter::begin_object(std::string_view key) {
  start_value(key);
  out_ += '{';
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items) {
    out_ += '\n';
    indent();
  }
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array(std::string_view key) {
  start_value(key);
  out_ += '[';
  has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (had_items) {
    out_ += '\n';
    indent();
  }
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view key, std::string_view text) {
  start_value(key);
  out_ += json_quote(text);
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view key, int64_t number) {
  start_value(key);
  out_ += std::to_string(number);
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view key, bool value) {
  start_value(key);
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null_field(std::string_view key) {
  start_value(key);
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::item(std::string_view text) {
  start_value({});
  out_ += json_quote(text);
  return *this;
}

JsonWriter& JsonWriter::json(std::string_view key, std::string_view value_json) {
  start_value(key);
  append_laid_out(out_, value_json, has_items_.size());
  return *this;
}

std::string JsonWriter::take() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace kartla::views
