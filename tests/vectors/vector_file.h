/* SPDX-License-Identifier: Apache-2.0 */
// Reading the vector files in the checkers. JSON is parsed with protobuf's own JSON parser into a
// google.protobuf.Struct (no extra dependency); numbers in the vectors are small enough for the
// doubles it uses.
#pragma once

#include <google/protobuf/struct.pb.h>

#include <cstdint>
#include <string>

namespace kartla::vectors {

using Node = google::protobuf::Value;

// Loads tests/vectors/<name> (the folder is compiled in as KARTLA_VECTOR_DIR).
Node load_vector_file(const std::string& name);

const Node& at(const Node& object, const std::string& key);
bool has(const Node& object, const std::string& key);
std::string text(const Node& object, const std::string& key);
std::string bytes(const Node& object, const std::string& key);  // decodes a hex string
uint64_t number(const Node& object, const std::string& key);
const google::protobuf::ListValue& list(const Node& object, const std::string& key);

std::string unhex(const std::string& hex);

}  // namespace kartla::vectors
