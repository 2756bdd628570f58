#include "report/json_writer.h"

#include "report/text.h"

namespace kartla::report {

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

std::string JsonWriter::take() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace kartla::report
