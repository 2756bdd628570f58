// SPDX-License-Identifier: Apache-2.0
// Times in the CLI's JSON as RFC 3339, absent when unset (json_times.h): a copy of each schema
// the CLI prints, with every time field an optional string, and a copy of each message into it.
#include "json_times.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "args.h"
#include "messages.h"
#include "output.h"

namespace kartla::cli {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorProto;
using google::protobuf::FieldDescriptor;
using google::protobuf::FieldDescriptorProto;
using google::protobuf::FileDescriptor;
using google::protobuf::FileDescriptorProto;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr const char* kTypeUrlPrefix = "type.googleapis.com";

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool is_time_name(std::string_view name) { return ends_with(name, "_at") || name == "valid_from" || name == "valid_until"; }

// An int64 of Unix seconds, or a string the library already printed (a view's).
bool is_time_field(const FieldDescriptor* field) {
  return (field->type() == FieldDescriptor::TYPE_INT64 || field->type() == FieldDescriptor::TYPE_STRING) &&
         !field->is_repeated() && is_time_name(field->name());
}

void rewrite_times(DescriptorProto* message) {
  for (DescriptorProto& nested : *message->mutable_nested_type()) rewrite_times(&nested);
  for (FieldDescriptorProto& field : *message->mutable_field()) {
    const bool int_or_string =
        field.type() == FieldDescriptorProto::TYPE_INT64 || field.type() == FieldDescriptorProto::TYPE_STRING;
    if (!int_or_string || field.label() == FieldDescriptorProto::LABEL_REPEATED || !is_time_name(field.name()))
      continue;
    field.set_type(FieldDescriptorProto::TYPE_STRING);
    if (field.has_oneof_index()) continue;  // already optional (or in a oneof): present only when set
    // proto3 `optional`: a synthetic oneof, after every real one (appended last).
    field.set_proto3_optional(true);
    message->add_oneof_decl()->set_name("_" + field.name());
    field.set_oneof_index(message->oneof_decl_size() - 1);
  }
}

// The copied schemas, built on first use, one file at a time (with its dependencies first).
class PrintedSchemas {
 public:
  const Descriptor* printed(const Descriptor* type) {
    const std::lock_guard<std::mutex> lock(mutex_);
    add_file(type->file());
    return pool_.FindMessageTypeByName(type->full_name());
  }
  Message* new_message(const Descriptor* printed_type) { return factory_.GetPrototype(printed_type)->New(); }
  google::protobuf::util::TypeResolver& resolver() { return *resolver_; }

 private:
  void add_file(const FileDescriptor* file) {
    if (!added_.insert(file->name()).second) return;
    for (int i = 0; i < file->dependency_count(); ++i) add_file(file->dependency(i));
    FileDescriptorProto proto;
    file->CopyTo(&proto);
    for (DescriptorProto& message : *proto.mutable_message_type()) rewrite_times(&message);
    if (pool_.BuildFile(proto) == nullptr)
      throw Failure(Exit::internal, fill(T("cannot print a %s as JSON"), {file->name()}));
  }

  std::mutex mutex_;
  google::protobuf::DescriptorPool pool_;
  google::protobuf::DynamicMessageFactory factory_{&pool_};
  std::set<std::string> added_;
  std::unique_ptr<google::protobuf::util::TypeResolver> resolver_{
      google::protobuf::util::NewTypeResolverForDescriptorPool(kTypeUrlPrefix, &pool_)};
};

PrintedSchemas& schemas() {
  static PrintedSchemas instance;
  return instance;
}

// Does the type, or any type it holds, have a time field? (Memoised: types do not change.)
bool holds_time(const Descriptor* type, std::set<const Descriptor*>* visiting) {
  static std::map<const Descriptor*, bool> known;
  static std::mutex mutex;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto it = known.find(type); it != known.end()) return it->second;
  }
  if (!visiting->insert(type).second) return false;  // a recursive type: its other fields decide
  bool found = false;
  for (int i = 0; i < type->field_count() && !found; ++i) {
    const FieldDescriptor* field = type->field(i);
    found = is_time_field(field) ||
            (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && holds_time(field->message_type(), visiting));
  }
  visiting->erase(type);
  const std::lock_guard<std::mutex> lock(mutex);
  known[type] = found;
  return found;
}

