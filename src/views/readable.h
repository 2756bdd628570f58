/* SPDX-License-Identifier: Apache-2.0 */
// Any section as text for a person to read: field names in words, coded values with their
// registry labels, dates as dates, and every entry's provenance marked ("Source: [validated by
// ...]"), instead of protobuf JSON. Driven by the schema (reflection), so a field added to a
// section appears without a change here; the shared value types have their own wording
// (labels.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "views/steps.h"
#include "views/view_options.h"

namespace google::protobuf {
class Descriptor;
class Message;
}

namespace kartla::views {

// What a view says of a section besides its content, from the caller's section registry.
struct SectionHeading {
  std::string_view name;         // "work_ability"
  bool special_category = false;  // GDPR Art. 9 health data
  bool owner_only = false;        // never shared
};

// The section's heading and content; `step_models` labels programme steps (may be empty).
std::string section_text(const SectionHeading& info, const google::protobuf::Message& section,
                         const InstrumentDefinitions& step_models, const ViewOptions& options);

// A section to show, already parsed by the caller.
struct ShownSection {
  SectionHeading heading;
  const google::protobuf::Message* content;
};

// The whole record: a line naming it (`record_id_hex`, version `sequence`), then each section of
// `sections` in the order given; a line saying so when there is none.
std::string record_text(std::string_view record_id_hex, uint64_t sequence, const std::vector<ShownSection>& sections,
                        const InstrumentDefinitions& step_models, const ViewOptions& options);

// The catalogue entries (context, English msgid) the view looks up for a section's schema: its
// title, the label of every field it may show and the words of every enum value, found by
// walking the schema as the view does. The catalogue check (tests/i18n) compares them with
// src/i18n/kartla.pot, so a field added to a section cannot reach a reader untranslated.
using SchemaMessageVisitor = std::function<void(std::string_view context, std::string_view msgid)>;
void schema_messages(const SectionHeading& info, const google::protobuf::Descriptor& section,
                     const SchemaMessageVisitor& visit);

}  // namespace kartla::views
