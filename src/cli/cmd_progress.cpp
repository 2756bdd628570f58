// `kartla progress`: each indicator's movement over time (stegförflyttning) as a table, JSON, or
// an SVG chart to look at together. The numbers and the chart come from the library, for the
// owner's record (--owner) or what an agency may read of it (--as).
#include "agency_input.h"
#include "commands.h"
#include "files.h"
#include "json_output.h"
#include "kartla/v1/views.pb.h"
#include "results.h"
#include "view_args.h"

namespace kartla::cli {
namespace {

struct ProgressOutput {
  std::string summary;
  std::optional<kartla::buffer> svg;
};

template <typename Source, typename... At>
ProgressOutput progress_of(const Source& source, const Args& args, const kartla::view_options& options, At... at) {
  ProgressOutput out;
  // The typed result, printed as every JSON document the CLI prints.
  out.summary = args.flag("--json") ? json_text(parse_result<v1::ProgressView>(
                                          source.progress(options, KARTLA_ENCODING_PROTOBUF, at...).view()))
                                    : std::string(source.progress_text(options, at...).view());
  if (args.value("--svg")) out.svg = source.progress_svg(options, at...);
  return out;
}

}  // namespace

Exit run_progress(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::optional<std::string> svg_path = args.value("--svg");
  kartla::view_options options = view_options_from(args);
  options.include_work_ability = args.flag("--with-work-ability");

  // Everything is computed before anything is written, so a failure leaves no half output.
  ProgressOutput out;
  if (reads_as_agency(args)) {
    const AgencyInput opened = open_as_agency(agency_args(args.positional(0), args), args);
    out = progress_of(opened.share, args, options, opened.at);
  } else {
    const kartla::record record = open_owned_record(args.positional(0), args);
    out = progress_of(record, args, options);
  }
  if (svg_path) write_file_atomically(*svg_path, out.svg->view(), /*overwrite=*/true);
  write_stdout(out.summary);
  if (svg_path && !args.flag("--json")) write_stdout("\nChart written to " + *svg_path + " (not encrypted).\n");
  return Exit::ok;
}

}  // namespace kartla::cli
