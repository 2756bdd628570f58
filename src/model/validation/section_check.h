/* SPDX-License-Identifier: Apache-2.0 */
// Section content as it arrives from outside the library (protobuf bytes or protobuf JSON),
// parsed and validated in one place, so that kartla_validate_section*, kartla_record_set_section*
// and every binding report the same violations with the same words.
#pragma once

#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "model/section_codec.h"
#include "model/section_registry.h"
#include "model/validation/validate.h"

namespace kartla::model {

// The rule reported when content does not even parse as the section's message (binary or JSON);
// it is then the only violation.
inline constexpr const char* kSchemaParseRule = "schema-parse";

// Parses protobuf bytes as the section's message and validates them. Throws Error(limit) for
// content over the section size limit (docs/SPEC.md §9); every other problem is a violation.
std::vector<Violation> check_section_bytes_content(const SectionInfo& info, ByteView protobuf);

// For content about to be stored: parses once, validates, and returns the parsed section that
// Record::write_section takes, so it is not parsed again. Throws what check_section_bytes_content
// and require_valid together throw, with the same words.
ParsedSection require_valid_bytes(const SectionInfo& info, ByteView protobuf);

// The same from protobuf JSON: *protobuf receives the binary form, which the result refers to.
ParsedSection require_valid_json(const SectionInfo& info, ByteView json, crypto::SecretBuffer* protobuf);

// As above, from protobuf JSON. When the JSON parses, *protobuf receives its binary form (even
// if it breaks rules), so a caller that goes on to store it does not convert twice.
std::vector<Violation> check_section_json_content(const SectionInfo& info, ByteView json,
                                                  crypto::SecretBuffer* protobuf);

// "FIELD: RULE: MESSAGE" on one line (control characters from hostile input become spaces); an
// empty field path is shown as the section's name.
std::string describe_violation(const SectionInfo& info, const Violation& violation);
// The same line as a catalogue message (the rule's sentence nested in it), to say in any language;
// `place` stands where the field path would (a claim has no section to name).
Message violation_line(const SectionInfo& info, const Violation& violation);
Message violation_line(std::string_view place, const Violation& violation);

// Throws Error(schema) naming the first violation and how many follow; returns if there are none.
void require_valid(const SectionInfo& info, const std::vector<Violation>& violations);

}  // namespace kartla::model
