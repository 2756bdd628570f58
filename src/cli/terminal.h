// Reading a secret from the controlling terminal with echo off.
#pragma once

#include <optional>

#include "secret.h"

namespace kartla::cli {

// Prompts on /dev/tty and reads one line without echoing it. Returns nullopt when there is no
// terminal (a pipeline, CI, a daemon). The terminal's settings are restored on every path out,
// including SIGINT, SIGTERM, SIGHUP and SIGQUIT while the prompt is showing.
std::optional<Secret> prompt_hidden(const char* prompt);

}  // namespace kartla::cli
