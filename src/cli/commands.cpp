// SPDX-License-Identifier: Apache-2.0
// The command table: every command of `kartla`, in the order `kartla --help` lists them. Each
// group's commands, with their help text in the message catalogue, are in commands_*.cpp;
// main.cpp dispatches on the table and prints help from it, so the help cannot drift from what a
// command accepts.
#include "command_table.h"

namespace kartla::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = [] {
    std::vector<Command> all;
    for (auto part : {identity_commands, sharing_commands, content_commands, attest_commands, contribute_commands})
      for (Command& c : part()) all.push_back(std::move(c));
    return all;
  }();
  return table;
}

}  // namespace kartla::cli
