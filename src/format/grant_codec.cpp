// SPDX-License-Identifier: Apache-2.0
#include "format/grant_codec.h"

#include <cstring>

#include "base/error.h"
#include "crypto/padding.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/container.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

constexpr size_t kKeyBytes = 32;
constexpr size_t kPerSectionBytes = 2 * kKeyBytes;  // section key || slot secret
constexpr uint32_t kLedgerSectionId = 12;            // owner-only: never in a grant (SPEC §5.1)

bool is_basis(const std::string& code, const char* prefix, char last) {
  return code.size() == 5 && code.compare(0, 4, prefix) == 0 && code[4] >= 'a' && code[4] <= last;
}

std::string plaintext_prefix() {
  std::string prefix(label::kGrantPayload);
  prefix.push_back('\0');
  return prefix;
}

std::string encode_terms(const Grant& grant) {
  pb::GrantTerms msg;
  msg.set_format_version(kFormatVersion);
  msg.set_grant_id(grant.terms.grant_id);
  msg.set_record_id(grant.terms.record_id);
  msg.set_recipient_signing_key(grant.terms.recipient_signing_key);
  msg.set_recipient_encryption_key(grant.terms.recipient_encryption_key);
  msg.set_purpose(grant.terms.purpose);
  msg.set_granted_at(grant.terms.granted_at);
  msg.set_expires_at(grant.terms.expires_at);
  msg.set_gdpr_art6_basis(grant.terms.gdpr_art6_basis);
  msg.set_gdpr_art9_basis(grant.terms.gdpr_art9_basis);
  for (const auto& s : grant.sections) {
    auto* out = msg.add_sections();
    out->set_section_id(s.section_id);
    out->set_generation(s.generation);
  }
  for (const InvolvedNotice& n : grant.terms.involved) write_involved_notice(n, *msg.add_involved());
  return msg.SerializeAsString();
}

void require(bool ok, const char* what) {
  if (!ok) fail(Code::format, "grant: %s", {what});
}

}  // namespace

bool is_gdpr_art6_basis(const std::string& code) { return is_basis(code, "6.1.", 'f'); }
bool is_gdpr_art9_basis(const std::string& code) { return is_basis(code, "9.2.", 'j'); }

std::string seal_grant(const Grant& grant) {
  if (grant.terms.purpose.size() > kMaxPurposeBytes) fail(Code::limit, "the purpose is longer than 1024 bytes");
  if (grant.sections.empty() || grant.sections.size() > kMaxSections)
    fail(Code::invalid_argument, "a grant must name between 1 and 64 sections");
  if (!is_gdpr_art6_basis(grant.terms.gdpr_art6_basis))
    fail(Code::invalid_argument, "a grant needs a GDPR Art. 6(1) basis, 6.1.a to 6.1.f");
  if (!grant.terms.gdpr_art9_basis.empty() && !is_gdpr_art9_basis(grant.terms.gdpr_art9_basis))
    fail(Code::invalid_argument, "a GDPR Art. 9(2) basis is one of 9.2.a to 9.2.j");
  if (const std::string problem = involved_list_problem(grant.terms.involved); !problem.empty())
    fail(Code::invalid_argument, "grant: %s", {problem});
  const std::string terms = encode_terms(grant);
  const std::string prefix = plaintext_prefix();
  const size_t content = prefix.size() + 4 + terms.size() + kPerSectionBytes * grant.sections.size();
  // Padded like every other encrypted content, so a grant's size does not say how many sections
  // it carries (SPEC §5.4).
  crypto::SecretBuffer plaintext(static_cast<size_t>(crypto::padded_size(content)));
  uint8_t* p = plaintext.data();
  std::memcpy(p, prefix.data(), prefix.size());
  p += prefix.size();
  for (int i = 0; i < 4; ++i) *p++ = static_cast<uint8_t>((terms.size() >> (8 * i)) & 0xff);
  std::memcpy(p, terms.data(), terms.size());
  p += terms.size();
  for (const auto& s : grant.sections) {
    if (s.key.size() != kKeyBytes || s.slot_secret.size() != kKeyBytes)
      fail(Code::internal, "grant key has an invalid length");
    std::memcpy(p, s.key.data(), kKeyBytes);
    std::memcpy(p + kKeyBytes, s.slot_secret.data(), kKeyBytes);
    p += kPerSectionBytes;
  }
  crypto::pad_in_place(plaintext.data(), content);
  const std::string sealed = crypto::seal_to(grant.terms.recipient_encryption_key, plaintext.view());
  if (sealed.size() > kMaxGrantBytes) fail(Code::limit, "grant would exceed the limit");
  return sealed;
}

