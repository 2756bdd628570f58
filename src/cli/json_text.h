// Just enough JSON for the CLI's own summaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kartla::cli {

// A JSON string literal, quotes included.
std::string json_quote(std::string_view text);

// A JSON array of strings.
std::string json_string_array(const std::vector<std::string>& items);

// Valid JSON text, however laid out (the library's reports, protobuf's section JSON, or both
// spliced into one document by the CLI), laid out as the library's own writer lays out its
// reports: two spaces per level, one member or element per line, ": " after each key, empty
// containers as {} and [], and a final newline. Every JSON document the CLI prints that holds
// another document goes through this, so it is one layout from top to bottom.
std::string json_document(std::string_view json);

}  // namespace kartla::cli
