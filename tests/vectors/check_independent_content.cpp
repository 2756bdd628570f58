// SPDX-License-Identifier: Apache-2.0
// content.json judged from docs/MODEL.md alone (independent_content.cpp): each vector's content
// gives exactly the violations it lists, in any order, and none when it is valid.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>

#include "independent_content.h"
#include "vector_file.h"

namespace {

using kartla::vectors::at;
using kartla::vectors::bytes;
using kartla::vectors::list;
using kartla::vectors::load_vector_file;
using kartla::vectors::Node;
using kartla::vectors::text;
namespace independent = kartla::vectors::independent;

}  // namespace

TEST_CASE("content.json: a validator written from MODEL.md finds exactly each vector's violations") {
  const Node doc = load_vector_file("content.json");
  REQUIRE(list(doc, "vectors").values_size() > 0);
  size_t negatives = 0;
  for (const Node& v : list(doc, "vectors").values()) {
    INFO(text(v, "name") << ": " << text(v, "comment"));
    independent::ContentFindings expected;
    for (const Node& e : list(v, "violations").values()) expected.emplace_back(text(e, "field"), text(e, "rule"));
    CHECK(at(v, "valid").bool_value() == expected.empty());
    negatives += expected.empty() ? 0 : 1;
    independent::ContentFindings found = independent::validate_content(text(v, "section"), bytes(v, "content"));
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    CHECK(found == expected);
  }
  CHECK(negatives > 0);
}
