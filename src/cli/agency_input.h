// The agency's side of the commands that read a record (open, progress, plan, record show): FILE
// (a share bundle or the record file) opened with --as AGENCY.id, checked against --owner-card
// and --last-seen before anything is printed, read at --at (an audit aid, not access control).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "args.h"
#include "kartla/kartla.hpp"
#include "secret.h"

namespace kartla::cli {

// The arguments, checked (and FILE found readable) before any passphrase is asked for.
struct AgencyArgs {
  std::string path;
  std::string agency_path;
  int64_t at = 0;  // --at, or 0: the library's "now"
  std::optional<uint64_t> last_seen;
  std::optional<Secret> owner_card;
};
AgencyArgs agency_args(const std::string& path, const Args& args);

struct AgencyInput {
  kartla::identity agency;
  kartla::share share;
  int64_t at = 0;
};
// Unlocks the agency's identity, opens FILE, and checks the owner and the sequence.
AgencyInput open_as_agency(const AgencyArgs& given, const Args& args);

}  // namespace kartla::cli
