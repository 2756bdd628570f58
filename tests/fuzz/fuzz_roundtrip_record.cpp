// SPDX-License-Identifier: Apache-2.0
// Round-trip fuzz target for the owner's signed manifest and the record header around it
// (fuzz_roundtrip.h): a record or bundle that reads is written back from what was read (header,
// manifest) to the same bytes, and so is any input that decodes as a Manifest on its own (the
// manifest's rules without the owner's signature, which the fuzzer cannot forge).
#include <cstddef>
#include <cstdint>

#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/limits.h"
#include "format/record_codec.h"
#include "fuzz_roundtrip.h"

namespace {

using namespace kartla;

void manifest_round_trip(ByteView manifest_bytes) {
  const auto manifest = fuzzing::accepted([&] { return format::decode_manifest(manifest_bytes); });
  if (manifest) fuzzing::require_same_bytes(format::encode_manifest(*manifest), manifest_bytes, "a manifest");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ByteView input(data, size);
  const format::MemorySource source(input);
  const auto c = fuzzing::accepted([&] { return format::read_container(source); });
  if (c) {
    format::RecordHeader header;
    header.manifest = c->manifest_bytes;
    header.manifest_signature = c->manifest_signature;
    for (const auto& s : c->sections) header.section_entries.push_back(s.entry_bytes);
    header.grants = c->grants;
    const std::string bodies(input.as_string_view().substr(c->header_bytes));
    fuzzing::require_same_bytes(format::encode_container_prefix(header) + bodies, input, "a record header");
    manifest_round_trip(c->manifest_bytes);
  }
  if (size <= format::kMaxHeaderBytes) manifest_round_trip(input);
  return 0;
}
