// Help and version text, generated from the command table and the exit-code table so that they
// cannot drift from what the commands accept.
#pragma once

#include <string>
#include <string_view>

#include "commands.h"

namespace kartla::cli {

std::string main_help();
std::string group_help(std::string_view group);
std::string command_help(const Command& command);
std::string version_text();

// "identity new", or "verify" for a top-level command.
std::string command_words(const Command& command);

}  // namespace kartla::cli
