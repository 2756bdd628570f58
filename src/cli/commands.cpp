// SPDX-License-Identifier: Apache-2.0
// The command table: every command of `kartla`, in the order `kartla --help` lists them. Each
// group's commands, with their help text in the message catalogue, are in commands_*.cpp;
// main.cpp dispatches on the table and prints help from it, so the help cannot drift from what a
// command accepts.
#include "command_table.h"

#include <string_view>
#include <utility>

namespace kartla::cli {

namespace {

// Each command that takes a passphrase unlocks an identity, so each also takes --no-agent; but
// those that create one (they ask for a new passphrase) and `identity passwd`, which always asks
// for the current passphrase: knowing it, not holding a key, is what changing it requires.
std::vector<Command> with_no_agent(std::vector<Command> table) {
  // {group, name} of the commands that never use the agent.
  static const std::pair<std::string_view, std::string_view> kNever[] = {
      {"identity", "new"}, {"agency", "new"}, {"trust", "root"}, {"identity", "passwd"}};
  for (Command& command : table) {
    bool never = false;
    for (const auto& [group, name] : kNever) never = never || (command.group == group && command.name == name);
    if (never) continue;
    bool unlocks = false;
    for (const Option& option : command.options) unlocks = unlocks || option.name == kPassphraseFile.name;
    if (unlocks) command.options.push_back(kNoAgent);
  }
  return table;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = with_no_agent([] {
    std::vector<Command> all;
    for (auto part : {identity_commands, sharing_commands, content_commands, attest_commands, contribute_commands})
      for (Command& c : part()) all.push_back(std::move(c));
    return all;
  }());
  return table;
}

}  // namespace kartla::cli
