// SPDX-License-Identifier: Apache-2.0
// Prints, as a gettext template, the catalogue entries that no extractor can find in the source:
// those the views look up by data. Field labels and enum values of every section (walked from the
// section registry exactly as the record view walks them, views::schema_messages), and the labels
// of the code systems' closed lists (codes::code_systems). src/i18n/update-catalogue.sh merges
// this with xgettext's output into kartla.pot; check_catalogue.py fails when kartla.pot lacks any.
#include <cstdio>
#include <set>
#include <string>
#include <utility>

#include "codes/code_systems.h"
#include "model/section_registry.h"
#include "views/readable.h"

namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main() {
  std::set<std::pair<std::string, std::string>> entries;
  // msgcat wants a header with the charset; update-catalogue.sh keeps the code template's.
  std::printf("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
  for (const auto& info : kartla::model::all_sections()) {
    const kartla::views::SectionHeading heading{info.name, info.special_category, info.owner_only};
    kartla::views::schema_messages(heading, kartla::model::section_descriptor(info),
                                   [&](std::string_view context, std::string_view msgid) {
                                     entries.emplace(std::string(context), std::string(msgid));
                                   });
  }
  for (const auto& system : kartla::codes::code_systems()) {
    for (const auto& label : system.closed) entries.emplace("code", std::string(label.label));
  }
  for (const auto& [context, msgid] : entries) {
    if (msgid.empty()) continue;
    std::printf("#: proto/kartla/v1 src/codes/code_systems.cpp\nmsgctxt %s\nmsgid %s\nmsgstr \"\"\n\n",
                quoted(context).c_str(), quoted(msgid).c_str());
  }
  return 0;
}
