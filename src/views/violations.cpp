#include "views/violations.h"

#include "views/json_writer.h"

namespace kartla::views {

std::string violations_json(std::string_view section, const std::vector<ReportedViolation>& violations) {
  JsonWriter json;
  json.begin_object().field("section", section).field("valid", violations.empty());
  json.begin_array("violations");
  for (const ReportedViolation& v : violations)
    json.begin_object().field("field", v.field).field("rule", v.rule).field("message", v.message).end_object();
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace kartla::views
