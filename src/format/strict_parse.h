/* SPDX-License-Identifier: Apache-2.0 */
// Protobuf serialization is not canonical, so every signed or hashed structure is parsed strictly:
// bounded size and nesting, no unknown fields anywhere, and parse-then-serialize must give back the
// exact input bytes (which rejects duplicate fields, split sub-messages, overlong varints, values
// out of range for their field and defaults written out). docs/THREATS.md T4-T9; age's FuzzMalleability.
#pragma once

#include <string_view>

#include "base/bytes.h"

namespace google::protobuf {
class Message;
}

namespace kartla::format {

// Throws Error(limit) if bytes.size > max_bytes, Error(format) for any other failure, naming `what`.
void parse_strict(ByteView bytes, google::protobuf::Message& message, std::string_view what,
                  size_t max_bytes);

// For encrypted section content (authenticated by the AEAD, not signed): bounded size and nesting,
// valid UTF-8, but unknown fields from a newer writer are kept, not rejected.
bool parse_bounded(ByteView bytes, google::protobuf::Message& message);

}  // namespace kartla::format
