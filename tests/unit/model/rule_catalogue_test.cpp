// SPDX-License-Identifier: Apache-2.0
// Every rule in the catalogue is exercised by a test in this folder or in tests/unit/codes (the
// identifier rules, checked where they live, in src/codes), the code-format rules by
// code_systems_test.cpp's table, which must cover every registered system; and ids are unique.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "codes/code_systems.h"
#include "model/validation/rules.h"
#include "model_test_support.h"

namespace kartla::model {

TEST_CASE("rule ids are unique and each has a test case", "[rules]") {
  namespace fs = std::filesystem;
  std::string tests;
  for (const char* folder : {"tests/unit/model", "tests/unit/codes"}) {
    for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / folder)) {
      if (e.path().extension() == ".cpp") tests += test::read_file(e.path().string());
    }
  }
  std::set<std::string> code_rules;
  for (const codes::CodeSystem& s : codes::code_systems()) code_rules.insert(std::string(s.code_rule));

  std::set<std::string> seen;
  for (const RuleInfo& r : validation_rules()) {
    INFO(r.id);
    CHECK(seen.insert(std::string(r.id)).second);
    CHECK_FALSE(r.summary.empty());
    if (code_rules.count(std::string(r.id)) != 0) continue;  // covered per system
    CHECK(tests.find("\"" + std::string(r.id) + "\"") != std::string::npos);
  }
}

}  // namespace kartla::model
