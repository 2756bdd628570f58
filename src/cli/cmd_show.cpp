// `kartla record show`: the record for a person to read, labels and provenance included.
#include "agency_input.h"
#include "commands.h"
#include "failure.h"
#include "files.h"
#include "owned_record.h"
#include "section_arg.h"
#include "view_args.h"

namespace kartla::cli {
namespace {

// The provenance of the attested entries of the sections shown. Sections without attestations
// add nothing: their entries' sources are already in the text above ("Source: ...").
std::string attested_provenance(const OwnedRecord& owned, const std::string& only_section,
                                const std::optional<TrustListInput>& trust) {
  std::string out;
  for (const std::string& name : kartla::section_names()) {
    if (!only_section.empty() && name != only_section) continue;
    if (name == "sharing_ledger" || !owned.record.has_section(name)) continue;
    const v1::ProvenanceReport p = provenance_for(owned, name, trust);
    bool attested = p.unmatched_size() != 0;
    for (const v1::EntryProvenance& entry : p.entries()) attested = attested || entry.provenance() != "self_declared";
    if (attested) out += "\n" + name + ":\n" + provenance_report(p);
  }
  if (out.empty()) return out;
  return "\nProvenance of attested entries (" +
         std::string(trust ? "issuers judged by the trust list given" : "no trust list given: no issuer is trusted") +
         "):" + out;
}

}  // namespace

Exit run_record_show(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  // Checked before the passphrase is asked for, as everywhere else.
  const std::string section = args.value("--section") ? section_option(args) : std::string();
  const kartla::view_options options = view_options_from(args);
  if (reads_as_agency(args)) {
    // The agency reads the granted sections only; their provenance is `kartla open --trust`'s.
    if (args.value("--trust")) usage_error("--trust goes with --owner; an agency uses `kartla open --trust`");
    const AgencyInput opened = open_as_agency(agency_args(args.positional(0), args), args);
    write_stdout(opened.share.show_text(section, options, opened.at).view());
    return Exit::ok;
  }
  const std::optional<TrustListInput> trust = trust_list_option(args);
  const OwnedRecord owned = open_record_with_owner(args.positional(0), args);
  const kartla::buffer text = owned.record.show_text(section, options);
  write_stdout(std::string(text.view()) + attested_provenance(owned, section, trust));
  return Exit::ok;
}

}  // namespace kartla::cli
