// An owner's record opened together with the identity that opened it: attaching attestations,
// accepting contributions and provenance need both.
#pragma once

#include <string>

#include "args.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {

struct OwnedRecord {
  kartla::identity owner;
  kartla::record record;
};

// Checks the record file is readable before unlocking --owner (no passphrase prompt for a missing
// file), then opens it.
OwnedRecord open_record_with_owner(const std::string& path, const Args& args);

}  // namespace kartla::cli
