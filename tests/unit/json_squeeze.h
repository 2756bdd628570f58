/* SPDX-License-Identifier: Apache-2.0 */
// JSON text without the whitespace between tokens, so a test checks what a result says, not how
// protobuf's printer lays it out.
#pragma once

#include <string>
#include <string_view>

inline std::string json_squeezed(std::string_view json) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size()) out += json[++i];
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      out += c;
    }
  }
  return out;
}
