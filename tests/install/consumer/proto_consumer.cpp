// SPDX-License-Identifier: Apache-2.0
// An integrator's C++ program that compiles the installed proto/ files itself and loads
// libkartla.so next to them. protobuf keeps one process-wide registry of generated schemas and
// aborts when one file name or type name is registered twice, so this program starting at all
// shows that the library registers none of the published names (proto/CMakeLists.txt). It then
// hands its own message to the library and reads the library's answer with its own classes.
#include <kartla/kartla.h>

#include <cstdio>
#include <string>

#include "expect.h"
#include "kartla/v1/profile.pb.h"

using consumer::expect;

int main() {
  kartla::v1::Profile profile;
  profile.set_given_name("Amina");
  profile.mutable_birth_date()->set_year(1990);
  profile.mutable_assertion()->set_source(kartla::v1::Assertion::SELF_REPORTED);
  profile.mutable_assertion()->mutable_asserted_at()->set_seconds(1764547200);
  const std::string bytes = profile.SerializeAsString();
  expect(profile.GetDescriptor()->full_name() == "kartla.v1.Profile", "the program's own schema is kartla.v1");

  kartla_buffer report = KARTLA_BUFFER_INIT;
  const kartla_status status = kartla_validate_section(
      "profile", reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), KARTLA_ENCODING_JSON, &report);
  expect(status == KARTLA_OK, "the library accepts the program's profile bytes");
  const std::string text(reinterpret_cast<const char*>(report.data), report.len);
  expect(text.find("\"valid\": true") != std::string::npos, "the library's report comes back");
  if (status != KARTLA_OK) std::printf("%s\n", text.c_str());
  kartla_buffer_free(&report);

  kartla::v1::Profile bad = profile;
  bad.mutable_birth_date()->set_month(13);
  const std::string bad_bytes = bad.SerializeAsString();
  expect(kartla_validate_section("profile", reinterpret_cast<const uint8_t*>(bad_bytes.data()), bad_bytes.size(),
                                 KARTLA_ENCODING_JSON, &report) == KARTLA_E_SCHEMA,
         "the library judges the program's message by the same rules");
  kartla_buffer_free(&report);

  google::protobuf::ShutdownProtobufLibrary();
  return consumer::exit_code();
}
