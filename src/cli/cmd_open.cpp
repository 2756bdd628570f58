// `kartla open`: the agency's side. A share bundle or the whole record file, read with the
// agency's identity: only what was granted to it, each section checked against the owner's
// signature, and each grant's purpose, GDPR bases and expiry.
#include <ctime>
#include <limits>
#include <optional>
#include <string>

#include "agency_input.h"
#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "failure.h"
#include "files.h"
#include "cli_output.pb.h"
#include "json_output.h"
#include "kartla/kartla.hpp"
#include "results.h"
#include "section_arg.h"
#include "trust_files.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

std::string padded(std::string text, size_t width) {
  text.append(width > text.size() ? width - text.size() : 1, ' ');
  return text;
}

std::string time_or(int64_t unix_seconds, const char* none) {
  return unix_seconds == 0 ? std::string(none) : format_utc(unix_seconds);
}

// This grant's state at `at`, from the library's description of it (present, current, expiry).
std::string status_of(const v1::SharedSection& grant, int64_t at) {
  if (!grant.present()) return "not in this file";
  if (!grant.current()) return "key replaced";
  if (grant.expires_at() != 0 && at >= grant.expires_at()) return "expired";
  return "readable";
}

std::string expiry_text(int64_t expires_at, int64_t at) {
  if (expires_at == 0) return "never (until the owner revokes it)";
  const std::string day = last_valid_day(expires_at);
  std::string out = format_utc(expires_at) + (day.empty() ? "" : " (valid through " + day + ")");
  if (at >= expires_at) out += ": EXPIRED, the owner's permission to use these sections has ended";
  return out;
}

// One block per grant, in file order: what the owner allowed (purpose, legal basis, until when)
// belongs to the grant, and the sections it covers are listed under it. The description has one
// entry per granted section; the entries of one grant are consecutive.
std::string human_listing(const v1::ShareDescription& d, int64_t at) {
  const std::string& previous = d.previous_manifest_hash();
  std::string out = "verified: the owner's signature over the manifest checks out\n";
  out += "record id:          " + d.record_id() + "\n";
  out += "owner fingerprint:  " + d.owner_fingerprint() + "\n";
  out += "sequence:           " + std::to_string(d.sequence()) + "\n";
  out += "previous manifest:  " + (previous.empty() ? std::string("none (first version)") : previous) + "\n";
  out += "\nShared with you (status at " + format_utc(at) + "):\n";
  std::string grant_id;
  for (const v1::SharedSection& g : d.grants()) {
    const std::string& id = g.grant_id();
    if (grant_id.empty() || id != grant_id) {
      grant_id = id;
      const std::string& art9 = g.gdpr_art9_basis();
      out += "\ngrant " + printable(id) + "\n";
      out += "  purpose:   " + printable(g.purpose()) + "\n";
      out += "  basis:     " + gdpr_basis_label(g.gdpr_art6_basis()) + "\n";
      if (!art9.empty()) out += "             health data: " + gdpr_basis_label(art9) + "\n";
      out += "  granted:   " + time_or(g.granted_at(), "-") + "\n";
      out += "  expires:   " + expiry_text(g.expires_at(), at) + "\n";
      out += "  sections:\n";
    }
    out += "    " + padded(g.section(), 18) + status_of(g, at) + "\n";
  }
  return out;
}

// The provenance of every readable section this agency was granted (docs/SPEC.md §13.6), as a
// JSON array and as text; a section without entries has nothing to report and is left out.
struct SharedProvenance {
  std::vector<v1::ProvenanceReport> reports;
  std::string text;
};

SharedProvenance shared_provenance(const kartla::share& share, const v1::ShareDescription& d,
                                   const std::string& trust, int64_t at, int64_t now) {
  SharedProvenance out;
  size_t count = 0;
  for (const v1::SharedSection& g : d.grants()) {
    if (status_of(g, at != 0 ? at : now) != "readable") continue;
    const auto p = parse_result<v1::ProvenanceReport>(
        kartla::share_provenance(share, g.section(), trust, at, KARTLA_ENCODING_PROTOBUF).view());
    if (p.entries_size() == 0 && p.unmatched_size() == 0) continue;
    ++count;
    out.reports.push_back(p);
    out.text += provenance_report(p);
  }
  if (count == 0) out.text = "(no shared section holds entries)\n";
  return out;
}

std::string share_with_provenance_json(const v1::ShareDescription& d, const SharedProvenance& p) {
  ShareWithProvenance out;
  *out.mutable_share() = d;
  for (const v1::ProvenanceReport& report : p.reports) *out.add_provenance() = report;
  return json_text(out);
}

}  // namespace

Exit run_open(const Args& args) {
  args.expect_positionals({"FILE"});
  const std::string& path = args.positional(0);
  std::optional<std::string> section;
  if (args.value("--section")) section = section_option(args);
  const AgencyArgs given = agency_args(path, args);
  // Before the passphrase: a bad, older or expired trust list is the caller's to fix first.
  const std::optional<TrustListInput> trust = trust_list_option(args);

  const AgencyInput opened = open_as_agency(given, args);
  const kartla::identity& agency = opened.agency;
  const kartla::share& share = opened.share;
  const int64_t at = opened.at;

  if (trust && section) {
    const kartla::buffer json = share.section_json(*section, at);
    const auto provenance = parse_result<v1::ProvenanceReport>(
        kartla::share_provenance(share, *section, trust->bytes, at, KARTLA_ENCODING_PROTOBUF).view());
    if (args.flag("--json")) {
      SectionWithProvenance out;
      read_json_object(json.view(), out.mutable_content());
      *out.mutable_provenance() = provenance;
      write_stdout(json_text(out));
    } else {
      write_stdout(std::string(json.view()) + "\nProvenance (" + args.required("--trust") + "):\n" +
                   provenance_report(provenance));
    }
    return Exit::ok;
  }
  if (section) {
    const kartla::buffer json = share.section_json(*section, at);
    write_stdout(json.view());
    if (json.size() == 0 || json.view().back() != '\n') write_stdout("\n");
    return Exit::ok;
  }
  const auto d = parse_result<v1::ShareDescription>(share.describe(KARTLA_ENCODING_PROTOBUF));
  if (d.grants_size() == 0)
    throw Failure(Exit::not_available,
                  "nothing in " + path + " is shared with this agency (" + agency.fingerprint() + ")");
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  if (trust) {
    const SharedProvenance p = shared_provenance(share, d, trust->bytes, at, now);
    write_stdout(args.flag("--json") ? share_with_provenance_json(d, p)
                                     : human_listing(d, at != 0 ? at : now) + "\nProvenance (" +
                                           args.required("--trust") + "):\n" + p.text);
    return Exit::ok;
  }
  write_stdout(args.flag("--json") ? result_json(d) : human_listing(d, at != 0 ? at : now));
  return Exit::ok;
}

}  // namespace kartla::cli
