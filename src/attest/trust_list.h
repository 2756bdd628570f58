/* SPDX-License-Identifier: Apache-2.0 */
// Trust lists (docs/SPEC.md §13.3): which agencies a trust root vouches for, in which role and
// when. A reader verifies a list before use: the root's signature, optionally that the root is
// the one it expects, that the list is not older than one it has already seen (rollback) and
// that it has not expired.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.h"
#include "format/card_codec.h"
#include "format/trust_list_codec.h"
#include "identity/identity.h"

namespace kartla::attest {

// What a trust root is about to sign.
struct TrustListDraft {
  uint64_t sequence = 1;   // one more than the previous list's
  int64_t issued_at = 0;   // Unix seconds
  int64_t expires_at = 0;  // Unix seconds, after issued_at
  std::vector<format::TrustedAgency> agencies;
};

// Adds an agency card file with the role the root vouches for (a number of
// identity/agency_role.h) and a validity period (valid_until 0: until the list expires).
// Error(invalid_argument) for a card that is not an agency's, an unknown role, an agency already
// on the draft or an empty period; Error(format/signature) for a damaged card file.
void add_agency(TrustListDraft& draft, ByteView agency_card_file, uint32_t role, int64_t valid_from, int64_t valid_until);
// Removes the agency with this signing key; false if it was not on the draft.
bool remove_agency(TrustListDraft& draft, ByteView agency_signing_key);

// The trust-list file ('T'), signed by a trust-root identity. Error(invalid_argument) if the
// identity is not a trust root or the draft breaks a rule of §13.3.
std::string sign_trust_list(const identity::Identity& trust_root, const TrustListDraft& draft);

struct ListedAgency {
  format::Card card;        // name, organisation number, keys: as the root signed them
  std::string fingerprint;  // docs/SPEC.md §4.3
  uint32_t role = 0;        // the role the root vouches for
  int64_t valid_from = 0;
  int64_t valid_until = 0;  // 0: until the list expires
};

struct VerifiedTrustList {
  format::Card root;
  std::string root_fingerprint;
  uint64_t sequence = 0;
  int64_t issued_at = 0;
  int64_t expires_at = 0;
  std::vector<ListedAgency> agencies;

  // The listed agency with exactly these keys, or nullptr.
  const ListedAgency* find(ByteView signing_key, ByteView encryption_key) const;
};

struct TrustListCheck {
  int64_t now = 0;                           // Unix seconds
  std::optional<uint64_t> last_seen;         // the highest sequence seen before, if any
  std::string expected_root_signing_key;     // empty: trust whichever root signed the file
};

// Decodes and verifies a trust-list file, in this order: Error(format/limit/version) for a
// malformed file; Error(signature) if the root's signature fails, a listed card is damaged, or
// the root is not the expected one; Error(rollback) if its sequence is below last_seen;
// Error(expired) if `now` is at or past its expiry.
VerifiedTrustList verify_trust_list(ByteView file, const TrustListCheck& check);

// The next version of a verified list, to edit and sign again: the same agencies and times,
// sequence + 1.
TrustListDraft next_version(ByteView trust_list_file);

}  // namespace kartla::attest
