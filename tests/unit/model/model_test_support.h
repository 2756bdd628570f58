/* SPDX-License-Identifier: Apache-2.0 */
// Shared helpers for the model tests: parse protobuf JSON strictly, find the repository, and
// look for a violation by rule and path.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <google/protobuf/util/json_util.h>

#include "model/validation/rules.h"
#include "model/validation/validate.h"

namespace kartla::model::test {

inline std::vector<Violation> validate(const google::protobuf::Message& m) {
  std::vector<Violation> v = validate_section(m);
  for (const Violation& x : v) {
    bool catalogued = false;
    for (const RuleInfo& r : validation_rules()) catalogued = catalogued || r.id == x.rule;
    INFO("rule reported but missing from validation_rules(): " << x.rule);
    CHECK(catalogued);
  }
  return v;
}

// Strict: unknown fields are an error, as they must be for records read from disk.
inline bool parse_json(const std::string& json, google::protobuf::Message* out, std::string* error) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(json, out, options);
  if (!status.ok() && error != nullptr) *error = status.ToString();
  return status.ok();
}

template <class T>
T from_json(const std::string& json) {
  T m;
  std::string error;
  INFO(json);
  INFO(error);
  REQUIRE(parse_json(json, &m, &error));
  return m;
}

inline std::string describe(const std::vector<Violation>& vs) {
  std::ostringstream s;
  for (const Violation& v : vs) s << v.field_path << " [" << v.rule << "] " << v.message << "\n";
  return s.str();
}

inline bool has_violation(const std::vector<Violation>& vs, std::string_view rule,
                          std::string_view path) {
  for (const Violation& v : vs) {
    if (v.rule == rule && v.field_path == path) return true;
  }
  return false;
}

inline bool has_rule(const std::vector<Violation>& vs, std::string_view rule) {
  for (const Violation& v : vs) {
    if (v.rule == rule) return true;
  }
  return false;
}

inline std::string source_dir() {
  if (const char* env = std::getenv("KARTLA_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
#ifdef KARTLA_SOURCE_DIR
  return KARTLA_SOURCE_DIR;
#else
  FAIL("KARTLA_SOURCE_DIR is not set");
  return {};
#endif
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A provenance block valid for any entry.
inline const char* kSelf = R"("assertion":{"source":"SELF_REPORTED","asserted_at":"2024-01-01T00:00:00Z"})";

}  // namespace kartla::model::test
