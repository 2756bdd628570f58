/* SPDX-License-Identifier: Apache-2.0 */
// The one list of record sections. Everything that needs a section's id, name, schema or
// sensitivity asks here; nothing else spells the list out.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class Descriptor;
class Message;
}  // namespace google::protobuf

namespace kartla::model {

struct SectionInfo {
  uint32_t id;                 // frozen: stored in every manifest entry and bound into the AEAD
  std::string_view name;       // snake_case name used by the CLI and the C ABI
  std::string_view message;    // full protobuf message name
  bool special_category;       // GDPR Art. 9 health data: never in a wildcard share
  bool owner_only;             // never granted to anyone (the sharing ledger)
};

const std::vector<SectionInfo>& all_sections();

// Throws Error(invalid_argument) naming the valid sections when the name is unknown.
const SectionInfo& section_by_name(std::string_view name);
// Returns nullptr for an id this library does not know (a newer writer's section).
const SectionInfo* section_by_id(uint32_t id);

const google::protobuf::Descriptor& section_descriptor(const SectionInfo& info);
std::unique_ptr<google::protobuf::Message> new_section_message(const SectionInfo& info);

}  // namespace kartla::model
