#include "help.h"

#include "kartla/kartla.h"

namespace kartla::cli {
namespace {

std::string padded(std::string_view text, size_t width) {
  std::string out(text);
  out.append(width > out.size() ? width - out.size() : 1, ' ');
  return out;
}

std::string command_list(std::string_view only_group) {
  std::string out;
  for (const Command& c : commands()) {
    // A group's listing also shows the command of the same name (`receipt` beside `receipt show`).
    if (!only_group.empty() && c.group != only_group && !(c.group.empty() && c.name == only_group)) continue;
    out += "  " + padded(command_words(c), 22) + std::string(c.summary) + "\n";
  }
  return out;
}

}  // namespace

std::string command_words(const Command& command) {
  if (command.group.empty()) return std::string(command.name);
  return std::string(command.group) + " " + std::string(command.name);
}

std::string main_help() {
  std::string out =
      "kartla: a participant-owned, encrypted and signed competence-mapping record\n"
      "\n"
      "Usage: kartla COMMAND [ARGUMENTS] [OPTIONS]\n"
      "       kartla COMMAND --help     what a command does and its options\n"
      "       kartla --version\n"
      "\n"
      "Commands:\n";
  out += command_list("");
  out +=
      "\n"
      "Passphrases come from --passphrase-file FILE (its first line), the KARTLA_PASSPHRASE\n"
      "environment variable, or a prompt on the terminal (never echoed), in that order.\n"
      "\n"
      "Errors are one line on standard error starting 'kartla: error:', with nothing on standard\n"
      "output. Exit codes:\n";
  for (const ExitClass& e : exit_classes())
    out += "  " + padded(std::to_string(static_cast<int>(e.code)), 4) + e.meaning + "\n";
  return out;
}

std::string group_help(std::string_view group) {
  return "Usage: kartla " + std::string(group) + " COMMAND [ARGUMENTS] [OPTIONS]\n\nCommands:\n" +
         command_list(group) + "\nRun 'kartla " + std::string(group) + " COMMAND --help' for details.\n";
}

std::string command_help(const Command& command) {
  std::string out = "Usage: kartla " + command_words(command) + " " + std::string(command.usage) + "\n\n";
  std::string summary(command.summary);
  if (!summary.empty() && summary[0] >= 'a' && summary[0] <= 'z') summary[0] = static_cast<char>(summary[0] - 'a' + 'A');
  out += summary + ".\n\n" + std::string(command.details) + "\n";
  out += "\nOptions:\n";
  for (const Option& o : command.options) {
    std::string left(o.name);
    if (o.takes_value()) left += " " + std::string(o.metavar);
    out += "  " + padded(left, 28) + std::string(o.help) + "\n";
  }
  out += "  " + padded("-h, --help", 28) + "show this help\n";
  // A command that is also a group (`receipt`, `receipt show`) names its group's commands.
  bool group = false;
  for (const Command& c : commands()) group = group || (command.group.empty() && c.group == command.name);
  if (group) out += "\nRelated commands:\n" + command_list(command.name);
  out += "\nExit codes: see 'kartla --help'.\n";
  return out;
}

std::string version_text() {
  return std::string("kartla ") + kartla_version() + " (file format " + std::to_string(kartla_format_version()) +
         ", ABI " + std::to_string(kartla_abi_version()) + ")\n";
}

}  // namespace kartla::cli
