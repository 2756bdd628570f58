// `kartla plan`: the action plan as a person reads it, or as JSON; the owner's (--owner) or
// what an agency may read of it (--as).
#include "agency_input.h"
#include "commands.h"
#include "files.h"
#include "json_output.h"
#include "kartla/v1/views.pb.h"
#include "results.h"
#include "view_args.h"

namespace kartla::cli {

Exit run_plan(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const kartla::view_options options = view_options_from(args);
  const bool json = args.flag("--json");
  std::string plan;
  if (reads_as_agency(args)) {
    const AgencyInput opened = open_as_agency(agency_args(args.positional(0), args), args);
    plan = json ? json_text(parse_result<v1::PlanView>(opened.share.plan(options, KARTLA_ENCODING_PROTOBUF, opened.at).view()))
                : std::string(opened.share.plan_text(options, opened.at).view());
  } else {
    const kartla::record record = open_owned_record(args.positional(0), args);
    plan = json ? json_text(parse_result<v1::PlanView>(record.plan(options, KARTLA_ENCODING_PROTOBUF).view()))
                : std::string(record.plan_text(options).view());
  }
  write_stdout(plan);
  return Exit::ok;
}

}  // namespace kartla::cli
