// The one place a structured result leaves the library: a kartla.v1 message (proto/kartla/v1/
// results.proto) written into the caller's kartla_buffer as protobuf bytes or as its standard
// protobuf JSON, as the caller asked. No result is built as text anywhere else, so every binding
// reads every result with the generated classes of one schema.
#pragma once

#include <google/protobuf/message.h>

#include "kartla/kartla.h"

#ifndef KARTLA_ENCODING_DECLARED
#define KARTLA_ENCODING_DECLARED
// Until the public header declares it (the ABI split puts it in the common part).
typedef enum kartla_encoding { KARTLA_ENCODING_PROTOBUF = 0, KARTLA_ENCODING_JSON = 1 } kartla_encoding;
#endif

namespace kartla::capi {

// Throws Error(invalid_argument) for a value that is not a kartla_encoding: checked with the
// other arguments, before any work (a C caller can pass any int).
void require_encoding(kartla_encoding encoding);

// Writes `message` into the empty buffer `out`: protobuf bytes, or JSON text (snake_case keys,
// every field present, NUL-terminated). The bytes are serialized straight into guarded memory
// and the JSON is written there too, never into a std::string, because some results carry
// section plaintext (contribution content, provenance entry ids).
void emit(const google::protobuf::Message& message, kartla_encoding encoding, kartla_buffer* out);

}  // namespace kartla::capi
