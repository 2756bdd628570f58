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

}  // namespace kartla::cli
