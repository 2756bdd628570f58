#include <catch2/catch.hpp>

#include "views/json_writer.h"

namespace kartla::views {

TEST_CASE("the JSON writer lays out nested JSON text as its own", "[json]") {
  JsonWriter json;
  json.begin_object()
      .field("name", "a")
      .json("claim", "{\n \"kind\": \"VALIDATED\",\n \"level\": [1, 2]\n}\n")  // protobuf's printer
      .json("empty", " { } ")
      .begin_array("items")
      .json({}, R"({"text":"a, b: {c}","quote":"\"}\\"})")  // separators inside strings stay
      .json({}, "[]")
      .end_array()
      .json("none", "null")
      .end_object();
  CHECK(json.take() ==
        "{\n"
        "  \"name\": \"a\",\n"
        "  \"claim\": {\n"
        "    \"kind\": \"VALIDATED\",\n"
        "    \"level\": [\n"
        "      1,\n"
        "      2\n"
        "    ]\n"
        "  },\n"
        "  \"empty\": {},\n"
        "  \"items\": [\n"
        "    {\n"
        "      \"text\": \"a, b: {c}\",\n"
        "      \"quote\": \"\\\"}\\\\\"\n"
        "    },\n"
        "    []\n"
        "  ],\n"
        "  \"none\": null\n"
        "}\n");
}

}  // namespace kartla::views
