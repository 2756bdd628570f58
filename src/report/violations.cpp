#include "report/violations.h"

#include "report/json_writer.h"

namespace kartla::report {

std::string violations_json(const model::SectionInfo& info, const std::vector<model::Violation>& violations) {
  JsonWriter json;
  json.begin_object().field("section", info.name).field("valid", violations.empty());
  json.begin_array("violations");
  for (const model::Violation& v : violations)
    json.begin_object().field("field", v.field_path).field("rule", v.rule).field("message", v.message).end_object();
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace kartla::report
