// SPDX-License-Identifier: Apache-2.0
#include "attest/trust_list.h"

#include <cstdint>

#include "base/error.h"
#include "format/fingerprint.h"
#include "identity/agency_role.h"

namespace kartla::attest {

void add_agency(TrustListDraft& draft, ByteView agency_card_file, uint32_t role, int64_t valid_from,
                int64_t valid_until) {
  const format::SignedCard card = format::decode_card_file(agency_card_file);
  if (card.card.kind != format::CardKind::agency) fail(Code::invalid_argument, "only agency cards go on a trust list");
  if (identity::agency_role_by_number(role) == nullptr)
    fail(Code::invalid_argument, "unknown agency role %1$s (roles: %2$s)",
         {std::to_string(role), identity::agency_role_names()});
  if (valid_until != 0 && valid_until <= valid_from)
    fail(Code::invalid_argument, "the agency's validity must end after it begins");
  for (const auto& listed : draft.agencies)
    if (listed.card.card.signing_key == card.card.signing_key)
      fail(Code::invalid_argument, "this agency is already on the list");
  format::TrustedAgency entry;
  entry.agency_card = format::encode_signed_card(card);
  entry.role = role;
  entry.valid_from = valid_from;
  entry.valid_until = valid_until;
  entry.card = card;
  draft.agencies.push_back(std::move(entry));
}

bool remove_agency(TrustListDraft& draft, ByteView agency_signing_key) {
  for (auto it = draft.agencies.begin(); it != draft.agencies.end(); ++it) {
    if (it->card.card.signing_key == agency_signing_key.as_string_view()) {
      draft.agencies.erase(it);
      return true;
    }
  }
  return false;
}

std::string sign_trust_list(const identity::Identity& trust_root, const TrustListDraft& draft) {
  if (trust_root.card().card.kind != format::CardKind::trust_root)
    fail(Code::invalid_argument, "only a trust-root identity signs trust lists");
  format::TrustList list;
  list.root_card = format::encode_signed_card(trust_root.card());
  list.sequence = draft.sequence;
  list.issued_at = draft.issued_at;
  list.expires_at = draft.expires_at;
  list.agencies = draft.agencies;
  return format::sign_trust_list_file(list, trust_root.signing_keys());
}

const ListedAgency* VerifiedTrustList::find(ByteView signing_key, ByteView encryption_key) const {
  for (const auto& a : agencies)
    if (a.card.signing_key == signing_key.as_string_view() && a.card.encryption_key == encryption_key.as_string_view())
      return &a;
  return nullptr;
}

VerifiedTrustList verify_trust_list(ByteView file, const TrustListCheck& check) {
  const format::SignedTrustList signed_list = format::decode_trust_list_file(file);
  const format::TrustList& list = signed_list.list;
  // Anyone can make a trust root and sign a list: a reader that knows its root says so.
  if (!check.expected_root_signing_key.empty() && signed_list.root.card.signing_key != check.expected_root_signing_key)
    fail(Code::signature, "the trust list is signed by another trust root than the expected one");
  // Rollback before expiry (as TUF does): an old list is reported as old even once it has expired.
  if (check.last_seen && list.sequence < *check.last_seen)
    fail(Code::rollback, "this trust list (sequence %1$s) is older than one already seen (sequence %2$s)",
         {std::to_string(list.sequence), std::to_string(*check.last_seen)});
  if (check.now >= list.expires_at) fail(Code::expired, "the trust list has expired");

  VerifiedTrustList out;
  out.root = signed_list.root.card;
  out.root_fingerprint = format::fingerprint(out.root.signing_key, out.root.encryption_key);
  out.sequence = list.sequence;
  out.issued_at = list.issued_at;
  out.expires_at = list.expires_at;
  for (const auto& a : list.agencies)
    out.agencies.push_back(ListedAgency{a.card.card, format::fingerprint(a.card.card.signing_key, a.card.card.encryption_key),
                                        a.role, a.valid_from, a.valid_until});
  return out;
}

TrustListDraft next_version(ByteView trust_list_file) {
  const format::SignedTrustList signed_list = format::decode_trust_list_file(trust_list_file);
  if (signed_list.list.sequence == UINT64_MAX) fail(Code::limit, "the trust list's sequence number is exhausted");
  TrustListDraft draft;
  draft.sequence = signed_list.list.sequence + 1;
  draft.issued_at = signed_list.list.issued_at;
  draft.expires_at = signed_list.list.expires_at;
  draft.agencies = signed_list.list.agencies;
  return draft;
}

}  // namespace kartla::attest
