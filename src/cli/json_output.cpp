#include "json_output.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver.h>
#include <google/protobuf/util/type_resolver_util.h>

#include <memory>

#include "failure.h"

namespace kartla::cli {
namespace {

constexpr const char* kTypeUrlPrefix = "type.googleapis.com";

google::protobuf::util::TypeResolver& resolver() {
  static const std::unique_ptr<google::protobuf::util::TypeResolver> instance(
      google::protobuf::util::NewTypeResolverForDescriptorPool(kTypeUrlPrefix,
                                                               google::protobuf::DescriptorPool::generated_pool()));
  return *instance;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Protobuf 3.21's printer indents one space per level; the CLI's documents are laid out as the
// library's own writer lays out its reports (src/views/json_writer.h, which the CLI cannot
// use: it sees only the public headers): two spaces per level, one member or element per line,
// ": " after each key, empty containers as {} and [], and a final newline. This changes only
// whitespace outside strings (strings are copied as they are, escapes included).
std::string laid_out(std::string_view in) {
  std::string out;
  out.reserve(2 * in.size() + 16);  // never reallocated: no copy of a secret is left behind
  size_t depth = 0;
  const auto newline = [&] {
    out += '\n';
    out.append(2 * depth, ' ');
  };
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (is_space(c)) continue;
    if (c == '"') {  // copied as it is, escapes included
      const size_t start = i;
      for (++i; i < in.size() && in[i] != '"'; ++i)
        if (in[i] == '\\') ++i;
      out.append(in.substr(start, i - start + 1));
    } else if (c == '{' || c == '[') {
      size_t next = i + 1;
      while (next < in.size() && is_space(in[next])) ++next;
      out += c;
      if (next < in.size() && (in[next] == '}' || in[next] == ']')) {
        out += in[next];
        i = next;
      } else {
        ++depth;
        newline();
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
      newline();
      out += c;
    } else if (c == ',') {
      out += ',';
      newline();
    } else if (c == ':') {
      out += ": ";
    } else {
      out += c;  // numbers, true, false, null
    }
  }
  return out + "\n";
}

[[noreturn]] void cannot_print(const google::protobuf::Message& message) {
  throw Failure(Exit::internal, "cannot print a " + message.GetDescriptor()->name() + " as JSON");
}

// Deterministic serialization (map entries in key order), then protobuf's JSON printer.
void print(const google::protobuf::Message& message, bool whitespace, std::string* bytes, std::string* json) {
  {
    google::protobuf::io::StringOutputStream stream(bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!message.SerializeToCodedStream(&coded)) cannot_print(message);
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  options.add_whitespace = whitespace;
  const std::string type_url = std::string(kTypeUrlPrefix) + "/" + message.GetDescriptor()->full_name();
  if (!google::protobuf::util::BinaryToJsonString(&resolver(), type_url, *bytes, json, options).ok())
    cannot_print(message);
  if (whitespace) {
    std::string text = laid_out(*json);
    json->swap(text);
    wipe(text.data(), text.capacity());
  }
}

void wipe_string(std::string* text) {
  wipe(text->data(), text->capacity());
  text->clear();
}

}  // namespace

std::string json_text(const google::protobuf::Message& message) {
  std::string bytes;
  std::string json;
  print(message, true, &bytes, &json);
  return json;
}

Secret secret_json_text(const google::protobuf::Message& message) {
  std::string bytes;
  std::string json;
  try {
    print(message, true, &bytes, &json);
  } catch (...) {
    wipe_string(&bytes);
    wipe_string(&json);
    throw;
  }
  Secret out(json);
  wipe_string(&bytes);
  wipe_string(&json);
  return out;
}

std::string json_member_text(const google::protobuf::Message& message) {
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  if (type->field_count() != 1 || !type->field(0)->is_repeated()) cannot_print(message);
  // Printed compactly, the message is {"<field>":<value>} (its one member, always present); the
  // value is the document, in the printer's order, laid out like every other.
  std::string bytes;
  std::string json;
  print(message, false, &bytes, &json);
  const std::string head = "{\"" + type->field(0)->name() + "\":";
  if (json.size() < head.size() + 1 || json.compare(0, head.size(), head) != 0 || json.back() != '}')
    cannot_print(message);
  return laid_out(std::string_view(json).substr(head.size(), json.size() - head.size() - 1));
}

void read_json_object(std::string_view json, google::protobuf::Struct* object) {
  if (!google::protobuf::util::JsonStringToMessage(google::protobuf::StringPiece(json.data(), json.size()), object)
           .ok())
    throw Failure(Exit::internal, "the library returned JSON the CLI cannot read");
}

}  // namespace kartla::cli
