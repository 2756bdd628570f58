// Opening an identity file with its passphrase, the first step of most commands.
#pragma once

#include <string>

#include "args.h"
#include "kartla/kartla.hpp"
#include "secret.h"

namespace kartla::cli {

// Identity and card files are small (the library refuses anything over 64 KiB); reading a
// little more than that lets the library report an oversized file with its own error.
inline constexpr size_t kSmallFileReadLimit = 1u << 20;

// Reads the file first, so a missing file is reported before anyone is asked for a passphrase,
// then unlocks it with the passphrase from --passphrase-file, KARTLA_PASSPHRASE or a prompt.
kartla::identity unlock_identity(const std::string& path, const Args& args);

}  // namespace kartla::cli