std::optional<Grant> open_grant(const crypto::BoxKeyPair& recipient, const std::string& recipient_signing_key,
                                ByteView grant_bytes) {
  auto plaintext = crypto::open_sealed_bounded(recipient, grant_bytes, kMaxGrantBytes);
  if (!plaintext) return std::nullopt;
  const std::string prefix = plaintext_prefix();
  const uint8_t* p = plaintext->data();
  size_t left = crypto::unpadded_size(plaintext->data(), plaintext->size());
  require(left >= prefix.size() + 4 && std::memcmp(p, prefix.data(), prefix.size()) == 0, "not a grant");
  p += prefix.size();
  left -= prefix.size();
  uint32_t terms_size = 0;
  for (int i = 0; i < 4; ++i) terms_size |= static_cast<uint32_t>(p[i]) << (8 * i);
  p += 4;
  left -= 4;
  require(terms_size <= left, "terms are truncated");

  pb::GrantTerms msg;
  parse_strict({p, terms_size}, msg, "grant terms", kMaxGrantBytes);
  p += terms_size;
  left -= terms_size;
  if (msg.format_version() != kFormatVersion) fail(Code::version, "grant format version is not supported");
  require(msg.grant_id().size() == 16, "grant id has an invalid length");
  require(msg.record_id().size() == kRecordIdBytes, "record id has an invalid length");
  require(msg.recipient_signing_key().size() == 32 && msg.recipient_encryption_key().size() == 32,
          "recipient key has an invalid length");
  require(msg.sections_size() >= 1 && static_cast<size_t>(msg.sections_size()) <= kMaxSections,
          "section count out of range");
  require(!msg.purpose().empty() && msg.purpose().size() <= kMaxPurposeBytes, "purpose is empty or too long");
  require(msg.granted_at() > 0, "grant time is missing");
  require(msg.expires_at() == 0 || msg.expires_at() > msg.granted_at(), "grant expires before it was granted");
  require(left == kPerSectionBytes * static_cast<size_t>(msg.sections_size()), "key count does not match its sections");
  require(is_gdpr_art6_basis(msg.gdpr_art6_basis()), "no GDPR Art. 6(1) basis");
  require(msg.gdpr_art9_basis().empty() || is_gdpr_art9_basis(msg.gdpr_art9_basis()), "unknown GDPR Art. 9(2) basis");
  // Anyone can seal a box to this agency; only the owner's signature makes a grant count. The
  // terms must also name this very agency, so a grant re-sealed to another agency is useless.
  if (msg.recipient_encryption_key() != recipient.public_key || msg.recipient_signing_key() != recipient_signing_key)
    fail(Code::signature, "grant names another recipient");

  Grant grant;
  grant.terms = GrantTerms{msg.grant_id(),        msg.record_id(),  msg.recipient_signing_key(),
                           msg.recipient_encryption_key(), msg.purpose(), msg.granted_at(),
                           msg.expires_at(),      msg.gdpr_art6_basis(), msg.gdpr_art9_basis(), {}};
  // The count is bounded before anything is copied (the terms as a whole are already bounded by
  // the 64 KiB grant limit, so this only keeps the list to what a meeting can hold).
  require(static_cast<size_t>(msg.involved_size()) <= kMaxInvolvedNotices, "more than 32 involved agencies");
  for (const auto& n : msg.involved()) grant.terms.involved.push_back(read_involved_notice(n));
  if (const std::string problem = involved_list_problem(grant.terms.involved); !problem.empty())
    require(false, problem.c_str());
  for (const auto& s : msg.sections()) {
    require(s.section_id() != 0 && s.section_id() <= kMaxSectionId && s.generation() != 0,
            "section id must be 1-64 and generation at least 1");
    // The ledger is the owner's alone (SPEC §5.1): a grant for it is refused, not obeyed.
    require(s.section_id() != kLedgerSectionId, "a grant names the owner-only sharing ledger");
    for (const auto& seen : grant.sections)
      require(seen.section_id != s.section_id(), "a section appears twice");
    grant.sections.push_back({s.section_id(), s.generation(), crypto::SecretBuffer::copy_of({p, kKeyBytes}),
                              crypto::SecretBuffer::copy_of({p + kKeyBytes, kKeyBytes})});
    p += kPerSectionBytes;
  }
  // Special-category data (work_ability, SPEC §5.1) is shared only under a stated Art. 9(2) basis.
  for (const auto& s : grant.sections)
    require(s.section_id != 6 || !grant.terms.gdpr_art9_basis.empty(), "work_ability granted without an Art. 9(2) basis");
  return grant;
}

}  // namespace kartla::format
