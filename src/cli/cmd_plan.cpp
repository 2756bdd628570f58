// `kartla plan`: the action plan as a person reads it, or as JSON.
#include "commands.h"
#include "files.h"
#include "json_text.h"
#include "view_args.h"

namespace kartla::cli {

Exit run_plan(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const kartla::view_options options = view_options_from(args);
  const kartla::record record = open_owned_record(args.positional(0), args);
  write_stdout(args.flag("--json") ? json_document(record.plan_json(options).view())
                                   : std::string(record.plan_text(options).view()));
  return Exit::ok;
}

}  // namespace kartla::cli
