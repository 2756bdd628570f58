// SPDX-License-Identifier: Apache-2.0
// The commands for checking content and reading a record (validate, progress, plan, record show):
// their usage, summary, help text and options (catalogue messages, marked N_ and printed
// translated) and entry points, in the order `kartla --help` lists them.
#include "command_table.h"
#include "messages.h"

namespace kartla::cli {

std::vector<Command> content_commands() {
  return {
    {"", "validate", "--section SECTION --in FILE [--report json]",
     N_("check section content against its schema and rules, listing every violation"),
     N_("Checks FILE ('-' reads standard input), protobuf JSON of SECTION (or, with --protobuf,\n"
        "its binary protobuf form), against the section's schema and every offline rule of\n"
        "docs/MODEL.md: identity and organisation numbers, dates, code systems, CEFR levels, SFI\n"
        "courses, instrument scales and more. Prints one line per violation, FIELD: RULE: MESSAGE,\n"
        "and exits with code 2 if there is any (0 if the content is valid). No record or key is\n"
        "needed. `kartla record set` refuses invalid content with the same messages."),
     {kSection,
      {"--in", "FILE", N_("the content as protobuf JSON ('-' for standard input)")},
      kDeprecatedJsonInput,
      {"--protobuf", "FILE", N_("the content as binary protobuf instead ('-' for standard input)")},
      {"--report", "FORMAT", N_("text (default) or json: the library's report with every violation")}},
     run_validate},
    {"", "progress", "REC.kartla (--owner OWNER.id | --as AGENCY.id [--at DATE]) [--json] [--svg FILE] [--with-work-ability]",
     N_("show each indicator's movement over time (stegförflyttning)"),
     N_("Reads the progress section's dated assessments and shows, for each instrument indicator and\n"
        "who gave the score (participant, professional, jointly), the first and the latest date and\n"
        "score, the change, whether it is better or worse on the instrument's scale, and the number\n"
        "of assessments. GAS scores are shown per goal, programme phases as their own line.\n"
        "--svg FILE also draws one small chart per indicator, with dates and the instrument's scale,\n"
        "for a participant and a coach to look at together; the file is NOT encrypted.\n"
        "Scores in work_ability (health data) are included only with --with-work-ability.\n"
        "With --as instead of --owner, REC.kartla is a share bundle (or the record file) read as\n"
        "that agency, as `kartla open` does: only granted sections whose grant has not expired;\n"
        "progress not shared (or expired) exits with code 3, an action plan not shared leaves the\n"
        "goals' texts out, and work_ability is charted only if it is shared too."),
     {kOwner, kAsAgency, kAtForAgency, kOwnerCardForAgency, kOwnerLastSeen, kAcceptOlder,
      {"--json", "", N_("print the summary as JSON")},
      {"--svg", "FILE", N_("also write the chart as an SVG file, readable by you only")},
      {"--force", "", N_("replace FILE if it exists (never a Kartla file)")},
      {"--with-work-ability", "", N_("include work_ability scores (special-category health data)")},
      kLanguage,
      kPassphraseFile},
     run_progress},
    {"", "plan", "REC.kartla (--owner OWNER.id | --as AGENCY.id [--at DATE]) [--json]",
     N_("show the action plan: goals, sub-goals and activities"),
     N_("Shows the action plan readably: each goal with its sub-goals, goal attainment levels and\n"
        "the activities serving it, with the responsible agency, phase, status and planned and\n"
        "actual dates, and where each statement comes from. A record without an action plan exits\n"
        "with code 3; so does, with --as (an agency reading a share bundle, as `kartla open`), an\n"
        "action plan not shared with that agency or whose grant has expired."),
     {kOwner, kAsAgency, kAtForAgency, kOwnerCardForAgency, kOwnerLastSeen, kAcceptOlder,
      {"--json", "", N_("print the plan as JSON")},
      kLanguage, kPassphraseFile},
     run_plan},
    {"record", "show", "REC.kartla (--owner OWNER.id | --as AGENCY.id [--at DATE]) [--section SECTION]",
     N_("print the record (or one section) for a person to read"),
     N_("Prints the record's sections as text for a person to read, not as protobuf JSON: coded\n"
        "values with their labels from the code systems, dates as dates, and after every entry its\n"
        "source (self-reported, observed by a professional, validated, from a register...), by whom\n"
        "and when. With --section, only that section (exit code 3 if the record does not hold it).\n"
        "Then the provenance of every entry that agencies have attested: trusted (with the agency's\n"
        "name, role and organisation number), not on the trust list, or invalid and why; --trust\n"
        "names the trust list (without it no agency counts as trusted).\n"
        "With --as, an agency reads a share bundle (as `kartla open`): every section shared with it\n"
        "and not expired, or --section, which must be (exit code 3 otherwise)."),
     {kOwner, kAsAgency, kAtForAgency, kOwnerCardForAgency, kOwnerLastSeen, kAcceptOlder, {"--section", "SECTION", N_("show only this section (see `kartla sections`)")},
      kLanguage, kTrustForProvenance,
      kTrustRoot, kLastSeenTrust, kPassphraseFile},
     run_record_show},
  };
}

}  // namespace kartla::cli
