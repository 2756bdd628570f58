// The library's structured results on the command line: asked for as protobuf bytes
// (KARTLA_ENCODING_PROTOBUF) and read with the classes generated from the published schema
// (proto/kartla/v1/results.proto, package kartla.v1, linked as kartla_proto_public), so the CLI
// reads every result as any binding does, with no JSON parsing of its own.
#pragma once

#include <google/protobuf/message.h>

#include <string>
#include <string_view>

#include "kartla/v1/results.pb.h"

namespace kartla::cli {

// Parses a result the library returned; an internal Failure if it does not parse (a bug).
void parse_result(std::string_view bytes, google::protobuf::Message* message);

template <typename Message>
Message parse_result(std::string_view bytes) {
  Message message;
  parse_result(bytes, &message);
  return message;
}

// A result for --json: the library's own JSON of it (protobuf's printer with the options the C
// ABI uses: the .proto field names, every field present, laid out one member per line), as every
// JSON document the CLI prints (json_text, json_output.h).
std::string result_json(const google::protobuf::Message& message);

}  // namespace kartla::cli
