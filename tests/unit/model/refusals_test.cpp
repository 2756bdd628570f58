// SPDX-License-Identifier: Apache-2.0
// The refusals issue 4 names, each starting from a valid example and changing one value: the
// violation must name the field path so a person can find it (and the CLI can print it).
#include <catch2/catch.hpp>

#include <string>

#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/education.pb.h"
#include "kartla/v1/languages.pb.h"
#include "kartla/v1/profile.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

template <class T>
T example(const std::string& section) {
  T m;
  const std::string path = test::source_dir() + "/examples/personas/newly-arrived-filipstad/" + section + ".json";
  REQUIRE(test::parse_json(test::read_file(path), &m, nullptr));
  REQUIRE(test::validate(m).empty());
  return m;
}

int index_of_language(const v1::Languages& l, const std::string& code) {
  for (int i = 0; i < l.entries_size(); ++i) {
    if (l.entries(i).language().code() == code) return i;
  }
  FAIL("no entry for " << code);
  return -1;
}

}  // namespace

TEST_CASE("an invalid personnummer is refused at its field", "[refusals]") {
  auto profile = example<v1::Profile>("profile");
  profile.mutable_national_id()->set_se_personnummer("196408233235");
  const auto v = test::validate(profile);
  INFO(test::describe(v));
  REQUIRE(v.size() == 1);
  CHECK(v[0].field_path == "national_id.se_personnummer");
  CHECK(v[0].rule == "se-personnummer-luhn");
  CHECK_FALSE(v[0].message.empty());
}

TEST_CASE("an impossible date is refused at its field", "[refusals]") {
  auto education = example<v1::Education>("education");
  auto* start = education.mutable_entries(1)->mutable_period()->mutable_start();
  start->set_year(2023);
  start->set_month(2);
  start->set_day(30);
  const auto v = test::validate(education);
  INFO(test::describe(v));
  CHECK(test::has_violation(v, "date-real", "entries[1].period.start"));
}

TEST_CASE("an unknown CEFR level is refused at its field", "[refusals]") {
  auto languages = example<v1::Languages>("languages");
  const int ara = index_of_language(languages, "ara");
  languages.mutable_entries(ara)->mutable_listening()->set_code("B3");
  const auto v = test::validate(languages);
  INFO(test::describe(v));
  REQUIRE(v.size() == 1);
  CHECK(v[0].field_path == "entries[" + std::to_string(ara) + "].listening");
  CHECK(v[0].rule == "cefr-level");
}

TEST_CASE("an SFI course outside its study path is refused at its field", "[refusals]") {
  auto languages = example<v1::Languages>("languages");
  const int swe = index_of_language(languages, "swe");
  // Study path 2 runs courses B-D; course A belongs to path 1 only.
  languages.mutable_entries(swe)->mutable_sfi()->mutable_current_course()->set_code("A");
  const auto v = test::validate(languages);
  INFO(test::describe(v));
  REQUIRE(v.size() == 1);
  CHECK(v[0].field_path == "entries[" + std::to_string(swe) + "].sfi.current_course");
  CHECK(v[0].rule == "sfi-course-in-study-path");
}

TEST_CASE("enum-known-value: binary input can carry numbers an enum does not define", "[validation]") {
  auto education = example<v1::Education>("education");
  education.mutable_entries(0)->set_status(v1::EducationEntry::INTERRUPTED);
  CHECK_FALSE(test::has_rule(test::validate(education), "enum-known-value"));
  education.mutable_entries(0)->set_status(static_cast<v1::EducationEntry::Status>(99));
  const auto v = test::validate(education);
  INFO(test::describe(v));
  CHECK(test::has_violation(v, "enum-known-value", "entries[0].status"));
}

TEST_CASE("timestamp-range: binary timestamps outside RFC 3339 are refused", "[validation]") {
  auto profile = example<v1::Profile>("profile");
  profile.mutable_assertion()->mutable_asserted_at()->set_seconds(253402300799);
  CHECK(test::validate(profile).empty());
  profile.mutable_assertion()->mutable_asserted_at()->set_seconds(253402300800);
  const auto v = test::validate(profile);
  INFO(test::describe(v));
  CHECK(test::has_violation(v, "timestamp-range", "assertion.asserted_at"));
}

TEST_CASE("not-a-kartla-message: other messages are not validated as sections", "[validation]") {
  CHECK(test::validate(example<v1::Profile>("profile")).empty());
  google::protobuf::Timestamp t;
  const auto v = test::validate(t);
  REQUIRE(v.size() == 1);
  CHECK(v[0].rule == "not-a-kartla-message");
}

TEST_CASE("a dynamic message is validated like the generated one", "[validation]") {
  auto languages = example<v1::Languages>("languages");
  languages.mutable_entries(0)->mutable_language()->set_code("xx1");
  google::protobuf::DynamicMessageFactory factory;
  std::unique_ptr<google::protobuf::Message> dynamic(factory.GetPrototype(v1::Languages::descriptor())->New());
  REQUIRE(dynamic->ParseFromString(languages.SerializeAsString()));
  const auto from_generated = test::validate(languages);
  const auto from_dynamic = test::validate(*dynamic);
  REQUIRE(from_generated.size() == 1);
  REQUIRE(from_dynamic.size() == 1);
  CHECK(from_dynamic[0].rule == from_generated[0].rule);
  CHECK(from_dynamic[0].field_path == from_generated[0].field_path);
}

}  // namespace kartla::model
