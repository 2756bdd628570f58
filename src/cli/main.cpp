// SPDX-License-Identifier: Apache-2.0
// `kartla`: finds the command, parses its options, runs it, and turns every failure into one
// `kartla: error:` line on stderr and the exit code of its class. Also the help and version text,
// generated from the command table (commands.cpp) and the exit-code table below so that they
// cannot drift from what the commands accept and return.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "files.h"
#include "info_text.h"
#include "messages.h"
#include "kartla/kartla.hpp"
#include "output.h"

namespace kartla::cli {
namespace {

// --- exit codes ----------------------------------------------------------------------------

// The one place a library status becomes an exit code.
Exit exit_for(kartla_status status) {
  switch (status) {
    case KARTLA_OK: return Exit::ok;
    case KARTLA_E_INVALID_ARGUMENT:
    case KARTLA_E_SCHEMA: return Exit::usage;
    case KARTLA_E_NOT_SHARED:
    case KARTLA_E_NOT_FOUND:
    case KARTLA_E_EXPIRED: return Exit::not_available;
    case KARTLA_E_FORMAT:
    case KARTLA_E_LIMIT:
    case KARTLA_E_VERSION:
    case KARTLA_E_SIGNATURE:
    case KARTLA_E_INTEGRITY: return Exit::verification;
    case KARTLA_E_AUTH: return Exit::auth;
    case KARTLA_E_IO: return Exit::io;
    case KARTLA_E_BUSY: return Exit::busy;
    case KARTLA_E_ROLLBACK: return Exit::older_copy;
    case KARTLA_E_NO_MEMORY:
    case KARTLA_E_CRYPTO:
    case KARTLA_E_INTERNAL: return Exit::internal;
  }
  return Exit::internal;  // a status newer than this CLI
}

struct ExitClass {
  Exit code;
  const char* meaning;  // a catalogue message (N_), translated where it is printed
};
// Every exit code with its meaning, in order, for `kartla --help`.
const std::vector<ExitClass>& exit_classes() {
  static const std::vector<ExitClass> table = {
      {Exit::ok, N_("success")},
      {Exit::internal, N_("internal error (a bug, out of memory): please report it")},
      {Exit::usage, N_("usage: bad arguments, unknown section, content not matching the section's schema")},
      {Exit::not_available, N_("not available to you: section not in the record, not shared with you, or expired")},
      {Exit::verification, N_("verification failed: malformed, tampered with, truncated, too large, other version")},
      {Exit::auth, N_("wrong passphrase, wrong recovery code, or a record of another identity")},
      {Exit::io, N_("I/O: a file could not be read or written")},
      {Exit::older_copy, N_("older copy: authentic, but its sequence is below --last-seen")},
      {Exit::busy, N_("busy: another program is saving the record, or saved it since; try again")},
  };
  return table;
}

}  // namespace

// --- help (commands.h) ----------------------------------------------------------------------------------

namespace {
// A message of the command table (marked N_ there) in this run's language, copied: T returns the
// msgid itself when the catalogue has no translation, and a string_view need not end in a NUL.
std::string translated(std::string_view msgid) { return T(std::string(msgid).c_str()); }
}  // namespace

// "identity new", or "verify" for a top-level command.
std::string command_words(const Command& command) {
  if (command.group.empty()) return std::string(command.name);
  return std::string(command.group) + " " + std::string(command.name);
}

std::string command_list(std::string_view only_group) {
  std::string out;
  for (const Command& c : commands()) {
    // A group's listing also shows the command of the same name (`receipt` beside `receipt show`).
    if (!only_group.empty() && c.group != only_group && !(c.group.empty() && c.name == only_group)) continue;
    out += "  " + padded(command_words(c), 22) + translated(c.summary) + "\n";
  }
  return out;
}

const char* const kTagline = N_("a participant-owned, encrypted and signed competence-mapping record");

std::string main_help() {
  // Whole paragraphs are one message each, so a translator can lay out the usage lines.
  std::string out = "kartla: " + std::string(T(kTagline)) + "\n\n";
  out += T("Usage: kartla COMMAND [ARGUMENTS] [OPTIONS]\n"
                      "       kartla help COMMAND       what a command does and its options (or COMMAND --help)\n"
                      "       kartla --version\n");
  out += "\n" + std::string(T("Commands:")) + "\n";
  out += command_list("");
  out += "\n";
  out += T("Every command takes --language LANG (sv, fi or en); without it the language is the\n"
           "locale's (LANGUAGE, LC_ALL, LC_MESSAGES or LANG), else English.\n"
           "\n");
  out += T("Every command takes -q (--quiet): no progress lines, notes or summaries of what was\n"
           "written. Errors, warnings, what a command is asked to print (--json included) and the\n"
           "recovery code of a new identity are printed all the same.\n"
           "\n"
           "Wherever a command writes a file (--out, --svg, --receipt), '-' is standard output: the\n"
           "summary then goes to standard error, and a Kartla file is not written to a terminal.\n"
           "Wherever a file is read, '-' (or /dev/stdin) is standard input.\n"
           "\n");
  out += T("Passphrases come from --passphrase-file FILE (its first line), the KARTLA_PASSPHRASE\n"
           "environment variable, or a prompt on the terminal (never echoed), in that order. A running\n"
           "agent (kartla agent start) is asked first, and remembers what the passphrase unlocked;\n"
           "--no-agent skips it.\n"
           "\n"
           "Errors are one line on standard error starting 'kartla: error:', with nothing on standard\n"
           "output. Exit codes:\n");
  for (const ExitClass& e : exit_classes())
    out += "  " + padded(std::to_string(static_cast<int>(e.code)), 4) + T(e.meaning) + "\n";
  return out;
}

std::string group_help(std::string_view group) {
  return fill(T("Usage: kartla %s COMMAND [ARGUMENTS] [OPTIONS]"), {group}) + "\n\n" + T("Commands:") + "\n" +
         command_list(group) + "\n" + fill(T("Run 'kartla %s COMMAND --help' for details."), {group}) + "\n";
}

std::string command_help(const Command& command) {
  std::string usage_line = fill(T("Usage: kartla %1$s %2$s"), {command_words(command), command.usage});
  // A command without arguments has no usage text: no space at the end of its line.
  while (!usage_line.empty() && usage_line.back() == ' ') usage_line.pop_back();
  std::string out = usage_line + "\n\n";
  std::string summary = translated(command.summary);
  if (!summary.empty() && summary[0] >= 'a' && summary[0] <= 'z') summary[0] = static_cast<char>(summary[0] - 'a' + 'A');
  out += summary + ".\n\n" + translated(command.details) + "\n";
  out += "\n" + std::string(T("Options:")) + "\n";
  for (const Option& o : command.options) {
    std::string left(o.name);
    if (o.takes_value()) left += " " + std::string(o.metavar);
    out += "  " + padded(left, 28) + translated(o.help) + "\n";
  }
  out += "  " + padded("-q, --quiet", 28) + T("no progress, notes or summaries (never errors, warnings or what was asked for)") + "\n";
  out += "  " + padded("-h, --help", 28) + T("show this help") + "\n";
  // A command that is also a group (`receipt`, `receipt show`) names its group's commands.
  bool group = false;
  for (const Command& c : commands()) group = group || (command.group.empty() && c.group == command.name);
  if (group) out += "\n" + std::string(T("Related commands:")) + "\n" + command_list(command.name);
  out += "\n" + std::string(T("Exit codes: see 'kartla --help'.")) + "\n";
  return out;
}

std::string version_text() {
  return fill(T("kartla %1$s (file format %2$s, ABI %3$s)"),
              {kartla_version(), std::to_string(kartla_format_version()), std::to_string(kartla_abi_version())}) +
         "\n";
}

namespace {

// --- dispatch ------------------------------------------------------------------------------

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

// --language and -q/--quiet are every command's (choose_language and set_quiet have read them):
// the command is given its words without them (but --language stays for a command whose options
// name it: the views pass it on to the library).
std::vector<std::string> without_global_options(const std::vector<std::string>& words, const Command& command) {
  bool keep_language = false;
  for (const Option& o : command.options) keep_language = keep_language || o.name == "--language";
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--") {
      out.insert(out.end(), words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
      break;
    }
    if (words[i] == "-q" || words[i] == "--quiet") continue;
    if (!keep_language && words[i] == "--language") {
      ++i;  // and its value
      continue;
    }
    if (!keep_language && words[i].rfind("--language=", 0) == 0) continue;
    out.push_back(words[i]);
  }
  return out;
}

// -q/--quiet and --language LANG may also come before the command (`kartla -q share ...`, as
// `git -C` does): they are taken from the front and given to the command with its own words.
std::vector<std::string> leading_global_options(std::vector<std::string>* argv) {
  std::vector<std::string> leading;
  size_t i = 0;
  while (i < argv->size()) {
    const std::string& w = (*argv)[i];
    if (w == "-q" || w == "--quiet" || w.rfind("--language=", 0) == 0) {
      leading.push_back(w);
      i += 1;
    } else if (w == "--language" && i + 1 < argv->size()) {
      leading.push_back(w);
      leading.push_back((*argv)[i + 1]);
      i += 2;
    } else {
      break;
    }
  }
  argv->erase(argv->begin(), argv->begin() + static_cast<std::ptrdiff_t>(i));
  return leading;
}

Exit dispatch(std::vector<std::string> argv) {
  choose_language(argv);
  set_quiet(quiet_requested(argv));
  const std::vector<std::string> leading = leading_global_options(&argv);
  if (argv.empty()) usage_error(T("no command given; run 'kartla --help'"));
  const std::string& first = argv[0];
  if (first == "--help" || first == "-h" || (first == "help" && argv.size() == 1)) {
    write_stdout(main_help());
    return Exit::ok;
  }
  if (first == "help" && argv.size() == 3 && argv[1] == "--completion") {
    write_stdout(completion_script(argv[2]));
    return Exit::ok;
  }
  if (first == "help" && argv.size() == 2 && argv[1] == "--man") {
    write_stdout(man_page());
    return Exit::ok;
  }
  if (first == "help") {
    // `kartla help share` is `kartla share --help` (as git and go do).
    std::vector<std::string> words(argv.begin() + 1, argv.end());
    words.insert(words.end(), leading.begin(), leading.end());
    words.push_back("--help");
    return dispatch(words);
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
    if (argv.size() < 2) usage_error(fill(T("'kartla %1$s' needs a command; run 'kartla %1$s --help'"), {first}));
    if (argv[1] == "--help" || argv[1] == "-h") {
      write_stdout(group_help(first));
      return Exit::ok;
    }
    command = find_command(first, argv[1]);
    if (command == nullptr)
      usage_error(fill(T("unknown command 'kartla %1$s %2$s'; run 'kartla %1$s --help'"), {first, argv[1]}));
    consumed = 2;
  } else {
    command = top_level;
    if (command == nullptr) usage_error(fill(T("unknown command '%s'; run 'kartla --help'"), {first}));
  }

  std::vector<std::string> rest(leading);
  rest.insert(rest.end(), argv.begin() + static_cast<std::ptrdiff_t>(consumed), argv.end());
  if (wants_help(rest)) {
    write_stdout(command_help(*command));
    return Exit::ok;
  }
  const Args args(without_global_options(rest, *command), command->options);
  claim_stdout_for_output(args);
  return command->run(args);
}

int report(Exit code, const std::string& message) {
  // Messages come from the library and from file names: keep the promise of exactly one line.
  const std::string line =
      "kartla: error: " + (message.empty() ? std::string(T("unknown error")) : terminal_safe(one_line(message))) + "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  return static_cast<int>(code);
}

// Before anything is read: section plaintext, secret keys and passphrases pass through this
// process's memory, so it must not end up in a core file (a crash during `record get` would leave
// copies of the decrypted section there) nor be readable by another process of the same user
// through ptrace or /proc/PID/mem. PR_SET_DUMPABLE 0 forbids both. A closed pipe must be an error
// the command sees (EPIPE), not a silent death: `kartla identity new | head -c 0` would otherwise
// die after saving an identity whose recovery code nobody saw, before it could remove it.
void harden_process() {
  const struct rlimit no_core = {0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  ::signal(SIGPIPE, SIG_IGN);
}

}  // namespace
}  // namespace kartla::cli

int main(int argc, char** argv) {
  using namespace kartla::cli;
  harden_process();
  try {
    const std::vector<std::string> words(argv + 1, argv + argc);
    return static_cast<int>(dispatch(words));
  } catch (const kartla::error& e) {
    const Exit code = exit_for(e.status());
    // The library's own words in the person's language (kartla_last_error_localized); a message
    // the CLI built around the library's has them already and is printed as it is.
    if (code == Exit::internal)
      return report(code, fill(T("%1$s (%2$s; please report this)"), {library_error_text(e), e.status_name()}));
    return report(code, library_error_text(e));
  } catch (const Failure& f) {
    return report(f.code(), f.what());
  } catch (const std::bad_alloc&) {
    return report(Exit::internal, T("out of memory"));
  } catch (const std::exception& e) {
    return report(Exit::internal, fill(T("unexpected error: %s"), {e.what()}));
  }
}
