/* SPDX-License-Identifier: Apache-2.0 */
// Times in the CLI's JSON: RFC 3339 in UTC ("2027-06-30T00:00:00Z"), and a time that is not set
// absent rather than 0 (docs/CLI.md, "Times in JSON"). The library's results (results.proto) and
// the CLI's own files carry times as int64 Unix seconds, as bindings want them; the CLI prints
// each message through a copy of its schema in which every such field is an optional string.
// A time field is an int64 named `*_at`, `valid_from` or `valid_until` (the library's and the
// CLI's schemas name every time so, and nothing else so).
#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/util/type_resolver.h>

#include <memory>
#include <string_view>

namespace kartla::cli {

// The message in its printed form (a message of the copied schema, times as RFC 3339 strings and
// unset when 0), or nullptr when its type holds no time field at all (then it is printed as it is:
// a message holding a secret, a recovery code, holds no time and is never copied).
std::unique_ptr<google::protobuf::Message> with_rfc3339_times(const google::protobuf::Message& message);

// The resolver for BinaryToJsonString over the copied schema, for what with_rfc3339_times made.
google::protobuf::util::TypeResolver& rfc3339_resolver();

// Reads JSON the CLI printed (its own files) back into `message`: times as RFC 3339 strings (or,
// from a file an older CLI wrote, numbers). False if `text` is not of the message's shape.
bool parse_json_with_rfc3339_times(std::string_view text, google::protobuf::Message* message);

}  // namespace kartla::cli
