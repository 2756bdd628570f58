// SPDX-License-Identifier: Apache-2.0
// The precise rules of docs/SPEC.md §3.2 that a stranger asked about: where nesting is counted
// from, that a present but empty sub-message is canonical (and then judged by its field rules),
// and which check comes first when a message both claims another format_version and adds fields.
#include <catch2/catch.hpp>

#include <google/protobuf/struct.pb.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "format/framing.h"
#include "format/identity_codec.h"
#include "format/limits.h"
#include "format/record_codec.h"
#include "format/strict_parse.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;
using namespace kartla::testing::wire;

namespace {

// A google.protobuf.Value holding `levels` sub-messages below it: Value { list_value: ListValue {
// values: Value { ... } } }, alternately, ending in a Value with bool_value true.
std::string value_nested(size_t levels) {
  std::string inner = uint_field(4, 1);  // bool_value
  for (size_t level = levels; level > 0; --level) {
    // Odd levels are ListValues (field 6 of Value), even levels Values (field 1 of ListValue).
    inner = (level % 2 == 1) ? tag(6, kLength) + varint(inner.size()) + inner
                             : tag(1, kLength) + varint(inner.size()) + inner;
  }
  return inner;
}

Code code_of_strict(const std::string& bytes, google::protobuf::Message& message) {
  try {
    format::parse_strict(bytes, message, "test message", 1u << 20);
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

}  // namespace

TEST_CASE("nesting is counted from the parsed message: depth 32 passes, 33 is Error(format) (SPEC §3.2)",
          "[format][strict][spec]") {
  // levels must end on a Value (even), so test 32 and 34 around the limit, and 33 as odd via a
  // ListValue root.
  google::protobuf::Value value;
  CHECK(code_of_strict(value_nested(32), value) == Code::ok);
  CHECK(code_of_strict(value_nested(34), value) == Code::format);
  google::protobuf::ListValue list;
  // A ListValue root with 33 levels below it: values(Value) ... : one more than allowed.
  const std::string below_list = value_nested(32);  // a Value with 32 levels below it
  CHECK(code_of_strict(tag(1, kLength) + varint(below_list.size()) + below_list, list) == Code::format);
  const std::string shallower = value_nested(30);
  CHECK(code_of_strict(tag(1, kLength) + varint(shallower.size()) + shallower, list) == Code::ok);
}

TEST_CASE("a present but empty sub-message is canonical; the field rules then judge it (SPEC §3.2)",
          "[format][strict][spec]") {
  // IdentityFile.kdf written as `1a 00`: protobuf writes a set sub-message even when empty, so the
  // round trip holds and it is the Argon2id policy (not Argon2id) that refuses it.
  const format::IdentityFile f = sample_identity_file();
  const std::string payload = identity_payload_wire(f, std::string());
  try {
    format::decode_identity_file(format::frame_small_file(format::FileType::identity, payload));
    FAIL("an empty kdf was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Code::format);
    CHECK(std::string(e.what()).find("canonical") == std::string::npos);
  }
}

TEST_CASE("another format_version with added fields is Error(format); alone it is Error(version) (SPEC §3.2)",
          "[format][strict][spec]") {
  format::Manifest m = sample_manifest();
  const std::string good = format::encode_manifest(m);
  REQUIRE(good.substr(0, 2) == std::string("\x08\x01", 2));
  const std::string version_2 = std::string("\x08\x02", 2) + good.substr(2);
  const std::string absent = good.substr(2);
  const std::string version_2_and_a_field = version_2 + uint_field(99, 1);
  const auto code = [](const std::string& bytes) {
    try {
      (void)format::decode_manifest(bytes);
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  CHECK(code(version_2) == Code::version);
  CHECK(code(absent) == Code::version);  // absent reads as 0
  CHECK(code(version_2_and_a_field) == Code::format);
}
