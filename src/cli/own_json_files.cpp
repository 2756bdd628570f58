#include "own_json_files.h"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <string>

namespace kartla::cli {

bool parse_own_json(std::string_view text, google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  google::protobuf::LogSilencer silence;
  return google::protobuf::util::JsonStringToMessage(google::protobuf::StringPiece(text.data(), text.size()), message,
                                                     options)
      .ok();
}

bool parse_own_json_member(std::string_view text, google::protobuf::Message* message) {
  const google::protobuf::Descriptor* type = message->GetDescriptor();
  if (type->field_count() != 1) return false;
  // Read as JSON values, held as the message's one member, and read again as the message.
  google::protobuf::Struct document;
  if (!parse_own_json(text, (*document.mutable_fields())[type->field(0)->name()].mutable_struct_value()) &&
      !parse_own_json(text, (*document.mutable_fields())[type->field(0)->name()].mutable_list_value()))
    return false;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(document, &json, options).ok()) return false;
  return parse_own_json(json, message);
}

}  // namespace kartla::cli
