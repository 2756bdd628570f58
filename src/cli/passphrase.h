// Where the CLI gets passphrases and recovery codes: an option naming a file (first line), an
// environment variable, or a prompt on the terminal, in that order. With none available it is a
// usage error that says how to supply one.
#pragma once

#include <string>

#include "args.h"
#include "secret.h"

namespace kartla::cli {

// The passphrase of an existing identity: --passphrase-file, KARTLA_PASSPHRASE, or a prompt.
Secret current_passphrase(const Args& args, const std::string& identity_path);

// The passphrase for a new identity (`identity new`): --passphrase-file, KARTLA_PASSPHRASE, or a
// prompt asked twice.
Secret first_passphrase(const Args& args);

// A replacement passphrase (`identity passwd`, `identity recover`): --new-passphrase-file,
// KARTLA_NEW_PASSPHRASE, or a prompt asked twice.
Secret replacement_passphrase(const Args& args);

// The recovery code: --recovery-code-file, KARTLA_RECOVERY_CODE, or a prompt (not echoed).
Secret recovery_code(const Args& args, const std::string& identity_path);

}  // namespace kartla::cli
