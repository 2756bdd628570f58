// SPDX-License-Identifier: Apache-2.0
// Every shipped example validates cleanly and survives protobuf JSON -> binary -> JSON ->
// binary unchanged; the instruments pinned inside the examples are the shipped definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/message_differencer.h>

#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/progress.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

namespace fs = std::filesystem;
using google::protobuf::Message;

fs::path examples_dir() { return fs::path(test::source_dir()) / "examples"; }

std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> persona_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(examples_dir() / "personas")) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// A section file is named after its schema file: work_ability.json holds kartla.v1.WorkAbility,
// the message of that name defined in kartla/v1/work_ability.proto.
std::unique_ptr<Message> new_message_for(const fs::path& file) {
  const std::string stem = file.stem().string();
  std::string camel;
  bool upper = true;
  for (char c : stem) {
    if (c == '_') {
      upper = true;
    } else {
      camel += upper ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  // The library's copy of the schemas has a private package (proto/CMakeLists.txt).
  const std::string& package = v1::Progress::descriptor()->file()->package();
  const auto* type = google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(package + "." + camel);
  INFO(file.string());
  REQUIRE(type != nullptr);
  REQUIRE(type->file()->name() == "kartla_internal/v1/" + stem + ".proto");
  return std::unique_ptr<Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->New());
}

void check_round_trip(const Message& parsed) {
  std::string binary;
  REQUIRE(parsed.SerializeToString(&binary));
  google::protobuf::util::JsonPrintOptions print;
  print.preserve_proto_field_names = true;
  std::string json;
  REQUIRE(google::protobuf::util::MessageToJsonString(parsed, &json, print).ok());
  std::unique_ptr<Message> again(parsed.New());
  std::string error;
  INFO(error);
  REQUIRE(test::parse_json(json, again.get(), &error));
  std::string binary_again;
  REQUIRE(again->SerializeToString(&binary_again));
  CHECK(binary_again == binary);
}

void check_section_file(const fs::path& file) {
  DYNAMIC_SECTION(fs::relative(file, examples_dir()).string()) {
    auto msg = new_message_for(file);
    std::string error;
    INFO(error);
    REQUIRE(test::parse_json(test::read_file(file.string()), msg.get(), &error));
    const auto violations = test::validate(*msg);
    INFO(test::describe(violations));
    CHECK(violations.empty());
    CHECK(msg->ByteSizeLong() > 0);
    check_round_trip(*msg);
  }
}

}  // namespace

TEST_CASE("examples/sections: every section validates and round-trips", "[examples]") {
  const auto files = json_files(examples_dir() / "sections");
  REQUIRE(files.size() >= 12);
  for (const auto& f : files) check_section_file(f);
}

TEST_CASE("examples/personas: every persona file validates and round-trips", "[examples]") {
  const auto dirs = persona_dirs();
  REQUIRE(dirs.size() >= 3);
  for (const auto& dir : dirs) {
    for (const auto& f : json_files(dir)) check_section_file(f);
  }
}

TEST_CASE("every persona covers the same sections as examples/sections", "[examples]") {
  std::set<std::string> expected;
  for (const auto& f : json_files(examples_dir() / "sections")) expected.insert(f.filename().string());
  for (const auto& dir : persona_dirs()) {
    std::set<std::string> have;
    for (const auto& f : json_files(dir)) have.insert(f.filename().string());
    INFO(dir.string());
    CHECK(have == expected);
  }
}

TEST_CASE("examples/instruments: every definition validates and round-trips", "[examples]") {
  const auto files = json_files(examples_dir() / "instruments");
  REQUIRE(files.size() >= 4);
  for (const auto& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      v1::InstrumentDefinition def;
      std::string error;
      INFO(error);
      REQUIRE(test::parse_json(test::read_file(file.string()), &def, &error));
      CHECK(def.id() == file.stem().string());
      const auto violations = test::validate(def);
      INFO(test::describe(violations));
      CHECK(violations.empty());
      // Licensed or unknown wording must say so where a reader will see it.
      if (def.placeholder_wording()) CHECK(def.wording_note().find("PLACEHOLDER") != std::string::npos);
      check_round_trip(def);
    }
  }
}

TEST_CASE("instruments pinned in the examples are the shipped definitions", "[examples]") {
  std::vector<v1::InstrumentDefinition> shipped;
  for (const auto& file : json_files(examples_dir() / "instruments")) {
    shipped.emplace_back();
    REQUIRE(test::parse_json(test::read_file(file.string()), &shipped.back(), nullptr));
  }
  auto check_pinned = [&](const google::protobuf::RepeatedPtrField<v1::InstrumentDefinition>& pinned) {
    for (const auto& def : pinned) {
      INFO(def.id());
      const bool found = std::any_of(shipped.begin(), shipped.end(), [&](const auto& s) {
        return google::protobuf::util::MessageDifferencer::Equals(s, def);
      });
      CHECK(found);
    }
  };
  std::vector<fs::path> dirs = persona_dirs();
  dirs.push_back(examples_dir() / "sections");
  for (const auto& dir : dirs) {
    v1::Progress progress;
    REQUIRE(test::parse_json(test::read_file((dir / "progress.json").string()), &progress, nullptr));
    check_pinned(progress.instruments());
    v1::WorkAbility work_ability;
    REQUIRE(test::parse_json(test::read_file((dir / "work_ability.json").string()), &work_ability, nullptr));
    check_pinned(work_ability.instruments());
  }
}

TEST_CASE("the health instrument is marked as health data", "[examples]") {
  v1::InstrumentDefinition def;
  REQUIRE(test::parse_json(
      test::read_file((examples_dir() / "instruments" / "kykyviisari-style-work-ability.json").string()), &def,
      nullptr));
  CHECK(def.health_data());
  CHECK(def.placeholder_wording());
}

}  // namespace kartla::model
