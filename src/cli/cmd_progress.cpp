// `kartla progress`: each indicator's movement over time (stegförflyttning) as a table, JSON, or
// an SVG chart to look at together. The numbers and the chart come from the library.
#include "commands.h"
#include "files.h"
#include "json_text.h"
#include "view_args.h"

namespace kartla::cli {

Exit run_progress(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::optional<std::string> svg_path = args.value("--svg");
  kartla::view_options options = view_options_from(args);
  options.include_work_ability = args.flag("--with-work-ability");

  const kartla::record record = open_owned_record(args.positional(0), args);
  // Everything is computed before anything is written, so a failure leaves no half output.
  // The typed result's JSON, laid out as every JSON document the CLI prints.
  const std::string summary = args.flag("--json") ? json_document(record.progress_json(options).view())
                                                  : std::string(record.progress_text(options).view());
  if (svg_path) {
    const kartla::buffer svg = record.progress_svg(options);
    write_file_atomically(*svg_path, svg.view(), /*overwrite=*/true);
  }
  write_stdout(summary);
  if (svg_path && !args.flag("--json")) write_stdout("\nChart written to " + *svg_path + " (not encrypted).\n");
  return Exit::ok;
}

}  // namespace kartla::cli
