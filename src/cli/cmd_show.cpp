// `kartla record show`: the record for a person to read, labels and provenance included.
#include "commands.h"
#include "files.h"
#include "section_arg.h"
#include "view_args.h"

namespace kartla::cli {

Exit run_record_show(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  // Checked before the passphrase is asked for, as everywhere else.
  const std::string section = args.value("--section") ? section_option(args) : std::string();
  const kartla::view_options options = view_options_from(args);
  const kartla::record record = open_owned_record(args.positional(0), args);
  write_stdout(record.show_text(section, options).view());
  return Exit::ok;
}

}  // namespace kartla::cli
