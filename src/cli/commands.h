// The command table: every command's name, options, help text and entry point, in one place.
#pragma once

#include <string_view>
#include <vector>

#include "args.h"
#include "exit_codes.h"

namespace kartla::cli {

struct Command {
  std::string_view group;    // "identity", "record", or "" for a top-level command
  std::string_view name;     // "new"
  std::string_view usage;    // arguments after the command words
  std::string_view summary;  // one line: what it does
  std::string_view details;  // a paragraph for `kartla COMMAND --help`
  std::vector<Option> options;
  Exit (*run)(const Args& args);
};

const std::vector<Command>& commands();

Exit run_identity_new(const Args& args);
Exit run_identity_card(const Args& args);
Exit run_identity_recover(const Args& args);
Exit run_identity_passwd(const Args& args);
Exit run_identity_fingerprint(const Args& args);
Exit run_record_new(const Args& args);
Exit run_record_set(const Args& args);
Exit run_record_get(const Args& args);
Exit run_record_list(const Args& args);
Exit run_record_remove(const Args& args);
Exit run_verify(const Args& args);
Exit run_sections(const Args& args);
// sharing commands
// content commands

}  // namespace kartla::cli
