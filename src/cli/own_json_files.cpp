#include "own_json_files.h"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>

namespace kartla::cli {

bool parse_own_json(std::string_view text, google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  google::protobuf::LogSilencer silence;
  return google::protobuf::util::JsonStringToMessage(google::protobuf::StringPiece(text.data(), text.size()), message,
                                                     options)
      .ok();
}

}  // namespace kartla::cli
