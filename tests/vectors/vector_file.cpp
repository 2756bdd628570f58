// SPDX-License-Identifier: Apache-2.0
#include "vector_file.h"

#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace kartla::vectors {

Node load_vector_file(const std::string& name) {
  const std::string path = std::string(KARTLA_VECTOR_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Node root;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &root);
  if (!status.ok()) throw std::runtime_error(path + ": " + std::string(status.message()));
  return root;
}

const Node& at(const Node& object, const std::string& key) {
  const auto& fields = object.struct_value().fields();
  auto it = fields.find(key);
  if (it == fields.end()) throw std::runtime_error("vector has no member \"" + key + "\"");
  return it->second;
}

bool has(const Node& object, const std::string& key) { return object.struct_value().fields().count(key) != 0; }

std::string text(const Node& object, const std::string& key) {
  const Node& v = at(object, key);
  if (v.kind_case() != Node::kStringValue) throw std::runtime_error("\"" + key + "\" is not a string");
  return v.string_value();
}

std::string unhex(const std::string& hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    throw std::runtime_error("vector hex must be lowercase hex digits");
  };
  if (hex.size() % 2 != 0) throw std::runtime_error("vector hex has an odd length");
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1])));
  return out;
}

std::string bytes(const Node& object, const std::string& key) { return unhex(text(object, key)); }

uint64_t number(const Node& object, const std::string& key) {
  const Node& v = at(object, key);
  if (v.kind_case() != Node::kNumberValue || v.number_value() < 0 || std::floor(v.number_value()) != v.number_value())
    throw std::runtime_error("\"" + key + "\" is not a non-negative integer");
  return static_cast<uint64_t>(v.number_value());
}

const google::protobuf::ListValue& list(const Node& object, const std::string& key) {
  const Node& v = at(object, key);
  if (v.kind_case() != Node::kListValue) throw std::runtime_error("\"" + key + "\" is not a list");
  return v.list_value();
}

}  // namespace kartla::vectors
