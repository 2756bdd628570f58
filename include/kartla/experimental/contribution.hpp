// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: contributions. EXPERIMENTAL TIER (docs/API-STABILITY.md):
// define KARTLA_EXPERIMENTAL before including it; it may change in any release.
#ifndef KARTLA_EXPERIMENTAL_CONTRIBUTION_HPP
#define KARTLA_EXPERIMENTAL_CONTRIBUTION_HPP

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/contribution.hpp is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include <string>
#include <string_view>

#include "kartla/common.hpp"
#include "kartla/identity.hpp"
#include "kartla/record.hpp"
#include "kartla/experimental/contribution.h"

namespace kartla {

// Accepts a contribution into the owner's record: true if the record changed, false if it
// already held it.
inline bool record_accept_contribution(record& r, const identity& owner, std::string_view contribution,
                                       int64_t now = 0) {
  int added = 0;
  check(kartla_record_accept_contribution(r.get(), owner.get(), detail::bytes(contribution), contribution.size(),
                                          now, &added));
  return added != 0;
}

// Whether the record already holds this contribution (accepting it again would change nothing).
inline bool record_contribution_accepted(const record& r, const identity& owner, std::string_view contribution,
                                         int64_t now = 0) {
  int accepted = 0;
  check(kartla_record_contribution_accepted(r.get(), owner.get(), detail::bytes(contribution), contribution.size(),
                                            now, &accepted));
  return accepted != 0;
}

// The contribution file's bytes. An empty claim_json means the default claim (CONTRIBUTED).
inline std::string contribution_create(const identity& agency, std::string_view owner_card, const std::string& record_id,
                                       const std::string& section, std::string_view entry_json,
                                       const std::string& claim_json = {}, int64_t now = 0) {
  buffer out;
  check(kartla_contribution_create(agency.get(), detail::bytes(owner_card), owner_card.size(), record_id.c_str(),
                                   section.c_str(), detail::bytes(entry_json), entry_json.size(),
                                   claim_json.empty() ? nullptr : claim_json.c_str(), now, out.out()));
  return out.str();
}
// An empty record_id accepts a contribution for any record of this owner.
// The description holds the contributed entry (plaintext): it stays in the wiped buffer.
// kartla.v1.ContributionDescription.
inline buffer contribution_describe(const identity& owner, std::string_view contribution,
                                    const std::string& record_id = {}, int64_t now = 0,
                                    kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_contribution_describe(owner.get(), detail::bytes(contribution), contribution.size(),
                                     record_id.empty() ? nullptr : record_id.c_str(), now, encoding, out.out()));
  return out;
}

}  // namespace kartla

#endif  // KARTLA_EXPERIMENTAL_CONTRIBUTION_HPP
