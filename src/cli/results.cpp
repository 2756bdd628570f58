#include "results.h"

#include <climits>

#include "failure.h"
#include "json_output.h"

namespace kartla::cli {

void parse_result(std::string_view bytes, google::protobuf::Message* message) {
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    throw Failure(Exit::internal, "the library returned a " + message->GetDescriptor()->name() +
                                      " the CLI cannot read");
}

std::string result_json(const google::protobuf::Message& message) { return json_text(message); }

}  // namespace kartla::cli
