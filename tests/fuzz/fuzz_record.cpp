// SPDX-License-Identifier: Apache-2.0
// Fuzz target: record and share-bundle containers. Every input must end in success or a
// kartla::Error; anything else (another exception, a crash, a sanitizer report, a leak) is a bug.
// Only kartla::Error is caught, so the fuzzer sees everything else.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "base/error.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "fuzz_owner.h"
#include "model/record.h"
#include "model/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  const ByteView input(data, size);
  format::MemorySource source(input);
  try {
    const format::VerifiedContainer c = format::read_container(source);
    for (const auto& s : c.sections) (void)format::read_section_body(source, s);
  } catch (const Error&) {
  }
  try {
    (void)model::verify_container(source).is_full_record();
  } catch (const Error&) {
  }
  // The owner's path: unwrap the master key, then open every section (commitment, hash, AEAD).
  try {
    const model::Record record =
        model::Record::open(std::make_shared<format::OwnedMemorySource>(input.to_string()), fuzzing::owner_keys());
    for (const auto& s : record.sections()) {
      if (s.info == nullptr) continue;
      try {
        (void)record.read_section(*s.info);
      } catch (const Error&) {
      }
    }
  } catch (const Error&) {
  }
  return 0;
}
