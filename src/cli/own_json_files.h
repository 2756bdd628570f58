// The CLI's own JSON files (a trust-list draft, the trust lists this computer has seen), read
// with protobuf's JSON parser into the messages of cli_files.proto.
#pragma once

#include <google/protobuf/message.h>

#include <string_view>

namespace kartla::cli {

// False if `text` is not JSON of the message's shape; members the message does not name are
// ignored (a newer CLI's file stays readable).
bool parse_own_json(std::string_view text, google::protobuf::Message* message);

// The same for a file that is the JSON of the message's only member (an array or an object).
bool parse_own_json_member(std::string_view text, google::protobuf::Message* message);

}  // namespace kartla::cli
