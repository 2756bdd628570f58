/* SPDX-License-Identifier: Apache-2.0 */
// Internal: the per-message-type checks and how the walker finds them. Each check sees one
// message of one type where the walker reached it; rules that span a whole section (references
// between entries, scores against instrument definitions) are checks of the section's message.
#pragma once

#include <string>

#include "model/validation/findings.h"

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
class Message;
}  // namespace google::protobuf

namespace kartla::model {

struct Visit {
  const google::protobuf::Message& msg;
  const google::protobuf::FieldDescriptor* via;  // the field holding msg; nullptr at the root
  const std::string& path;
  Findings& out;
};

using Check = void (*)(const Visit&);

// The check for messages of this type, or nullptr. Only generated kartla.v1 types and
// google.protobuf.Timestamp have checks.
Check check_for(const google::protobuf::Descriptor* type);

}  // namespace kartla::model
