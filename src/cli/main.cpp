// `kartla`: finds the command, parses its options, runs it, and turns every failure into one
// `kartla: error:` line on stderr and the exit code of its class (see exit_codes.cpp).
#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "failure.h"
#include "files.h"
#include "help.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {
namespace {

const Command* find_command(std::string_view group, std::string_view name) {
  for (const Command& c : commands())
    if (c.group == group && c.name == name) return &c;
  return nullptr;
}

bool is_group(std::string_view word) {
  for (const Command& c : commands())
    if (!c.group.empty() && c.group == word) return true;
  return false;
}

Exit dispatch(const std::vector<std::string>& argv) {
  if (argv.empty()) usage_error("no command given; run 'kartla --help'");
  const std::string& first = argv[0];
  if (first == "--help" || first == "-h" || first == "help") {
    write_stdout(main_help());
    return Exit::ok;
  }
  if (first == "--version") {
    write_stdout(version_text());
    return Exit::ok;
  }

  const Command* command = nullptr;
  size_t consumed = 1;
  // A word can name both a command and a group (`receipt REC.kartla`, `receipt show FILE`): the
  // group is meant when the next word is one of its commands (the command's help lists them).
  const Command* top_level = find_command("", first);
  const bool group_meant =
      is_group(first) && (top_level == nullptr || (argv.size() >= 2 && find_command(first, argv[1]) != nullptr));
  if (group_meant) {
    if (argv.size() < 2) usage_error("'kartla " + first + "' needs a command; run 'kartla " + first + " --help'");
    if (argv[1] == "--help" || argv[1] == "-h") {
      write_stdout(group_help(first));
      return Exit::ok;
    }
    command = find_command(first, argv[1]);
    if (command == nullptr) usage_error("unknown command 'kartla " + first + " " + argv[1] + "'; run 'kartla " + first + " --help'");
    consumed = 2;
  } else {
    command = top_level;
    if (command == nullptr) usage_error("unknown command '" + first + "'; run 'kartla --help'");
  }

  const std::vector<std::string> rest(argv.begin() + static_cast<std::ptrdiff_t>(consumed), argv.end());
  if (wants_help(rest)) {
    write_stdout(command_help(*command));
    return Exit::ok;
  }
  return command->run(Args(rest, command->options));
}

// Messages come from the library and from file names: keep the promise of exactly one line.
std::string one_line(std::string message) {
  for (char& c : message)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  if (message.empty()) message = "unknown error";
  return message;
}

int report(Exit code, const std::string& message) {
  const std::string line = "kartla: error: " + one_line(message) + "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  return static_cast<int>(code);
}

}  // namespace
}  // namespace kartla::cli

int main(int argc, char** argv) {
  using namespace kartla::cli;
  try {
    const std::vector<std::string> words(argv + 1, argv + argc);
    return static_cast<int>(dispatch(words));
  } catch (const kartla::error& e) {
    const Exit code = exit_for(e.status());
    if (code == Exit::internal)
      return report(code, std::string(e.what()) + " (" + e.status_name() + "; please report this)");
    return report(code, e.what());
  } catch (const Failure& f) {
    return report(f.code(), f.what());
  } catch (const std::bad_alloc&) {
    return report(Exit::internal, "out of memory");
  } catch (const std::exception& e) {
    return report(Exit::internal, std::string("unexpected error: ") + e.what());
  }
}