// Copies every set field of `from` into `to`, whose type has the same field numbers; a time field
// (int64 in one, string in the other) is converted by `time`.
template <typename TimeConversion>
void copy_fields(const Message& from, Message* to, TimeConversion time) {
  const Reflection* in = from.GetReflection();
  const Reflection* out = to->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  in->ListFields(from, &fields);
  for (const FieldDescriptor* f : fields) {
    const FieldDescriptor* t = to->GetDescriptor()->FindFieldByNumber(f->number());
    if (t == nullptr) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < in->FieldSize(from, f); ++i) {
        switch (f->cpp_type()) {
          case FieldDescriptor::CPPTYPE_INT32: out->AddInt32(to, t, in->GetRepeatedInt32(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_INT64: out->AddInt64(to, t, in->GetRepeatedInt64(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_UINT32: out->AddUInt32(to, t, in->GetRepeatedUInt32(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_UINT64: out->AddUInt64(to, t, in->GetRepeatedUInt64(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_DOUBLE: out->AddDouble(to, t, in->GetRepeatedDouble(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_FLOAT: out->AddFloat(to, t, in->GetRepeatedFloat(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_BOOL: out->AddBool(to, t, in->GetRepeatedBool(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_ENUM: out->AddEnumValue(to, t, in->GetRepeatedEnumValue(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_STRING: out->AddString(to, t, in->GetRepeatedString(from, f, i)); break;
          case FieldDescriptor::CPPTYPE_MESSAGE:
            copy_fields(in->GetRepeatedMessage(from, f, i), out->AddMessage(to, t), time);
            break;
        }
      }
      continue;
    }
    if (is_time_field(f)) {  // int64 or string, one way or the other
      time(from, f, to, t);
      continue;
    }
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: out->SetInt32(to, t, in->GetInt32(from, f)); break;
      case FieldDescriptor::CPPTYPE_INT64: out->SetInt64(to, t, in->GetInt64(from, f)); break;
      case FieldDescriptor::CPPTYPE_UINT32: out->SetUInt32(to, t, in->GetUInt32(from, f)); break;
      case FieldDescriptor::CPPTYPE_UINT64: out->SetUInt64(to, t, in->GetUInt64(from, f)); break;
      case FieldDescriptor::CPPTYPE_DOUBLE: out->SetDouble(to, t, in->GetDouble(from, f)); break;
      case FieldDescriptor::CPPTYPE_FLOAT: out->SetFloat(to, t, in->GetFloat(from, f)); break;
      case FieldDescriptor::CPPTYPE_BOOL: out->SetBool(to, t, in->GetBool(from, f)); break;
      case FieldDescriptor::CPPTYPE_ENUM: out->SetEnumValue(to, t, in->GetEnumValue(from, f)); break;
      case FieldDescriptor::CPPTYPE_STRING: out->SetString(to, t, in->GetString(from, f)); break;
      case FieldDescriptor::CPPTYPE_MESSAGE: copy_fields(in->GetMessage(from, f), out->MutableMessage(to, t), time); break;
    }
  }
}

}  // namespace

std::unique_ptr<Message> with_rfc3339_times(const Message& message) {
  std::set<const Descriptor*> visiting;
  if (!holds_time(message.GetDescriptor(), &visiting)) return nullptr;
  const Descriptor* printed = schemas().printed(message.GetDescriptor());
  std::unique_ptr<Message> out(schemas().new_message(printed));
  copy_fields(message, out.get(), [](const Message& from, const FieldDescriptor* f, Message* to, const FieldDescriptor* t) {
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      // Printed by the library already: "" is "none", absent.
      const std::string& text = from.GetReflection()->GetString(from, f);
      if (!text.empty()) to->GetReflection()->SetString(to, t, text);
      return;
    }
    const int64_t seconds = from.GetReflection()->GetInt64(from, f);
    // 0 is "none" (no expiry, not ended): absent, never 1970-01-01T00:00:00Z.
    if (seconds != 0) to->GetReflection()->SetString(to, t, format_utc(seconds));
  });
  return out;
}

google::protobuf::util::TypeResolver& rfc3339_resolver() { return schemas().resolver(); }

bool parse_json_with_rfc3339_times(std::string_view text, Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  google::protobuf::LogSilencer silence;
  const google::protobuf::StringPiece piece(text.data(), text.size());
  message->Clear();
  if (google::protobuf::util::JsonStringToMessage(piece, message, options).ok()) return true;  // numbers
  message->Clear();
  std::set<const Descriptor*> visiting;
  if (!holds_time(message->GetDescriptor(), &visiting)) return false;
  const std::unique_ptr<Message> printed(schemas().new_message(schemas().printed(message->GetDescriptor())));
  if (!google::protobuf::util::JsonStringToMessage(piece, printed.get(), options).ok()) return false;
  bool times_ok = true;
  copy_fields(*printed, message, [&](const Message& from, const FieldDescriptor* f, Message* to, const FieldDescriptor* t) {
    const std::string& text_time = from.GetReflection()->GetString(from, f);
    if (t->type() == FieldDescriptor::TYPE_STRING) {
      to->GetReflection()->SetString(to, t, text_time);
      return;
    }
    try {
      to->GetReflection()->SetInt64(to, t, parse_time_arg(text_time, f->name(), DateMeaning::start_of_day));
    } catch (const Failure&) {
      times_ok = false;
    }
  });
  return times_ok;
}

}  // namespace kartla::cli
