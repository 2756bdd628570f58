#include "verify_report.h"

#include "failure.h"

namespace kartla::cli {
namespace {

[[noreturn]] void malformed() { throw Failure(Exit::internal, "the library's verification report has an unexpected shape"); }

// The value of "key" in a flat JSON object: a string without escapes or a number. The report
// holds only hex, registry names and numbers (model/verify.cpp), so nothing needs unescaping.
std::string field(std::string_view object, std::string_view key) {
  const std::string needle = "\"" + std::string(key) + "\":";
  const size_t at = object.find(needle);
  if (at == std::string_view::npos) malformed();
  size_t i = at + needle.size();
  while (i < object.size() && object[i] == ' ') ++i;
  if (i < object.size() && object[i] == '"') {
    const size_t end = object.find('"', i + 1);
    if (end == std::string_view::npos) malformed();
    return std::string(object.substr(i + 1, end - i - 1));
  }
  size_t end = i;
  while (end < object.size() && object[end] >= '0' && object[end] <= '9') ++end;
  if (end == i) malformed();
  return std::string(object.substr(i, end - i));
}

}  // namespace

ReportExtras parse_report_extras(std::string_view json) {
  const size_t list = json.find("\"sections\": [");
  if (list == std::string_view::npos) malformed();
  ReportExtras out;
  out.kind = field(json.substr(0, list), "kind");
  const size_t list_end = json.find(']', list);
  if (list_end == std::string_view::npos) malformed();
  std::string_view rest = json.substr(list, list_end - list);
  for (size_t open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
    const size_t close = rest.find('}', open);
    if (close == std::string_view::npos) malformed();
    const std::string_view object = rest.substr(open, close - open + 1);
    out.sections.push_back({field(object, "name"), field(object, "generation"), field(object, "ciphertext_length")});
    rest.remove_prefix(close + 1);
  }
  return out;
}

}  // namespace kartla::cli
