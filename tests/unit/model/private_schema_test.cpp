// SPDX-License-Identifier: Apache-2.0
// The library compiles the schemas under a private package (proto/CMakeLists.txt explains why);
// this test reads the published proto/ files as an integrator's protoc would and checks that the
// library's copy has the same messages, fields and enums, number for number, so the two can
// only ever differ in their names and in the numbers of the custom options.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include "kartla/v1/types.pb.h"
#include "model_test_support.h"

namespace kartla::model {
namespace {

namespace fs = std::filesystem;
using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;

// A type's name inside its package, so "kartla.v1.Coding" and "kartla_internal.v1.Coding" agree.
std::string relative(const std::string& full_name, const std::string& package) {
  return full_name.substr(0, package.size()) == package ? full_name.substr(package.size()) : full_name;
}

void compare_enums(const EnumDescriptor& published, const EnumDescriptor& own) {
  INFO(published.full_name());
  REQUIRE(published.value_count() == own.value_count());
  for (int i = 0; i < published.value_count(); ++i) {
    CHECK(published.value(i)->name() == own.value(i)->name());
    CHECK(published.value(i)->number() == own.value(i)->number());
  }
}

void compare_messages(const Descriptor& published, const Descriptor& own) {
  INFO(published.full_name());
  const std::string& pp = published.file()->package();
  const std::string& op = own.file()->package();
  CHECK(published.name() == own.name());
  REQUIRE(published.field_count() == own.field_count());
  for (int i = 0; i < published.field_count(); ++i) {
    const FieldDescriptor& a = *published.field(i);
    const FieldDescriptor& b = *own.field(i);
    INFO(a.name());
    CHECK(a.name() == b.name());
    CHECK(a.number() == b.number());
    CHECK(a.type() == b.type());
    CHECK(a.label() == b.label());
    CHECK(a.json_name() == b.json_name());
    CHECK((a.containing_oneof() == nullptr) == (b.containing_oneof() == nullptr));
    if (a.message_type() != nullptr) {
      CHECK(relative(a.message_type()->full_name(), pp) == relative(b.message_type()->full_name(), op));
    }
    if (a.enum_type() != nullptr) {
      CHECK(relative(a.enum_type()->full_name(), pp) == relative(b.enum_type()->full_name(), op));
    }
  }
  REQUIRE(published.nested_type_count() == own.nested_type_count());
  for (int i = 0; i < published.nested_type_count(); ++i) compare_messages(*published.nested_type(i), *own.nested_type(i));
  REQUIRE(published.enum_type_count() == own.enum_type_count());
  for (int i = 0; i < published.enum_type_count(); ++i) compare_enums(*published.enum_type(i), *own.enum_type(i));
}

TEST_CASE("the library's private copy of the schemas matches proto/ field for field") {
  const fs::path proto_root = fs::path(test::source_dir()) / "proto";
  // The published files as protoc compiles them for anyone (proto/CMakeLists.txt writes the set).
  std::ifstream in(KARTLA_PUBLISHED_DESCRIPTORS, std::ios::binary);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  google::protobuf::FileDescriptorSet set;
  REQUIRE(set.ParseFromString(bytes.str()));
  google::protobuf::DescriptorPool published_pool;
  for (const auto& file : set.file()) REQUIRE(published_pool.BuildFile(file) != nullptr);

  const std::string own_root = v1::Coding::descriptor()->file()->name().substr(0, std::string("kartla_internal/v1/").size());
  REQUIRE(own_root == "kartla_internal/v1/");
  int files = 0;
  for (const auto& entry : fs::directory_iterator(proto_root / "kartla" / "v1")) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    const FileDescriptor* published = published_pool.FindFileByName("kartla/v1/" + name);
    const FileDescriptor* own = google::protobuf::DescriptorPool::generated_pool()->FindFileByName(own_root + name);
    REQUIRE(published != nullptr);
    REQUIRE(own != nullptr);
    CHECK(own->package() == "kartla_internal" + published->package().substr(std::string("kartla").size()));
    REQUIRE(published->message_type_count() == own->message_type_count());
    for (int i = 0; i < published->message_type_count(); ++i) {
      compare_messages(*published->message_type(i), *own->message_type(i));
    }
    REQUIRE(published->enum_type_count() == own->enum_type_count());
    for (int i = 0; i < published->enum_type_count(); ++i) compare_enums(*published->enum_type(i), *own->enum_type(i));
    REQUIRE(published->extension_count() == own->extension_count());
    for (int i = 0; i < published->extension_count(); ++i) {
      CHECK(published->extension(i)->name() == own->extension(i)->name());
      CHECK(own->extension(i)->number() == published->extension(i)->number() + 40000);
    }
    ++files;
  }
  CHECK(files >= 10);
}

}  // namespace
}  // namespace kartla::model
