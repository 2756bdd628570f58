#include <catch2/catch.hpp>

#include "views/violations.h"

namespace kartla::views {

TEST_CASE("the validation report lists every violation as field, rule, message", "[violations]") {
  const std::string info = "languages";
  CHECK(violations_json(info, {}) == "{\n  \"section\": \"languages\",\n  \"valid\": true,\n  \"violations\": []\n}\n");
  const std::string json = violations_json(info, {{"entries[0].listening", "cefr-level", "\"B7\" is not"}, {"", "x", "y"}});
  CHECK(json ==
        "{\n  \"section\": \"languages\",\n  \"valid\": false,\n  \"violations\": [\n"
        "    {\n      \"field\": \"entries[0].listening\",\n      \"rule\": \"cefr-level\",\n"
        "      \"message\": \"\\\"B7\\\" is not\"\n    },\n"
        "    {\n      \"field\": \"\",\n      \"rule\": \"x\",\n      \"message\": \"y\"\n    }\n  ]\n}\n");
}

}  // namespace kartla::views
