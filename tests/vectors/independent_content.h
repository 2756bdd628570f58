/* SPDX-License-Identifier: Apache-2.0 */
// A validator of section content written from docs/MODEL.md alone, for content.json: it reads the
// protobuf bytes field by field (wire_read.h) and includes nothing of Kartla's. It knows the
// sections and rules content.json exercises (programme_followup, the legal basis of a grant that
// names it, and the steps of the service in interventions and action_plan), with the generic rules
// those sections meet on the way (entry ids, provenance, Codings of the systems used there, dates,
// periods); a rule it does not know it cannot report, so a vector naming one fails here.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kartla::vectors::independent {

using ContentFindings = std::vector<std::pair<std::string, std::string>>;  // (field path, rule)

// Throws std::runtime_error for a section this validator does not know, or bytes that do not parse.
ContentFindings validate_content(const std::string& section, const std::string& bytes);

}  // namespace kartla::vectors::independent
