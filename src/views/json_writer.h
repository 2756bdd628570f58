// A small streaming JSON writer for the library's machine-readable output (the views, and the C
// ABI's reports of attestations, trust lists, provenance and contributions): indented two spaces,
// one member or element per line, keys in the order written. Strings are escaped by json_quote;
// the caller nests correctly. JSON made elsewhere (protobuf's printer for section content and
// claims) goes in through json(), which lays it out the same way, so a document has one layout.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::views {

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
  // A value given as JSON text (valid JSON, laid out any way), written in this writer's layout at
  // the current depth; an empty key makes it an array element.
  JsonWriter& json(std::string_view key, std::string_view value_json);
  // The finished text, with a final newline.
  std::string take();

 private:
  void start_value(std::string_view key);
  void indent();

  std::string out_;
  std::vector<bool> has_items_;  // per open container: has it a first element yet?
};

}  // namespace kartla::views
