// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: trust roots and trust lists. EXPERIMENTAL TIER (docs/API-STABILITY.md):
// define KARTLA_EXPERIMENTAL before including it; it may change in any release.
#ifndef KARTLA_EXPERIMENTAL_TRUST_HPP
#define KARTLA_EXPERIMENTAL_TRUST_HPP

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/trust.hpp is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include <string>
#include <string_view>
#include <utility>

#include "kartla/common.hpp"
#include "kartla/identity.hpp"
#include "kartla/experimental/trust.h"

namespace kartla {

// Trust lists (kartla.h): a trust root signs a draft of agency cards with roles and periods.
class trust_draft {
 public:
  static trust_draft create(uint64_t sequence) {
    kartla_trust_draft* raw = nullptr;
    check(kartla_trust_draft_new(sequence, &raw));
    return trust_draft(raw);
  }
  // The next version of a signed list: its agencies, sequence + 1.
  static trust_draft next(std::string_view trust_list) {
    kartla_trust_draft* raw = nullptr;
    check(kartla_trust_draft_next(detail::bytes(trust_list), trust_list.size(), &raw));
    return trust_draft(raw);
  }
  // valid_until 0: until the list expires.
  void add(std::string_view card, const std::string& role, int64_t valid_from, int64_t valid_until = 0) {
    check(kartla_trust_draft_add(get(), detail::bytes(card), card.size(), role.c_str(), valid_from, valid_until));
  }
  bool remove(std::string_view card) {
    int removed = 0;
    check(kartla_trust_draft_remove(get(), detail::bytes(card), card.size(), &removed));
    return removed != 0;
  }
  uint64_t sequence() const {
    uint64_t out = 0;
    check(kartla_trust_draft_sequence(get(), &out));
    return out;
  }

  const kartla_trust_draft* get() const noexcept { return handle_.get(); }
  kartla_trust_draft* get() noexcept { return handle_.get(); }

 private:
  explicit trust_draft(kartla_trust_draft* raw) : handle_(raw) {}
  detail::handle<kartla_trust_draft, kartla_trust_draft_free> handle_;
};

inline identity::created identity::create_trust_root(const std::string& name, std::string_view passphrase,
                                                     const kartla_identity_options* options) {
  kartla_identity* raw = nullptr;
  buffer code;
  check(kartla_identity_new_trust_root(name.c_str(), options, detail::bytes(passphrase), passphrase.size(), &raw, code.out()));
  return created{identity(raw), std::move(code)};
}

// The trust-list file's bytes. issued_at 0 = now.
inline std::string trust_list_sign(const identity& root, const trust_draft& draft, int64_t expires_at,
                                   int64_t issued_at = 0) {
  buffer out;
  check(kartla_trust_list_sign(root.get(), draft.get(), issued_at, expires_at, out.out()));
  return out.str();
}

// The verified list, kartla.v1.TrustListDescription; throws for a bad, older or expired list.
inline std::string trust_list_verify(std::string_view trust_list, std::string_view expected_root_card = {},
                                     uint64_t last_seen = 0, int64_t now = 0,
                                     kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_trust_list_verify(detail::bytes(trust_list), trust_list.size(), detail::bytes(expected_root_card),
                                 expected_root_card.size(), last_seen, now, encoding, out.out()));
  return out.str();
}

}  // namespace kartla

#endif  // KARTLA_EXPERIMENTAL_TRUST_HPP
