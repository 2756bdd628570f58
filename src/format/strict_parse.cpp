// SPDX-License-Identifier: Apache-2.0
#include "format/strict_parse.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/unknown_field_set.h>

#include <climits>
#include <string>
#include <vector>

#include "base/error.h"
#include "format/limits.h"

namespace kartla::format {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

bool has_unknown_fields(const Message& message) {
  const auto* reflection = message.GetReflection();
  if (!reflection->GetUnknownFields(message).empty()) return true;
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(message, field); ++i)
        if (has_unknown_fields(reflection->GetRepeatedMessage(message, field, i))) return true;
    } else if (has_unknown_fields(reflection->GetMessage(message, field))) {
      return true;
    }
  }
  return false;
}

bool parse_with_limits(ByteView bytes, Message& message) {
  if (bytes.size > static_cast<size_t>(INT_MAX)) return false;
  // protobuf logs invalid UTF-8 to stderr; a library must not write to its caller's stderr.
  google::protobuf::LogSilencer silence;
  google::protobuf::io::CodedInputStream in(bytes.data, static_cast<int>(bytes.size));
  in.SetRecursionLimit(kMaxNesting);
  in.SetTotalBytesLimit(static_cast<int>(bytes.size));
  return message.ParseFromCodedStream(&in) && in.ConsumedEntireMessage();
}

}  // namespace

void parse_strict(ByteView bytes, Message& message, std::string_view what, size_t max_bytes) {
  const std::string name(what);
  if (bytes.size > max_bytes) fail(Code::limit, "%s is larger than the limit", {name});
  if (!parse_with_limits(bytes, message)) fail(Code::format, "%s is malformed", {name});
  if (has_unknown_fields(message)) fail(Code::format, "%s has unknown fields", {name});
  std::string again;
  if (!message.SerializeToString(&again) || again != bytes.as_string_view())
    fail(Code::format, "%s is not canonically encoded", {name});
}

bool parse_bounded(ByteView bytes, Message& message) { return parse_with_limits(bytes, message); }

}  // namespace kartla::format
