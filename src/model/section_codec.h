/* SPDX-License-Identifier: Apache-2.0 */
// Section content in and out: protobuf bytes (checked against the schema) and protobuf JSON.
// Plaintext handed in and out lives in SecretBuffers; the protobuf and JSON conversions
// themselves run in ordinary heap memory, which we wipe where we own it (docs/SPEC.md §10).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "model/section_registry.h"

namespace google::protobuf {
class Message;
}

namespace kartla::model {

// Bytes that parsed as their section's message, with the parsed message: the one parse that the
// content rules (validation/section_check.h) read and that Record::write_section takes as proof,
// so that content is parsed once on its way in. Only parse() and try_parse() make one. It refers
// to the bytes it was parsed from, which must outlive it.
class ParsedSection {
 public:
  // Error(limit) above the section size limit (SPEC §9), checked before parsing; Error(schema)
  // if the bytes are not a well-formed message of the section's type.
  static ParsedSection parse(const SectionInfo& info, ByteView plaintext);
  // The same, with nullopt instead of Error(schema), for a caller that reports it as a violation.
  static std::optional<ParsedSection> try_parse(const SectionInfo& info, ByteView plaintext);

  ParsedSection(ParsedSection&&) noexcept;
  ParsedSection& operator=(ParsedSection&&) noexcept;
  ~ParsedSection();

  const SectionInfo& info() const { return *info_; }
  ByteView bytes() const { return bytes_; }
  // The parsed message; Error(internal) after drop_message().
  const google::protobuf::Message& message() const;
  // Frees the parsed message (bytes() stays): a large section need not keep its parsed copy in
  // memory while it is encrypted.
  void drop_message();

 private:
  ParsedSection(const SectionInfo& info, ByteView bytes, std::unique_ptr<google::protobuf::Message> message);
  const SectionInfo* info_;
  ByteView bytes_;
  std::unique_ptr<google::protobuf::Message> message_;
};

// Throws Error(schema) if the bytes are not a well-formed message of the section's type.
void check_section_bytes(const SectionInfo& info, ByteView plaintext);

// Throws Error(schema) with protobuf's explanation (unknown field, wrong type, bad enum value).
crypto::SecretBuffer section_from_json(const SectionInfo& info, ByteView json);
crypto::SecretBuffer section_to_json(const SectionInfo& info, ByteView plaintext);

}  // namespace kartla::model
