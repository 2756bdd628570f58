/* SPDX-License-Identifier: Apache-2.0 */
// The content rules on what agencies write (issue 10 item 7): a contributed entry and an
// attestation's claim obey the rules the owner's own writes obey (model/validation, docs/MODEL.md),
// so no path puts into a record what its validator refuses (docs/SPEC.md §13.2, §13.4, §13.5).
#pragma once

#include <string>
#include <vector>

#include "base/bytes.h"
#include "format/attestation_codec.h"
#include "model/section_registry.h"
#include "model/validation/validate.h"

namespace kartla::attest {

// Error(schema) naming the first violation's field path and rule if one element of the section's
// `entries` (canonical protobuf bytes), placed alone in the section as entries[0], breaks a rule
// that can be judged without the rest of the section (model::rule_needs_whole_section). What an
// agency checks before it signs a contribution.
void require_valid_entry(const model::SectionInfo& section, ByteView entry);

// Error(schema) naming the first violation if section content about to be written breaks any
// rule: the owner's side, on the whole merged section. `what` starts the message.
void require_valid_content(const model::SectionInfo& section, ByteView content, const std::string& what);

// The claim's violations (model::validate_claim), and Error(schema) naming the first of them.
std::vector<model::Violation> claim_violations(const format::Claim& claim);
void require_valid_claim(const format::Claim& claim);

// "claim.method: kartla-method-code: ..." for the first violation, "(and N more ...)" after it.
Message describe_violations(const model::SectionInfo* section, const std::vector<model::Violation>& violations);

}  // namespace kartla::attest
