/* SPDX-License-Identifier: Apache-2.0 */
// Grants (docs/SPEC.md §7): how a section key reaches one agency. The sealed box hides the
// recipient from everyone else holding the file; the owner-signed manifest lists each grant's
// digest, which binds its purpose and expiry (a sealed box alone has no sender authentication).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "format/involved_notice.h"

namespace kartla::format {

struct GrantedSection {
  uint32_t section_id = 0;
  uint32_t generation = 0;
  crypto::SecretBuffer key;          // 32 bytes: the section key of that generation
  crypto::SecretBuffer slot_secret;  // 32 bytes: names the section's entry (SPEC §5.3)
};

struct GrantTerms {
  std::string grant_id;  // 16 bytes
  std::string record_id;
  std::string recipient_signing_key;
  std::string recipient_encryption_key;
  std::string purpose;
  int64_t granted_at = 0;
  int64_t expires_at = 0;  // 0: no expiry
  std::string gdpr_art6_basis;  // "6.1.a".."6.1.f"; required
  std::string gdpr_art9_basis;  // "9.2.a".."9.2.j"; required for special-category sections
  std::vector<InvolvedNotice> involved;  // SPEC §7.9: empty unless the person chose to tell
};

struct Grant {
  GrantTerms terms;
  std::vector<GrantedSection> sections;
};

// The grant bytes for the file: a sealed box to terms.recipient_encryption_key.
std::string seal_grant(const Grant& grant);

// Trial-opens grant bytes with an agency's keys: nullopt if the box is not for this key pair
// (the normal case while searching a file); Error(format) if it opens but is malformed, or
// Error(signature) if it names another recipient than the agency whose keys opened it (its
// encryption key, or the signing key of its card).
std::optional<Grant> open_grant(const crypto::BoxKeyPair& recipient, const std::string& recipient_signing_key,
                                ByteView grant_bytes);

inline constexpr size_t kMaxGrantBytes = 64u << 10;
inline constexpr size_t kMaxPurposeBytes = 1024;

// The GDPR bases a grant (and a receipt, SPEC §7.6) may name: "6.1.a".."6.1.f" and
// "9.2.a".."9.2.j" (SPEC §7.1).
bool is_gdpr_art6_basis(const std::string& code);
bool is_gdpr_art9_basis(const std::string& code);

}  // namespace kartla::format
