/* SPDX-License-Identifier: Apache-2.0 */
// An owner's record opened together with the identity that opened it: every owner command goes
// through here, so each one checks the version against those the owner has seen (an older copy or
// a fork is refused unless --accept-older) and remembers what it saves, in the identity file and
// in the state folder on this computer (docs/SPEC.md §8.1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "args.h"
#include "files.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {

struct OwnedRecord {
  kartla::identity owner;
  kartla::record record;
  std::string identity_path;
  std::string identity_file_at_open;  // to tell whether the versions seen changed

  // Saves the record, then the identity file if it now remembers a newer version.
  void save(const std::string& record_path);
};

// Checks the record file is readable before unlocking --owner (no passphrase prompt for a missing
// file), then opens it with --last-seen and --accept-older. The record's clock is the system
// clock, or KARTLA_NOW when set (an RFC 3339 time or a date: for tests and audits; saving ends
// the grants expired by then).
OwnedRecord open_record_with_owner(const std::string& path, const Args& args);

// Unlocks --owner and lets it keep the versions it has seen in the state folder: KARTLA_STATE_DIR,
// else $XDG_STATE_HOME/kartla, else ~/.local/state/kartla (created 0700). Without a home folder
// the identity file alone remembers.
kartla::identity unlock_owner(const Args& args);

// Writes the identity file again if `owner` remembers more than `before` (a no-op otherwise).
void keep_versions_seen(const kartla::identity& owner, const std::string& identity_path, const std::string& before);

// kartla_record_provenance of one section, judged by `trust` (none: no issuer is trusted).
v1::ProvenanceReport provenance_for(const OwnedRecord& owned, const std::string& section,
                                   const std::optional<TrustListInput>& trust);

// The owner's clock: KARTLA_NOW when set (an RFC 3339 time or a date: for tests and audits),
// else 0, the system clock.
int64_t owner_clock();

}  // namespace kartla::cli
