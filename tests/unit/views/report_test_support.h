/* SPDX-License-Identifier: Apache-2.0 */
// Helpers for the report tests: parse protobuf JSON into a section message.
#pragma once

#include <string>

#include <catch2/catch.hpp>
#include <google/protobuf/util/json_util.h>

namespace kartla::views::test {

template <class T>
T from_json(const std::string& json) {
  T m;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &m);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return m;
}

inline size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace kartla::views::test
