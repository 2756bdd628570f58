// SPDX-License-Identifier: Apache-2.0
#include "attest/content_rules.h"

#include "attest/section_entries.h"
#include "base/error.h"
#include "crypto/secret_buffer.h"
#include "model/validation/rules.h"
#include "model/validation/section_check.h"

namespace kartla::attest {

std::string describe_violations(const model::SectionInfo* section, const std::vector<model::Violation>& violations) {
  if (violations.empty()) return {};
  const model::Violation& first = violations.front();
  std::string text;
  if (section != nullptr) {
    text = model::describe_violation(*section, first);
  } else {
    // The same one-line form as describe_violation, for a claim (no section to name).
    text = first.field_path + ": " + first.rule + ": " + first.message;
    for (char& c : text)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (violations.size() > 1) {
    const size_t more = violations.size() - 1;
    text += " (and " + std::to_string(more) + " more violation" + (more == 1 ? "" : "s") + ")";
  }
  return text;
}

void require_valid_entry(const model::SectionInfo& section, ByteView entry) {
  const crypto::SecretBuffer alone = with_entry(section, {}, entry);
  std::vector<model::Violation> violations;
  for (model::Violation& v : model::check_section_bytes_content(section, alone.view()))
    if (!model::rule_needs_whole_section(v.rule)) violations.push_back(std::move(v));
  if (!violations.empty())
    fail(Code::schema, "the entry breaks a rule of section '%1$s' (as entries[0]): %2$s",
         {std::string(section.name), describe_violations(&section, violations)});
}

void require_valid_content(const model::SectionInfo& section, ByteView content, const std::string& what) {
  const std::vector<model::Violation> violations = model::check_section_bytes_content(section, content);
  if (!violations.empty()) fail(Code::schema, "%1$s: %2$s", {what, describe_violations(&section, violations)});
}

std::vector<model::Violation> claim_violations(const format::Claim& claim) { return model::validate_claim(claim); }

void require_valid_claim(const format::Claim& claim) {
  const std::vector<model::Violation> violations = claim_violations(claim);
  if (!violations.empty()) fail(Code::schema, "the claim breaks a rule: %s",
                                {describe_violations(nullptr, violations)});
}

}  // namespace kartla::attest
