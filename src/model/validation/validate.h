/* SPDX-License-Identifier: Apache-2.0 */
// Offline validation of record sections against the rules docs/MODEL.md lists (Validation rules,
// every rule with its id). Validation never throws on bad content: it reports.
#pragma once

#include <string>
#include <vector>

#include "base/message.h"

namespace google::protobuf {
class Message;
}

namespace kartla::format {
struct Claim;
}

namespace kartla::model {

struct Violation {
  std::string field_path;  // e.g. "entries[2].validation.level"; empty means the message itself
  std::string rule;        // stable short id, e.g. "se-personnummer-luhn"
  std::string message;     // English, for a person to act on: text.english()
  Message text;            // the same as a catalogue message, to say it in the reader's language
};

// Validates one section message (any of the kartla.v1 section messages) against every offline
// rule and returns all violations, in field order; empty means valid. The message may be a
// generated class or a dynamic message of the same type. A message from another package is
// reported as rule "not-a-kartla-message". Thread-safe: no shared mutable state.
std::vector<Violation> validate_section(const google::protobuf::Message& section);

// Validates an attestation's claim (docs/SPEC.md §13.2) with the rules section content obeys:
// the level names a registered level framework and a code of it, the method is a kartla-method
// code, the date is a real date in 1800-2199, credits lie in 0-1000. Field paths start with
// "claim." (e.g. "claim.level_code"); rule ids are those of docs/MODEL.md. The claim's shape
// (lengths, UTF-8, the date's YYYY[-MM[-DD]] form) is the codec's business (format/attestation_codec.h).
std::vector<Violation> validate_claim(const format::Claim& claim);

}  // namespace kartla::model
