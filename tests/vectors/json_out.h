/* SPDX-License-Identifier: Apache-2.0 */
// A small ordered JSON document for the generator: members keep the order they were added in, so
// the committed vector files are stable and diffable (CTest vectors_reproducible compares bytes).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/bytes.h"

namespace kartla::vectors {

class Json {
 public:
  static Json object() { return Json(Kind::object); }
  static Json array() { return Json(Kind::array); }
  static Json string(std::string text);
  static Json hex(ByteView bytes);  // lowercase hex string
  static Json number(uint64_t value);
  static Json boolean(bool value);

  Json& add(std::string key, Json value);  // objects
  Json& push(Json value);                  // arrays

  // Two-space indented, members in insertion order, a newline at the end.
  std::string render() const;

 private:
  enum class Kind { object, array, scalar };
  explicit Json(Kind kind) : kind_(kind) {}
  void render_into(std::string& out, int depth) const;

  Kind kind_;
  std::string scalar_;  // already rendered JSON text
  std::vector<std::pair<std::string, Json>> members_;
  std::vector<Json> items_;
};

std::string to_hex(ByteView bytes);

}  // namespace kartla::vectors
