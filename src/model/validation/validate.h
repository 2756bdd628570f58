// Offline validation of record sections against the rules docs/MODEL.md lists (Validation rules,
// every rule with its id). Validation never throws on bad content: it reports.
#pragma once

#include <string>
#include <vector>

namespace google::protobuf {
class Message;
}

namespace kartla::model {

struct Violation {
  std::string field_path;  // e.g. "entries[2].validation.level"; empty means the message itself
  std::string rule;        // stable short id, e.g. "se-personnummer-luhn"
  std::string message;     // English, for a person to act on
};

// Validates one section message (any of the kartla.v1 section messages) against every offline
// rule and returns all violations, in field order; empty means valid. The message may be a
// generated class or a dynamic message of the same type. A message from another package is
// reported as rule "not-a-kartla-message". Thread-safe: no shared mutable state.
std::vector<Violation> validate_section(const google::protobuf::Message& section);

}  // namespace kartla::model
