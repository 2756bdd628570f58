/* SPDX-License-Identifier: Apache-2.0 */
// Internal: the collector every check writes to, and field-path helpers. Paths use the proto
// field names (the names in the .proto files and in docs/MODEL.md), e.g. "entries[2].period.end".
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/validation/validate.h"

namespace kartla::model {

class Findings {
 public:
  explicit Findings(std::vector<Violation>& out) : out_(out) {}
  // `msgid` is a string literal (xgettext extracts it, src/i18n/update-catalogue.sh); `values`
  // (field names, codes, numbers, limits, quoted input) fill its directives untranslated.
  void report_violation(std::string path, std::string_view rule, const char* msgid,
                        std::initializer_list<std::string_view> values = {}) {
    report_violation(std::move(path), rule, localizable_with_values(msgid, values));
  }
  void report_violation(std::string path, std::string_view rule, Message text) {
    std::string english = text.english();
    out_.push_back(Violation{std::move(path), std::string(rule), std::move(english), std::move(text)});
  }

 private:
  std::vector<Violation>& out_;
};

// "parent.field", or "field" at the top.
inline std::string field_path(std::string_view parent, std::string_view field) {
  std::string p(parent);
  if (!p.empty()) p += '.';
  p += field;
  return p;
}

// "parent.field[index]".
inline std::string item_path(std::string_view parent, std::string_view field, int index) {
  return field_path(parent, field) + "[" + std::to_string(index) + "]";
}

}  // namespace kartla::model
