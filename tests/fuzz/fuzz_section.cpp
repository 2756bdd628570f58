// SPDX-License-Identifier: Apache-2.0
// Fuzz target: section content for one fixed section (action_plan: nested messages, enums,
// timestamps), both as protobuf JSON (what `kartla record set --json` reads) and as protobuf bytes
// (what a decrypted section holds). Each input is tried both ways; what parses is printed back to
// JSON. Only kartla::Error is caught.
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "model/section_codec.h"
#include "model/section_registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  static const model::SectionInfo& info = model::section_by_name("action_plan");
  try {
    const crypto::SecretBuffer bytes = model::section_from_json(info, {data, size});
    (void)model::section_to_json(info, bytes.view());
  } catch (const Error&) {
  }
  try {
    model::check_section_bytes(info, {data, size});
    (void)model::section_to_json(info, {data, size});
  } catch (const Error&) {
  }
  return 0;
}
