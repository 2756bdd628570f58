// What `identity` and `agency` commands have in common: creating an identity file (the Argon2id
// options, saving it, showing the recovery code exactly once) and exporting its public card.
#pragma once

#include <string>
#include <string_view>

#include "args.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {

// The identity options from --kdf-memory-mib and --kdf-passes (0 = the library's default).
kartla_identity_options identity_options(const Args& args);

// Saves a just-created identity to `path` (never over an existing file) and prints its summary
// and recovery code once (--json: as JSON). `kind` names it in the summary ("identity",
// "agency identity"). If the code cannot be shown, the file is removed again: an identity whose
// recovery code nobody saw is a trap for later.
void save_new_identity(const Args& args, const std::string& path, kartla::identity::created& created,
                       std::string_view kind);

// Unlocks the identity at positional 0 and writes its public card to --out (replacing it only
// with --force). With a non-empty `required_kind` ("agency"), an identity whose card is of
// another kind is a usage error before anything is written.
void write_identity_card(const Args& args, std::string_view required_kind);

}  // namespace kartla::cli
