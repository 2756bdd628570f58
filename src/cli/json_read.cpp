#include "json_read.h"

#include <google/protobuf/util/json_util.h>

#include "exit_codes.h"
#include "failure.h"

namespace kartla::cli {
namespace {

const JsonValue* find(const JsonObject& object, const std::string& name) {
  const auto& fields = object.fields();
  const auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

}  // namespace

JsonObject parse_json_object(std::string_view json) {
  JsonObject object;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &object);
  if (!status.ok()) throw Failure(Exit::internal, "the library returned JSON the CLI cannot read");
  return object;
}

std::string text_field(const JsonObject& object, const std::string& name) {
  const JsonValue* value = find(object, name);
  return value && value->kind_case() == JsonValue::kStringValue ? value->string_value() : std::string();
}

double number_field(const JsonObject& object, const std::string& name, double fallback) {
  const JsonValue* value = find(object, name);
  return value && value->kind_case() == JsonValue::kNumberValue ? value->number_value() : fallback;
}

bool bool_field(const JsonObject& object, const std::string& name) {
  const JsonValue* value = find(object, name);
  return value && value->kind_case() == JsonValue::kBoolValue && value->bool_value();
}

const JsonObject* object_field(const JsonObject& object, const std::string& name) {
  const JsonValue* value = find(object, name);
  return value && value->kind_case() == JsonValue::kStructValue ? &value->struct_value() : nullptr;
}

std::vector<const JsonObject*> object_list_field(const JsonObject& object, const std::string& name) {
  std::vector<const JsonObject*> items;
  const JsonValue* value = find(object, name);
  if (!value || value->kind_case() != JsonValue::kListValue) return items;
  for (const JsonValue& item : value->list_value().values())
    if (item.kind_case() == JsonValue::kStructValue) items.push_back(&item.struct_value());
  return items;
}

std::vector<std::string> text_list_field(const JsonObject& object, const std::string& name) {
  std::vector<std::string> items;
  const JsonValue* value = find(object, name);
  if (!value || value->kind_case() != JsonValue::kListValue) return items;
  for (const JsonValue& item : value->list_value().values())
    if (item.kind_case() == JsonValue::kStringValue) items.push_back(item.string_value());
  return items;
}

}  // namespace kartla::cli
