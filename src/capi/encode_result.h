/* SPDX-License-Identifier: Apache-2.0 */
// The one place a structured result leaves the library: a kartla.v1 message (proto/kartla/v1/
// results.proto) written into the caller's kartla_buffer as protobuf bytes or as its standard
// protobuf JSON, as the caller asked. No result is built as text anywhere else, so every binding
// reads every result with the generated classes of one schema.
#pragma once

#include <google/protobuf/message.h>

#include "kartla/kartla.h"

namespace kartla::capi {

// Throws Error(invalid_argument) for a value that is not a kartla_encoding: checked with the
// other arguments, before any work (a C caller can pass any int).
void require_encoding(kartla_encoding encoding);

// Writes `message` into `out` (which the caller checked is empty, under its parameter name): protobuf bytes, or JSON text (snake_case keys,
// every field present, NUL-terminated). The bytes are serialized straight into guarded memory
// and the JSON is written there too, never into a std::string, because some results carry
// section plaintext (contribution content, provenance entry ids).
void emit(const google::protobuf::Message& message, kartla_encoding encoding, kartla_buffer* out);

}  // namespace kartla::capi
