// SPDX-License-Identifier: Apache-2.0
#include "views/readable.h"

#include <cstdio>
#include <set>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/action_plan.pb.h"
#include "kartla/v1/instruments.pb.h"
#include "kartla/v1/interventions.pb.h"
#include "kartla/v1/types.pb.h"
#include "kartla/v1/work_ability.pb.h"
#include "views/labels.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// "spoken_interaction" -> "Spoken interaction": the English msgid of a field's label.
std::string sentence_case(std::string label) {
  for (char& c : label)
    if (c == '_') c = ' ';
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::string field_label(const FieldDescriptor* f, Language language) {
  return std::string(i18n::text(language, "field", sentence_case(f->name())));
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Fields that are bookkeeping, not content: ids and references between entries (the entries they
// point to are shown themselves), hashes, and markers for the tools. A person reading the record
// gains nothing from them, and `record get` still gives every field to whoever needs it.
bool internal_field(const FieldDescriptor* f) {
  const std::string& n = f->name();
  if (n == "placeholder_wording") return true;
  // A national id is a message and content; an id is a string that names an entry or a document.
  const bool id_name = n == "id" || ends_with(n, "_id") || ends_with(n, "_ids");
  if (id_name && f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) return true;
  return f->type() == FieldDescriptor::TYPE_BYTES && !f->is_repeated();
}

bool value_type(const Descriptor* t);

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

std::string enum_msgid(const google::protobuf::EnumValueDescriptor* value) {
  return humanize_enum(value->name(), enum_prefix(value->type()->name()));
}

std::string enum_text(const FieldDescriptor* f, int number, Language language) {
  const auto* value = f->enum_type()->FindValueByNumber(number);
  if (value == nullptr) return fill(tr(language, "unknown value %s"), {std::to_string(number)});
  return std::string(i18n::text(language, "value", enum_msgid(value)));
}

std::string number_text(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

class Renderer {
 public:
  Renderer(const InstrumentDefinitions& models, const ViewOptions& options)
      : models_(models), options_(options), lang_(language_of(options)) {}

  void fields(const Message& msg, int depth) {
    const Descriptor* type = msg.GetDescriptor();
    const bool entry = type->options().GetExtension(v1::record_entry);
    const Reflection* r = msg.GetReflection();
    std::vector<const FieldDescriptor*> set;
    r->ListFields(msg, &set);
    for (const FieldDescriptor* f : set) {
      if (internal_field(f) || (entry && f->name() == "assertion")) continue;  // the assertion is the last line
      field(msg, f, depth);
    }
    if (entry) source(msg, depth);
  }

  // An entry's provenance, last, so every entry ends with where it comes from.
  void source(const Message& msg, int depth) {
    const FieldDescriptor* a = msg.GetDescriptor()->FindFieldByName("assertion");
    if (a == nullptr || a->message_type() != v1::Assertion::descriptor()) return;
    if (msg.GetReflection()->HasField(msg, a)) {
      const auto& assertion = static_cast<const v1::Assertion&>(msg.GetReflection()->GetMessage(msg, a));
      line(depth, fill(tr(lang_, "Source: %s"), {provenance_text(assertion, lang_)}));
    } else {
      line(depth, fill(tr(lang_, "Source: %s"), {tr(lang_, "not stated")}));
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
      if (internal_field(f) || (entry && f->name() == "assertion")) continue;
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
    const std::string label = field_label(f, lang_);
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
        const auto count = static_cast<uint64_t>(n);
        const std::string items = f->name() == "attestations"
                                      ? trn(lang_, "%s signed attestation", "%s signed attestations", count)
                                      : trn(lang_, "%s item", "%s items", count);
        line(depth, label + ": " + fill(items, {std::to_string(n)}));
      }
      return;  // a single bytes field is internal (a hash): not shown
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
  std::string scalar(const Message& msg, const FieldDescriptor* f, int i) const {
    const Reflection* r = msg.GetReflection();
    const bool rep = i >= 0;
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: return one_line(rep ? r->GetRepeatedString(msg, f, i) : r->GetString(msg, f));
      case FieldDescriptor::CPPTYPE_BOOL: return (rep ? r->GetRepeatedBool(msg, f, i) : r->GetBool(msg, f)) ? tr(lang_, "yes") : tr(lang_, "no");
      case FieldDescriptor::CPPTYPE_INT32: return std::to_string(rep ? r->GetRepeatedInt32(msg, f, i) : r->GetInt32(msg, f));
      case FieldDescriptor::CPPTYPE_INT64: return std::to_string(rep ? r->GetRepeatedInt64(msg, f, i) : r->GetInt64(msg, f));
      case FieldDescriptor::CPPTYPE_UINT32: return std::to_string(rep ? r->GetRepeatedUInt32(msg, f, i) : r->GetUInt32(msg, f));
      case FieldDescriptor::CPPTYPE_UINT64: return std::to_string(rep ? r->GetRepeatedUInt64(msg, f, i) : r->GetUInt64(msg, f));
      case FieldDescriptor::CPPTYPE_DOUBLE: return number_text(rep ? r->GetRepeatedDouble(msg, f, i) : r->GetDouble(msg, f));
      case FieldDescriptor::CPPTYPE_FLOAT: return number_text(rep ? r->GetRepeatedFloat(msg, f, i) : r->GetFloat(msg, f));
      case FieldDescriptor::CPPTYPE_ENUM: return enum_text(f, rep ? r->GetRepeatedEnumValue(msg, f, i) : r->GetEnumValue(msg, f), lang_);
      case FieldDescriptor::CPPTYPE_MESSAGE: break;
    }
    return {};
  }

  // The shared value types read as one line; "" for any other message.
  std::string one_liner(const Message& m) const {
    const Descriptor* t = m.GetDescriptor();
    if (t == v1::Coding::descriptor()) return coding_text(static_cast<const v1::Coding&>(m), lang_);
    if (t == v1::PartialDate::descriptor()) return date_text(static_cast<const v1::PartialDate&>(m));
    if (t == v1::Period::descriptor()) return period_text(static_cast<const v1::Period&>(m), lang_);
    if (t == v1::OrgRef::descriptor()) return org_text(static_cast<const v1::OrgRef&>(m), lang_);
    if (t == v1::Assertion::descriptor()) return provenance_text(static_cast<const v1::Assertion&>(m), lang_);
    if (t == v1::ProgrammeStep::descriptor()) return step_text(static_cast<const v1::ProgrammeStep&>(m), models_, options_);
    if (t == google::protobuf::Timestamp::descriptor()) return date_text(static_cast<const google::protobuf::Timestamp&>(m));
    if (t == v1::NationalId::descriptor()) return national_id_text(static_cast<const v1::NationalId&>(m));
    if (t == v1::ServiceStepParticipation::descriptor()) {
      // One line per step taken part in: the step in words and when, so a return to a step reads
      // as a second line with the same step.
      const auto& p = static_cast<const v1::ServiceStepParticipation&>(m);
      std::string text = p.has_step() ? coding_text(p.step(), lang_) : std::string();
      const std::string when = p.has_period() ? period_text(p.period(), lang_) : std::string();
      if (!when.empty()) text += (text.empty() ? "" : ", ") + when;
      return text;
    }
    if (t == v1::InstrumentRef::descriptor()) {
      const auto& ref = static_cast<const v1::InstrumentRef&>(m);
      if (ref.version().empty()) return one_line(ref.id());
      return one_line(fill(tr(lang_, "%s, version %s"), {ref.id(), ref.version()}));
    }
    if (t == v1::InstrumentDefinition::descriptor()) {
      // The definition itself is reference data: its title is enough here.
      const auto& d = static_cast<const v1::InstrumentDefinition&>(m);
      return one_line(localized(d.title(), options_.language));
    }
    if (t == v1::GasLevel::descriptor()) {
      // Level 0 (the expected level) is the proto default and would vanish from a generic view.
      const auto& l = static_cast<const v1::GasLevel&>(m);
      return (l.level() > 0 ? "+" : l.level() == 0 ? " " : "") + std::to_string(l.level()) + "  " + one_line(l.description());
    }
    if (t == v1::IcfObservation::descriptor()) return icf_text(static_cast<const v1::IcfObservation&>(m));
    if (t == v1::Score::descriptor()) {
      const auto& s = static_cast<const v1::Score&>(m);
      std::string text = one_line(s.indicator()) + " = " + (s.has_value() ? std::to_string(s.value()) : tr(lang_, "not answered"));
      if (!s.target_id().empty()) text += " " + fill(tr(lang_, "(for %s)"), {one_line(s.target_id())});
      if (!s.comment().empty()) text += ": " + one_line(s.comment());
      return text;
    }
    return {};
  }

  // WHO ICF qualifiers in words (THL's qualifier table; docs/MODEL.md, `IcfObservation`); for d-codes the first is
  // performance and the second capacity.
  std::string qualifier_text(int q) const {
    switch (q) {
      case 0: return "0 " + tr(lang_, "no problem");
      case 1: return "1 " + tr(lang_, "mild");
      case 2: return "2 " + tr(lang_, "moderate");
      case 3: return "3 " + tr(lang_, "severe");
      case 4: return "4 " + tr(lang_, "complete");
      case 8: return "8 " + tr(lang_, "not specified");
      case 9: return "9 " + tr(lang_, "not applicable");
      default: break;
    }
    return std::to_string(q);
  }

  std::string icf_text(const v1::IcfObservation& o) const {
    const bool activity = !o.category().code().empty() && o.category().code()[0] == 'd';
    std::string text = coding_text(o.category(), lang_);
    if (o.has_qualifier_1())
      text += ", " + fill(activity ? tr(lang_, "performance %s") : tr(lang_, "extent %s"), {qualifier_text(o.qualifier_1())});
    if (o.has_qualifier_2()) text += ", " + fill(tr(lang_, "capacity %s"), {qualifier_text(o.qualifier_2())});
    if (o.environment() == v1::IcfObservation::BARRIER) text += ", " + tr(lang_, "barrier");
    if (o.environment() == v1::IcfObservation::FACILITATOR) text += ", " + tr(lang_, "facilitator");
    if (!o.note().empty()) text += ": " + one_line(o.note());
    return text;
  }

  std::string national_id_text(const v1::NationalId& id) const {
    switch (id.id_case()) {
      case v1::NationalId::kSePersonnummer: return fill(tr(lang_, "personnummer %s"), {one_line(id.se_personnummer())});
      case v1::NationalId::kSeSamordningsnummer:
        return fill(tr(lang_, "samordningsnummer %s"), {one_line(id.se_samordningsnummer())});
      case v1::NationalId::kFiHenkilotunnus: return fill(tr(lang_, "henkilötunnus %s"), {one_line(id.fi_henkilotunnus())});
      case v1::NationalId::ID_NOT_SET: break;
    }
    return tr(lang_, "not given");
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
    // The first field on the dash line, the rest under it (an entry's id is bookkeeping: not shown).
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

  static bool is_value_type(const Message& m) { return value_type(m.GetDescriptor()); }

  const InstrumentDefinitions& models_;
  const ViewOptions& options_;
  Language lang_;
  std::string out_;
};

// The message types read as one line (labels.h and the one-liners above).
bool value_type(const Descriptor* t) {
  return t == v1::Coding::descriptor() || t == v1::PartialDate::descriptor() || t == v1::Period::descriptor() ||
           t == v1::OrgRef::descriptor() || t == v1::Assertion::descriptor() ||
           t == v1::ProgrammeStep::descriptor() || t == google::protobuf::Timestamp::descriptor() ||
           t == v1::NationalId::descriptor() || t == v1::InstrumentRef::descriptor() ||
           t == v1::InstrumentDefinition::descriptor() || t == v1::GasLevel::descriptor() ||
           t == v1::IcfObservation::descriptor() || t == v1::Score::descriptor() ||
           t == v1::ServiceStepParticipation::descriptor();
}

// A section's title as a heading a reader sees as one: the title on its own line, underlined with
// "=" (the setext heading of Markdown), so it reads as a heading in a terminal and a program can
// find it. Only headings and the record's first lines start at the left margin: every line of
// content is indented and has had its line breaks replaced (one_line), so no entry can make a
// line that looks like a heading.
void heading(Renderer& r, const SectionHeading& info, Language language) {
  const std::string title(i18n::text(language, "section", sentence_case(std::string(info.name))));
  r.line(0, title);
  r.line(0, std::string(display_width(title), '='));
  if (info.special_category) r.line(1, tr(language, "(health data: shared only when you name it, never by a wildcard)"));
  if (info.owner_only) r.line(1, tr(language, "(yours only: never shared)"));
}

void schema_walk(const Descriptor* type, std::set<const Descriptor*>& seen, const SchemaMessageVisitor& visit) {
  if (!seen.insert(type).second) return;
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* f = type->field(i);
    if (internal_field(f) || f->name() == "assertion") continue;
    visit("field", sentence_case(f->name()));
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      for (int v = 0; v < f->enum_type()->value_count(); ++v) visit("value", enum_msgid(f->enum_type()->value(v)));
    }
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !value_type(f->message_type()) &&
        f->message_type() != v1::LocalizedText::descriptor())
      schema_walk(f->message_type(), seen, visit);
  }
}

}  // namespace

std::string section_text(const SectionHeading& info, const Message& section, const InstrumentDefinitions& step_models,
                         const ViewOptions& options) {
  Renderer r(step_models, options);
  const Language language = language_of(options);
  heading(r, info, language);
  std::vector<const FieldDescriptor*> set;
  section.GetReflection()->ListFields(section, &set);
  if (set.empty()) r.line(1, tr(language, "(empty)"));
  r.section_fields(section);
  return r.take();
}

std::string record_text(std::string_view record_id_hex, uint64_t sequence, const std::vector<ShownSection>& sections,
                        const InstrumentDefinitions& step_models, const ViewOptions& options) {
  const Language language = language_of(options);
  std::string out = fill(tr(language, "Record %s, version %s"), {record_id_hex, std::to_string(sequence)}) + "\n";
  out += tr(language, "Each entry ends with its source: who wrote it, how and when.") + "\n";
  for (const ShownSection& s : sections) out += "\n" + section_text(s.heading, *s.content, step_models, options);
  if (sections.empty()) out += "\n" + tr(language, "The record holds no sections yet.") + "\n";
  return out;
}

void schema_messages(const SectionHeading& info, const Descriptor& section, const SchemaMessageVisitor& visit) {
  visit("section", sentence_case(std::string(info.name)));
  std::set<const Descriptor*> seen;
  schema_walk(&section, seen, visit);
}

}  // namespace kartla::views
