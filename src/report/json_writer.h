// A small streaming JSON writer for the views' machine-readable output (indented two spaces,
// keys in the order written). Strings are escaped by json_quote; the caller nests correctly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::report {

class JsonWriter {
 public:
  JsonWriter& begin_object(std::string_view key = {});
  JsonWriter& end_object();
  JsonWriter& begin_array(std::string_view key = {});
  JsonWriter& end_array();
  JsonWriter& field(std::string_view key, std::string_view text);
  JsonWriter& field(std::string_view key, const char* text) { return field(key, std::string_view(text)); }
  JsonWriter& field(std::string_view key, int64_t number);
  JsonWriter& field(std::string_view key, int32_t number) { return field(key, int64_t{number}); }
  JsonWriter& field(std::string_view key, bool value);
  JsonWriter& null_field(std::string_view key);
  JsonWriter& item(std::string_view text);  // a string in an array
  // The finished text, with a final newline.
  std::string take();

 private:
  void start_value(std::string_view key);
  void indent();

  std::string out_;
  std::vector<bool> has_items_;  // per open container: has it a first element yet?
};

}  // namespace kartla::report
