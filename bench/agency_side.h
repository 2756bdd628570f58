/* SPDX-License-Identifier: Apache-2.0 */
// The agency's side: a record shared with an agency, its bundle, and the agency opening it,
// through the C ABI. Two of issue 17's rows: an agency's read of a shared section next to the raw
// read, and the cost of opening a bundle, which must not grow with the size of the record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kartla/kartla.h"
#include "kartla_side.h"

namespace bench {

// An agency identity (minimum Argon2id cost, unlocked before any timing) and its public card.
class KartlaAgency {
 public:
  KartlaAgency();
  ~KartlaAgency();
  KartlaAgency(const KartlaAgency&) = delete;
  KartlaAgency& operator=(const KartlaAgency&) = delete;
  const kartla_identity* get() const { return identity_; }
  const std::vector<uint8_t>& card() const { return card_; }

 private:
  kartla_identity* identity_ = nullptr;
  std::vector<uint8_t> card_;
};

// Saves a record holding `section` at record_path, shares that section with the agency, saves
// again and exports the grant's bundle to bundle_path. Untimed setup.
void kartla_share_setup(const KartlaOwner& owner, const KartlaAgency& agency, const std::vector<uint8_t>& section,
                        const std::string& record_path, const std::string& bundle_path);

// The capacity kartla_share_section_into needs for the shared section of the bundle.
size_t agency_read_capacity(const KartlaAgency& agency, const std::string& bundle_path);

// The agency's read: kartla_share_open_file (header, owner's signature, grant unwrap),
// kartla_share_section_into the caller's buffer (key commitment, hash, AEAD), kartla_share_free.
// Returns the first and last plaintext byte XOR'd; `check` (optional) is compared with them.
int agency_read_into(const KartlaAgency& agency, const std::string& bundle_path, std::vector<uint8_t>& buffer,
                     const std::vector<uint8_t>* check);

// Opening a bundle alone: kartla_share_open_file, kartla_share_sequence, kartla_share_free. Its
// cost must not depend on the size of the record the bundle came from.
void agency_open_only(const KartlaAgency& agency, const std::string& bundle_path);

}  // namespace bench
