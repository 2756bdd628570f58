// An owner's record opened together with the identity that opened it: attaching attestations,
// accepting contributions and provenance need both.
#pragma once

#include <optional>
#include <string>

#include "args.h"
#include "kartla/kartla.hpp"
#include "trust_files.h"

namespace kartla::cli {

struct OwnedRecord {
  kartla::identity owner;
  kartla::record record;
};

// Checks the record file is readable before unlocking --owner (no passphrase prompt for a missing
// file), then opens it. The record's clock is the system clock, or KARTLA_NOW when set (an RFC
// 3339 time or a date: for tests and audits; saving ends the grants expired by then).
OwnedRecord open_record_with_owner(const std::string& path, const Args& args);
// The same, when the identity is not needed afterwards.
kartla::record open_owner_record(const std::string& path, const Args& args);

// kartla_record_provenance_json of one section, judged by `trust` (none: no issuer is trusted).
std::string provenance_json_for(const OwnedRecord& owned, const std::string& section,
                                const std::optional<TrustListInput>& trust);

}  // namespace kartla::cli
