// Section content in and out: protobuf bytes (checked against the schema) and protobuf JSON.
// Plaintext handed in and out lives in SecretBuffers; the protobuf and JSON conversions
// themselves run in ordinary heap memory, which we wipe where we own it (docs/SPEC.md §10).
#pragma once

#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "model/section_registry.h"

namespace kartla::model {

// Throws Error(schema) if the bytes are not a well-formed message of the section's type.
void check_section_bytes(const SectionInfo& info, ByteView plaintext);

// Throws Error(schema) with protobuf's explanation (unknown field, wrong type, bad enum value).
crypto::SecretBuffer section_from_json(const SectionInfo& info, ByteView json);
crypto::SecretBuffer section_to_json(const SectionInfo& info, ByteView plaintext);

}  // namespace kartla::model
