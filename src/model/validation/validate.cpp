// SPDX-License-Identifier: Apache-2.0
// The walk over a section: generic rules for every message (known enum values, entry ids and
// provenance) and the type-specific checks of dispatch.cpp, with the field path of each visit.
#include "model/validation/validate.h"

#include <map>
#include <memory>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "kartla/v1/profile.pb.h"
#include "kartla/v1/types.pb.h"
#include "model/validation/checks.h"
#include "model/validation/quote.h"

namespace kartla::model {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

class Walker {
 public:
  explicit Walker(Findings& out) : out_(out) {}

  void visit(const Message& msg, const FieldDescriptor* via, const std::string& path) {
    const Descriptor* type = msg.GetDescriptor();
    if (type->options().GetExtension(v1::record_entry)) check_entry(msg, path);
    if (Check check = check_for(type)) check(Visit{msg, via, path, out_});

    const Reflection* r = msg.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    r->ListFields(msg, &fields);
    for (const FieldDescriptor* f : fields) {
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        if (f->is_repeated()) {
          for (int i = 0; i < r->FieldSize(msg, f); ++i) {
            visit(r->GetRepeatedMessage(msg, f, i), f, item_path(path, f->name(), i));
          }
        } else {
          visit(r->GetMessage(msg, f), f, field_path(path, f->name()));
        }
      } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
        check_enum(msg, f, path);
      }
    }
  }

 private:
  // Entries are what agencies attest to, by id (issue 6), so an id must exist, be unique in the
  // section and be safe to print; every entry carries its provenance (docs/MODEL.md, rules
  // entry-id-* and assertion-required).
  void check_entry(const Message& msg, const std::string& path) {
    const Descriptor* type = msg.GetDescriptor();
    const Reflection* r = msg.GetReflection();
    if (const FieldDescriptor* id = type->FindFieldByName("id");
        id != nullptr && id->cpp_type() == FieldDescriptor::CPPTYPE_STRING && !id->is_repeated()) {
      const std::string value = r->GetString(msg, id);
      const std::string id_path = field_path(path, "id");
      if (value.empty()) {
        out_.report_violation(id_path, "entry-id-required", "every entry needs a stable id");
      } else if (!is_safe_id(value)) {
        out_.report_violation(id_path, "entry-id-shape",
                              "ids are 1–64 letters, digits, '.', '_', ':' or '-'");
      } else if (const auto [it, fresh] = ids_.emplace(value, id_path); !fresh) {
        out_.report_violation(id_path, "entry-id-unique",
                              "id %1$s is already used at %2$s", {quote(value), it->second});
      }
    }
    if (const FieldDescriptor* a = type->FindFieldByName("assertion");
        a != nullptr && a->message_type() == v1::Assertion::descriptor() && !r->HasField(msg, a)) {
      out_.report_violation(field_path(path, "assertion"), "assertion-required",
                            "every entry says who stated it, how and when");
    }
  }

  static bool is_safe_id(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == ':' || c == '-';
      if (!ok) return false;
    }
    return true;
  }

  // proto3 enums are open: binary input from a newer or hostile writer can carry any number.
  void check_enum(const Message& msg, const FieldDescriptor* f, const std::string& path) {
    const Reflection* r = msg.GetReflection();
    const auto report_if_unknown = [&](int value, const std::string& at) {
      if (f->enum_type()->FindValueByNumber(value) == nullptr) {
        out_.report_violation(at, "enum-known-value",
                              "%1$s is not a value of %2$s", {std::to_string(value), f->enum_type()->name()});
      }
    };
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(msg, f); ++i) {
        report_if_unknown(r->GetRepeatedEnumValue(msg, f, i), item_path(path, f->name(), i));
      }
    } else {
      report_if_unknown(r->GetEnumValue(msg, f), field_path(path, f->name()));
    }
  }

  Findings& out_;
  std::map<std::string, std::string> ids_;  // entry id -> where it was first seen
};

}  // namespace

std::vector<Violation> validate_section(const Message& section) {
  std::vector<Violation> violations;
  Findings out(violations);
  const Descriptor* type = section.GetDescriptor();
  // The library compiles the schemas under a private package (proto/CMakeLists.txt), so a message
  // of the published package kartla.v1 (e.g. a DynamicMessage built from proto/) is matched to the
  // library's own type by its name inside the package, and named as published.
  const std::string& own_package = v1::Profile::descriptor()->file()->package();
  const std::string& package = type->file()->package();
  const std::string relative_name = type->full_name().substr(package.empty() ? 0 : package.size() + 1);
  const std::string shown_name = (package == own_package ? std::string("kartla.v1") : package) + "." + relative_name;
  const Descriptor* generated =
      package == own_package || package == "kartla.v1"
          ? google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(own_package + "." + relative_name)
          : nullptr;
  if (generated == nullptr) {
    out.report_violation("", "not-a-kartla-message", "%s is not a Kartla section", {quote(shown_name)});
    return violations;
  }
  // A DynamicMessage may share the generated descriptor, so compare reflection too.
  const Message* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(generated);
  std::unique_ptr<Message> copy;
  const Message* root = &section;
  if (generated != type || section.GetReflection() != prototype->GetReflection()) {
    copy.reset(prototype->New());
    if (!copy->ParseFromString(section.SerializeAsString())) {
      out.report_violation("", "not-a-kartla-message", "the message does not parse as %s", {shown_name});
      return violations;
    }
    root = copy.get();
  }
  Walker(out).visit(*root, nullptr, "");
  return violations;
}

}  // namespace kartla::model
