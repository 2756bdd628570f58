// The one JSON writer of the CLI: every JSON document it prints, and every JSON file it writes,
// is a typed message (the library's kartla.v1 results, cli_output.proto, cli_files.proto)
// printed by protobuf's JSON printer with the options the library uses for its own results
// (src/capi/encode_result.cpp): the .proto field names, every field present, one member or
// element per line, two spaces per level. Map entries are printed in key order.
#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/struct.pb.h>

#include <string>
#include <string_view>

#include "secret.h"

namespace kartla::cli {

// The message as a JSON document, ending in a newline.
std::string json_text(const google::protobuf::Message& message);

// The same for a message holding a secret (a recovery code): every copy the CLI makes is wiped.
Secret secret_json_text(const google::protobuf::Message& message);

// A message whose only field is repeated or a map, printed as the JSON array or object of that
// field: a document that is a list (`kartla sections --json`) or a map (the trust-list marks).
std::string json_member_text(const google::protobuf::Message& message);

// A JSON object the library printed (a section's content), read to be embedded in a document
// the CLI prints; an internal Failure if it is not a JSON object (a bug).
void read_json_object(std::string_view json, google::protobuf::Struct* object);

}  // namespace kartla::cli
