// Reading the JSON the library returns (section JSON, share descriptions, summaries) for display.
// It goes through protobuf's JSON parser into the well-known google.protobuf.Struct type, so the
// CLI needs no JSON parser of its own and never compiles the kartla.v1 schemas (which would
// register them a second time next to libkartla's copy).
#pragma once

#include <google/protobuf/struct.pb.h>

#include <string>
#include <string_view>
#include <vector>

namespace kartla::cli {

using JsonObject = google::protobuf::Struct;
using JsonValue = google::protobuf::Value;

// Parses a JSON object; anything else is an internal error (the library produced it).
JsonObject parse_json_object(std::string_view json);

// Field accessors: a missing field, or one of another type, gives the fallback (empty).
std::string text_field(const JsonObject& object, const std::string& name);
double number_field(const JsonObject& object, const std::string& name, double fallback = 0);
bool bool_field(const JsonObject& object, const std::string& name);
const JsonObject* object_field(const JsonObject& object, const std::string& name);
std::vector<const JsonObject*> object_list_field(const JsonObject& object, const std::string& name);
std::vector<std::string> text_list_field(const JsonObject& object, const std::string& name);

}  // namespace kartla::cli
