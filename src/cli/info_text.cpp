// SPDX-License-Identifier: Apache-2.0
// Where informational text goes (info_text.h): -q, and standard output carrying a file.
#include "info_text.h"

#include <unistd.h>

#include <cstdio>

#include "args.h"
#include "files.h"
#include "messages.h"
#include "output.h"

namespace kartla::cli {
namespace {

bool g_quiet = false;
bool g_stdout_carries_file = false;

void write_stderr(std::string_view text) {
  const std::string safe = terminal_safe(text);
  std::fputs(safe.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace

bool quiet_requested(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w == "--") return false;
    if (w == "-q" || w == "--quiet") return true;
  }
  return false;
}

void set_quiet(bool quiet) { g_quiet = quiet; }
bool quiet() { return g_quiet; }

void claim_stdout_for_output(const Args& args) {
  std::string_view claimed;
  for (std::string_view option : kOutputOptions) {
    if (args.value(option) != "-") continue;
    if (!claimed.empty())
      usage_error(fill(T("%1$s - and %2$s - both name standard output; name a file for one of them"), {claimed, option}));
    claimed = option;
  }
  if (claimed.empty()) return;
  if (args.flag("--json"))
    usage_error(fill(T("--json and %1$s - both print to standard output; name a file with %1$s"), {claimed}));
  g_stdout_carries_file = true;
}

bool stdout_carries_file() { return g_stdout_carries_file; }

void refuse_binary_to_terminal() {
  if (::isatty(1) != 1) return;
  usage_error(T("refusing to write a Kartla file (binary) to the terminal: redirect standard output to a file or a "
                "pipe, or name a file instead of -"));
}

void inform(std::string_view text) {
  if (g_quiet) return;
  if (g_stdout_carries_file) {
    write_stderr(text);
    return;
  }
  write_stdout(text);
}

void note(const std::string& message) {
  if (g_quiet) return;
  write_stderr("kartla: note: " + one_line(message) + "\n");
}

}  // namespace kartla::cli
