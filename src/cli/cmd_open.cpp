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
#include "json_read.h"
#include "json_text.h"
#include "kartla/kartla.hpp"
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

// Mirrors what kartla_share_section would say for this section at `at`, for the listing.
std::string status_of(const JsonObject& grant, int64_t at) {
  if (!bool_field(grant, "present")) return "not in this file";
  if (!bool_field(grant, "current")) return "key replaced";
  const auto expires = static_cast<int64_t>(number_field(grant, "expires_at"));
  if (expires != 0 && at >= expires) return "expired";
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
// belongs to the grant, and the sections it covers are listed under it. describe_json gives one
// object per granted section; the objects of one grant are consecutive.
std::string human_listing(const JsonObject& d, int64_t at) {
  const std::string previous = text_field(d, "previous_manifest_hash");
  std::string out = "verified: the owner's signature over the manifest checks out\n";
  out += "record id:          " + text_field(d, "record_id") + "\n";
  out += "owner fingerprint:  " + text_field(d, "owner_fingerprint") + "\n";
  out += "sequence:           " + std::to_string(static_cast<uint64_t>(number_field(d, "sequence"))) + "\n";
  out += "previous manifest:  " + (previous.empty() ? std::string("none (first version)") : previous) + "\n";
  out += "\nShared with you (status at " + format_utc(at) + "):\n";
  std::string grant_id;
  for (const JsonObject* g : object_list_field(d, "grants")) {
    const std::string id = text_field(*g, "grant_id");
    if (grant_id.empty() || id != grant_id) {
      grant_id = id;
      const std::string art9 = text_field(*g, "gdpr_art9_basis");
      out += "\ngrant " + printable(id) + "\n";
      out += "  purpose:   " + printable(text_field(*g, "purpose")) + "\n";
      out += "  basis:     " + gdpr_basis_label(text_field(*g, "gdpr_art6_basis")) + "\n";
      if (!art9.empty()) out += "             health data: " + gdpr_basis_label(art9) + "\n";
      out += "  granted:   " + time_or(static_cast<int64_t>(number_field(*g, "granted_at")), "-") + "\n";
      out += "  expires:   " + expiry_text(static_cast<int64_t>(number_field(*g, "expires_at")), at) + "\n";
      out += "  sections:\n";
    }
    out += "    " + padded(text_field(*g, "section"), 18) + status_of(*g, at) + "\n";
  }
  return out;
}

// The provenance of every readable section this agency was granted (docs/SPEC.md §13.6), as a
// JSON array and as text; a section without entries has nothing to report and is left out.
struct SharedProvenance {
  std::string json = "[";
  std::string text;
};

SharedProvenance shared_provenance(const kartla::share& share, const JsonObject& d, const std::string& trust,
                                   int64_t at, int64_t now) {
  SharedProvenance out;
  size_t count = 0;
  for (const JsonObject* g : object_list_field(d, "grants")) {
    const std::string section = text_field(*g, "section");
    if (status_of(*g, at != 0 ? at : now) != "readable") continue;
    const std::string json = kartla::share_provenance_json(share, section, trust, at).str();
    const JsonObject p = parse_json_object(json);
    if (object_list_field(p, "entries").empty() && object_list_field(p, "unmatched").empty()) continue;
    out.json += std::string(count++ == 0 ? "" : ", ") + json;
    out.text += provenance_report(p);
  }
  out.json += "]";
  if (count == 0) out.text = "(no shared section holds entries)\n";
  return out;
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
    const std::string provenance = kartla::share_provenance_json(share, *section, trust->bytes, at).str();
    if (args.flag("--json")) {
      write_stdout(
          json_document("{\"content\": " + std::string(json.view()) + ", \"provenance\": " + provenance + "}"));
    } else {
      write_stdout(std::string(json.view()) + "\nProvenance (" + args.required("--trust") + "):\n" +
                   provenance_report(parse_json_object(provenance)));
    }
    return Exit::ok;
  }
  if (section) {
    const kartla::buffer json = share.section_json(*section, at);
    write_stdout(json.view());
    if (json.size() == 0 || json.view().back() != '\n') write_stdout("\n");
    return Exit::ok;
  }
  const std::string described = share.describe_json();
  const JsonObject d = parse_json_object(described);
  if (object_list_field(d, "grants").empty())
    throw Failure(Exit::not_available,
                  "nothing in " + path + " is shared with this agency (" + agency.fingerprint() + ")");
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  if (trust) {
    const SharedProvenance p = shared_provenance(share, d, trust->bytes, at, now);
    write_stdout(args.flag("--json") ? json_document("{\"share\": " + described + ", \"provenance\": " + p.json + "}")
                                     : human_listing(d, at != 0 ? at : now) + "\nProvenance (" +
                                           args.required("--trust") + "):\n" + p.text);
    return Exit::ok;
  }
  write_stdout(args.flag("--json") ? described : human_listing(d, at != 0 ? at : now));
  return Exit::ok;
}

}  // namespace kartla::cli
