// SPDX-License-Identifier: Apache-2.0
// content.json through the public C ABI: kartla_validate_section reports exactly the violations
// each vector lists (field path and rule), and KARTLA_OK exactly when the vector is valid.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kartla/kartla.h"
#include "kartla/v1/results.pb.h"
#include "vector_file.h"

namespace {

using kartla::vectors::at;
using kartla::vectors::bytes;
using kartla::vectors::list;
using kartla::vectors::load_vector_file;
using kartla::vectors::Node;
using kartla::vectors::text;

using Found = std::vector<std::pair<std::string, std::string>>;  // (field, rule)

Found expected_of(const Node& v) {
  Found out;
  for (const Node& e : list(v, "violations").values()) out.emplace_back(text(e, "field"), text(e, "rule"));
  return out;
}

}  // namespace

TEST_CASE("content.json: the library reports exactly each vector's violations") {
  const Node doc = load_vector_file("content.json");
  REQUIRE(list(doc, "vectors").values_size() > 0);
  for (const Node& v : list(doc, "vectors").values()) {
    const std::string name = text(v, "name");
    INFO(name << ": " << text(v, "comment"));
    const std::string content = bytes(v, "content");
    kartla_buffer report = KARTLA_BUFFER_INIT;
    const kartla_status status =
        kartla_validate_section(text(v, "section").c_str(), reinterpret_cast<const uint8_t*>(content.data()),
                                content.size(), KARTLA_ENCODING_PROTOBUF, &report);
    kartla::v1::ValidationReport parsed;
    const bool ok = parsed.ParseFromArray(report.data, static_cast<int>(report.len));
    kartla_buffer_free(&report);
    REQUIRE(ok);
    const bool valid = at(v, "valid").bool_value();
    CHECK(status == (valid ? KARTLA_OK : KARTLA_E_SCHEMA));
    CHECK(parsed.valid() == valid);
    Found found;
    for (const auto& x : parsed.violations()) found.emplace_back(x.field(), x.rule());
    CHECK(found == expected_of(v));
  }
}
