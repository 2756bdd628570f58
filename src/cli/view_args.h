// What the view commands (progress, plan, record show) share: opening the owner's record and
// the --language option.
#pragma once

#include <string>

#include "args.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {

// The record at `path`, checked to be readable before the identity is unlocked (a missing file
// should not cost an Argon2id run and a passphrase prompt).
kartla::record open_owned_record(const std::string& path, const Args& args);

// --as AGENCY.id: the view is of what that agency may read (agency_input.h), not the owner's.
bool reads_as_agency(const Args& args);

// --language LANG (labels of instruments and scales; English by default).
kartla::view_options view_options_from(const Args& args);

}  // namespace kartla::cli
