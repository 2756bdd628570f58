// SPDX-License-Identifier: Apache-2.0
#include "attest/content_rules.h"

#include "attest/section_entries.h"
#include "base/error.h"
#include "crypto/secret_buffer.h"
#include "model/validation/rules.h"
#include "model/validation/section_check.h"

namespace kartla::attest {

Message describe_violations(const model::SectionInfo* section, const std::vector<model::Violation>& violations) {
  if (violations.empty()) return Message::value("");
  const model::Violation& first = violations.front();
  // A claim has no section to name; its field paths always start with "claim.".
  const Message line =
      section != nullptr ? model::violation_line(*section, first) : model::violation_line(first.field_path, first);
  if (violations.size() == 1) return line;
  if (violations.size() == 2) return localizable("%s (and 1 more violation)", {line});
  return localizable("%1$s (and %2$s more violations)",
                     {line, Message::value(std::to_string(violations.size() - 1))});
}

void require_valid_entry(const model::SectionInfo& section, ByteView entry) {
  const crypto::SecretBuffer alone = with_entry(section, {}, entry);
  std::vector<model::Violation> violations;
  for (model::Violation& v : model::check_section_bytes_content(section, alone.view()))
    if (!model::rule_needs_whole_section(v.rule)) violations.push_back(std::move(v));
  if (!violations.empty())
    fail(Code::schema, localizable("the entry breaks a rule of section '%1$s' (as entries[0]): %2$s",
                                   {Message::value(std::string(section.name)), describe_violations(&section, violations)}));
}

void require_valid_content(const model::SectionInfo& section, ByteView content, const std::string& what) {
  const std::vector<model::Violation> violations = model::check_section_bytes_content(section, content);
  if (!violations.empty()) fail(Code::schema, localizable("%1$s: %2$s", {Message::value(what), describe_violations(&section, violations)}));
}

std::vector<model::Violation> claim_violations(const format::Claim& claim) { return model::validate_claim(claim); }

void require_valid_claim(const format::Claim& claim) {
  const std::vector<model::Violation> violations = claim_violations(claim);
  if (!violations.empty())
    fail(Code::schema, localizable("the claim breaks a rule: %s", {describe_violations(nullptr, violations)}));
}

}  // namespace kartla::attest
