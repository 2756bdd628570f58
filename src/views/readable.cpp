#include "views/readable.h"

#include <cstdio>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/types.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "views/labels.h"
#include "views/text.h"

namespace kartla::views {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// "spoken_interaction" -> "Spoken interaction".
std::string field_label(const FieldDescriptor* f) {
  std::string label = f->name();
  for (char& c : label)
    if (c == '_') c = ' ';
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

// "PlanStatus" -> "PLAN_STATUS_": proto style prefixes enum values with their type's name.
std::string enum_prefix(const std::string& type_name) {
  std::string out;
  for (size_t i = 0; i < type_name.size(); ++i) {
    const char c = type_name[i];
    if (c >= 'A' && c <= 'Z') {
      if (i != 0) out += '_';
      out += c;
    } else {
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
  }
  return out + "_";
}

std::string enum_text(const FieldDescriptor* f, int number) {
  const auto* value = f->enum_type()->FindValueByNumber(number);
  if (value == nullptr) return "unknown value " + std::to_string(number);
  return humanize_enum(value->name(), enum_prefix(f->enum_type()->name()));
}

std::string hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += kDigits[b >> 4], out += kDigits[b & 15];
  return out;
}

std::string bytes_text(const std::string& bytes) {
  // Hashes and digests (32 bytes) are worth showing, to compare with a file; the rest is data.
  if (!bytes.empty() && bytes.size() <= 32) return hex(bytes);
  return "(" + std::to_string(bytes.size()) + " bytes)";
}

std::string number_text(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

class Renderer {
 public:
  Renderer(const InstrumentDefinitions& models, const ViewOptions& options) : models_(models), options_(options) {}

  void fields(const Message& msg, int depth) {
    const Descriptor* type = msg.GetDescriptor();
    const bool entry = type->options().GetExtension(v1::record_entry);
    const Reflection* r = msg.GetReflection();
    std::vector<const FieldDescriptor*> set;
    r->ListFields(msg, &set);
    for (const FieldDescriptor* f : set) {
      if (entry && (f->name() == "id" || f->name() == "assertion")) continue;  // in the entry's heading and last line
      field(msg, f, depth);
    }
    if (entry) source(msg, depth);
  }

  // An entry's provenance, last, so every entry ends with where it comes from.
  void source(const Message& msg, int depth) {
    const FieldDescriptor* a = msg.GetDescriptor()->FindFieldByName("assertion");
    if (a == nullptr || a->message_type() != v1::Assertion::descriptor()) return;
    if (msg.GetReflection()->HasField(msg, a)) {
      line(depth, "Source: " + provenance_text(static_cast<const v1::Assertion&>(msg.GetReflection()->GetMessage(msg, a))));
    } else {
      line(depth, "Source: [not stated]");
    }
  }

  // The section's own fields; its list of entries needs no "Entries:" line of its own.
  void section_fields(const Message& section) {
    const Reflection* r = section.GetReflection();
    // Some sections are one entry themselves (profile, action_plan).
    const bool entry = section.GetDescriptor()->options().GetExtension(v1::record_entry);
    std::vector<const FieldDescriptor*> set;
    r->ListFields(section, &set);
    for (const FieldDescriptor* f : set) {
      if (entry && (f->name() == "id" || f->name() == "assertion")) continue;
      if (f->name() == "entries" && f->is_repeated() && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        for (int i = 0; i < r->FieldSize(section, f); ++i) list_item(r->GetRepeatedMessage(section, f, i), 1);
      } else {
        field(section, f, 1);
      }
    }
    if (entry) source(section, 1);
  }

  std::string take() { return std::move(out_); }
  void line(int depth, const std::string& text) { out_ += std::string(2 * static_cast<size_t>(depth), ' ') + text + "\n"; }

 private:
  void field(const Message& msg, const FieldDescriptor* f, int depth) {
    const Reflection* r = msg.GetReflection();
    const std::string label = field_label(f);
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (f->message_type() == v1::LocalizedText::descriptor() && f->is_repeated()) {
        LocalizedList texts;
        for (int i = 0; i < r->FieldSize(msg, f); ++i)
          *texts.Add() = static_cast<const v1::LocalizedText&>(r->GetRepeatedMessage(msg, f, i));
        line(depth, label + ": " + one_line(localized(texts, options_.language)));
        return;
      }
      if (!f->is_repeated()) {
        message_field(label, r->GetMessage(msg, f), depth);
        return;
      }
      const int n = r->FieldSize(msg, f);
      line(depth, label + ":");
      for (int i = 0; i < n; ++i) list_item(r->GetRepeatedMessage(msg, f, i), depth + 1);
      return;
    }
    if (f->type() == FieldDescriptor::TYPE_BYTES) {
      if (f->is_repeated()) {
        const int n = r->FieldSize(msg, f);
        line(depth, label + ": " + std::to_string(n) + (f->name() == "attestations" ? " signed attestation" : " item") +
                        (n == 1 ? "" : "s"));
      } else {
        line(depth, label + ": " + bytes_text(r->GetString(msg, f)));
      }
      return;
    }
    if (!f->is_repeated()) {
      line(depth, label + ": " + scalar(msg, f, -1));
      return;
    }
    std::string values;
    for (int i = 0; i < r->FieldSize(msg, f); ++i) values += (i == 0 ? "" : ", ") + scalar(msg, f, i);
    line(depth, label + ": " + values);
  }

  // index -1: the singular field.
  static std::string scalar(const Message& msg, const FieldDescriptor* f, int i) {
    const Reflection* r = msg.GetReflection();
    const bool rep = i >= 0;
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: return one_line(rep ? r->GetRepeatedString(msg, f, i) : r->GetString(msg, f));
      case FieldDescriptor::CPPTYPE_BOOL: return (rep ? r->GetRepeatedBool(msg, f, i) : r->GetBool(msg, f)) ? "yes" : "no";
      case FieldDescriptor::CPPTYPE_INT32: return std::to_string(rep ? r->GetRepeatedInt32(msg, f, i) : r->GetInt32(msg, f));
      case FieldDescriptor::CPPTYPE_INT64: return std::to_string(rep ? r->GetRepeatedInt64(msg, f, i) : r->GetInt64(msg, f));
      case FieldDescriptor::CPPTYPE_UINT32: return std::to_string(rep ? r->GetRepeatedUInt32(msg, f, i) : r->GetUInt32(msg, f));
      case FieldDescriptor::CPPTYPE_UINT64: return std::to_string(rep ? r->GetRepeatedUInt64(msg, f, i) : r->GetUInt64(msg, f));
      case FieldDescriptor::CPPTYPE_DOUBLE: return number_text(rep ? r->GetRepeatedDouble(msg, f, i) : r->GetDouble(msg, f));
      case FieldDescriptor::CPPTYPE_FLOAT: return number_text(rep ? r->GetRepeatedFloat(msg, f, i) : r->GetFloat(msg, f));
      case FieldDescriptor::CPPTYPE_ENUM: return enum_text(f, rep ? r->GetRepeatedEnumValue(msg, f, i) : r->GetEnumValue(msg, f));
      case FieldDescriptor::CPPTYPE_MESSAGE: break;
    }
    return {};
  }

  // The shared value types read as one line; "" for any other message.
  std::string one_liner(const Message& m) const {
    const Descriptor* t = m.GetDescriptor();
    if (t == v1::Coding::descriptor()) return coding_text(static_cast<const v1::Coding&>(m));
    if (t == v1::PartialDate::descriptor()) return date_text(static_cast<const v1::PartialDate&>(m));
    if (t == v1::Period::descriptor()) return period_text(static_cast<const v1::Period&>(m));
    if (t == v1::OrgRef::descriptor()) return org_text(static_cast<const v1::OrgRef&>(m));
    if (t == v1::Assertion::descriptor()) return provenance_text(static_cast<const v1::Assertion&>(m));
    if (t == v1::ProgrammeStep::descriptor()) return step_text(static_cast<const v1::ProgrammeStep&>(m), models_, options_);
    if (t == google::protobuf::Timestamp::descriptor()) return date_text(static_cast<const google::protobuf::Timestamp&>(m));
    if (t == v1::NationalId::descriptor()) return national_id_text(static_cast<const v1::NationalId&>(m));
    if (t == v1::InstrumentRef::descriptor()) {
      const auto& ref = static_cast<const v1::InstrumentRef&>(m);
      return one_line(ref.id() + (ref.version().empty() ? "" : " version " + ref.version()));
    }
    if (t == v1::InstrumentDefinition::descriptor()) {
      // The definition itself is reference data: its title and version are enough here.
      const auto& d = static_cast<const v1::InstrumentDefinition&>(m);
      return one_line(localized(d.title(), options_.language) + " [" + d.id() + " version " + d.version() + "]" +
                      (d.placeholder_wording() ? " (placeholder wording)" : ""));
    }
    if (t == v1::GasLevel::descriptor()) {
      // Level 0 (the expected level) is the proto default and would vanish from a generic view.
      const auto& l = static_cast<const v1::GasLevel&>(m);
      return (l.level() > 0 ? "+" : l.level() == 0 ? " " : "") + std::to_string(l.level()) + "  " + one_line(l.description());
    }
    if (t == v1::IcfObservation::descriptor()) return icf_text(static_cast<const v1::IcfObservation&>(m));
    if (t == v1::Score::descriptor()) {
      const auto& s = static_cast<const v1::Score&>(m);
      std::string text = one_line(s.indicator()) + " = " + (s.has_value() ? std::to_string(s.value()) : "not answered");
      if (!s.target_id().empty()) text += " (for " + one_line(s.target_id()) + ")";
      if (!s.comment().empty()) text += ": " + one_line(s.comment());
      return text;
    }
    return {};
  }

  // WHO ICF qualifiers in words (THL's qualifier table; docs/MODEL.md, `IcfObservation`); for d-codes the first is
  // performance and the second capacity.
  static std::string qualifier_text(int q) {
    static const char* const kWords[] = {"no problem", "mild", "moderate", "severe", "complete"};
    if (q >= 0 && q <= 4) return std::to_string(q) + " " + kWords[q];
    if (q == 8) return "8 not specified";
    if (q == 9) return "9 not applicable";
    return std::to_string(q);
  }

  static std::string icf_text(const v1::IcfObservation& o) {
    const bool activity = !o.category().code().empty() && o.category().code()[0] == 'd';
    std::string text = coding_text(o.category());
    if (o.has_qualifier_1()) text += std::string(activity ? ", performance " : ", extent ") + qualifier_text(o.qualifier_1());
    if (o.has_qualifier_2()) text += ", capacity " + qualifier_text(o.qualifier_2());
    if (o.environment() == v1::IcfObservation::BARRIER) text += ", barrier";
    if (o.environment() == v1::IcfObservation::FACILITATOR) text += ", facilitator";
    if (!o.note().empty()) text += ": " + one_line(o.note());
    return text;
  }

  static std::string national_id_text(const v1::NationalId& id) {
    switch (id.id_case()) {
      case v1::NationalId::kSePersonnummer: return "personnummer " + one_line(id.se_personnummer());
      case v1::NationalId::kSeSamordningsnummer: return "samordningsnummer " + one_line(id.se_samordningsnummer());
      case v1::NationalId::kFiHenkilotunnus: return "henkilötunnus " + one_line(id.fi_henkilotunnus());
      case v1::NationalId::ID_NOT_SET: break;
    }
    return "not given";
  }

  void message_field(const std::string& label, const Message& m, int depth) {
    const std::string text = one_liner(m);
    if (!text.empty() || is_value_type(m)) {
      line(depth, label + ": " + text);
      return;
    }
    line(depth, label + ":");
    fields(m, depth + 1);
  }

  void list_item(const Message& m, int depth) {
    const std::string text = one_liner(m);
    if (!text.empty() || is_value_type(m)) {
      line(depth, "- " + text);
      return;
    }
    const Descriptor* t = m.GetDescriptor();
    if (t->options().GetExtension(v1::record_entry)) {
      // Entries are headed by their id: attestations and references name entries by it.
      std::string heading = "-";
      if (const FieldDescriptor* id = t->FindFieldByName("id");
          id != nullptr && id->cpp_type() == FieldDescriptor::CPPTYPE_STRING && !id->is_repeated()) {
        const std::string value = m.GetReflection()->GetString(m, id);
        if (!value.empty()) heading += " " + one_line(value);
      }
      line(depth, heading);
      fields(m, depth + 1);
      return;
    }
    // Other items: the first field on the dash line, the rest under it.
    Renderer item(models_, options_);
    item.fields(m, depth + 1);
    std::string body = item.take();
    const size_t indent = 2 * static_cast<size_t>(depth + 1);
    if (body.size() < indent) {
      line(depth, "-");
      return;
    }
    out_ += std::string(2 * static_cast<size_t>(depth), ' ') + "- " + body.substr(indent);
  }

  static bool is_value_type(const Message& m) {
    const Descriptor* t = m.GetDescriptor();
    return t == v1::Coding::descriptor() || t == v1::PartialDate::descriptor() || t == v1::Period::descriptor() ||
           t == v1::OrgRef::descriptor() || t == v1::Assertion::descriptor() ||
           t == v1::ProgrammeStep::descriptor() || t == google::protobuf::Timestamp::descriptor();
  }

  const InstrumentDefinitions& models_;
  const ViewOptions& options_;
  std::string out_;
};

std::string heading(const SectionHeading& info) {
  std::string name(info.name);
  for (char& c : name)
    if (c == '_') c = ' ';
  if (!name.empty()) name[0] = static_cast<char>(name[0] - 'a' + 'A');
  std::string h = "== " + name + " ==";
  if (info.special_category) h += "  (special-category health data: shared only when named, never by a wildcard)";
  if (info.owner_only) h += "  (yours only: never shared)";
  return h;
}

}  // namespace

std::string section_text(const SectionHeading& info, const Message& section, const InstrumentDefinitions& step_models,
                         const ViewOptions& options) {
  Renderer r(step_models, options);
  r.line(0, heading(info));
  std::vector<const FieldDescriptor*> set;
  section.GetReflection()->ListFields(section, &set);
  if (set.empty()) r.line(1, "(empty)");
  r.section_fields(section);
  return r.take();
}

std::string record_text(std::string_view record_id_hex, uint64_t sequence, const std::vector<ShownSection>& sections,
                        const InstrumentDefinitions& step_models, const ViewOptions& options) {
  std::string out = "Record " + std::string(record_id_hex) + ", version " + std::to_string(sequence) + "\n";
  out += "Each entry ends with its source: who stated it, how and when.\n";
  for (const ShownSection& s : sections) out += "\n" + section_text(s.heading, *s.content, step_models, options);
  if (sections.empty()) out += "\nThe record holds no sections yet.\n";
  return out;
}

}  // namespace kartla::views
