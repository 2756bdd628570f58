#include "results.h"

#include <google/protobuf/util/json_util.h>

#include <climits>

#include "failure.h"
#include "json_text.h"

namespace kartla::cli {

void parse_result(std::string_view bytes, google::protobuf::Message* message) {
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    throw Failure(Exit::internal, "the library returned a " + message->GetDescriptor()->name() +
                                      " the CLI cannot read");
}

std::string result_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok())
    throw Failure(Exit::internal, "cannot print a " + message.GetDescriptor()->name() + " as JSON");
  return json_document(json);
}

}  // namespace kartla::cli
