// SPDX-License-Identifier: Apache-2.0
// Reading a record: `kartla open` (the agency's side: a share bundle or the whole record file, read
// with the agency's identity: only what was granted to it, each section checked against the owner's
// signature, and each grant's purpose, GDPR bases and expiry) and the views for people, each the
// owner's (--owner) or what an agency may read (--as): `kartla progress` (each indicator's movement
// over time, stegförflyttning, as a table, JSON, or an SVG chart to look at together), `kartla
// plan` (the action plan) and `kartla record show` (the record with labels and provenance). The
// numbers, texts and charts come from the library.
#include <ctime>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "documents.h"
#include "file_kinds.h"
#include "files.h"
#include "info_text.h"
#include "messages.h"
#include "kartla/kartla.hpp"
#include "kartla/v1/views.pb.h"
#include "output.h"
#include "owner.h"
#include "secrets.h"

namespace kartla::cli {
namespace {

// --- who reads ----------------------------------------------------------------------------

// The agency's side of the commands that read a record (open, progress, plan, record show): FILE
// (a share bundle or the record file) opened with --as AGENCY.id, checked against --owner-card
// and --last-seen before anything is printed, read at --at (an audit aid, not access control).
// The arguments are checked (and FILE found readable) before any passphrase is asked for.
struct AgencyArgs {
  std::string path;
  std::string agency_path;
  int64_t at = 0;  // --at, or 0: the library's "now"
  std::optional<uint64_t> last_seen;
  std::optional<Secret> owner_card;
  std::optional<Secret> piped;  // FILE is '-': the bundle read from standard input (ciphertext)
};

// A record file is at most 1 GiB (docs/SPEC.md §9); one byte more lets the library say so.
constexpr size_t kRecordReadLimit = size_t{1} << 30;

AgencyArgs agency_args(const std::string& path, const Args& args) {
  AgencyArgs out;
  out.path = path;
  out.agency_path = args.required("--as");
  if (auto text = args.value("--at")) out.at = parse_time_arg(*text, "--at", DateMeaning::start_of_day);
  if (auto text = args.value("--last-seen"))
    out.last_seen = parse_unsigned(*text, "--last-seen", std::numeric_limits<uint64_t>::max());
  if (auto card = args.value("--owner-card")) out.owner_card = read_kartla_file(*card, FileKind::card, kSmallFileReadLimit);
  if (names_stdin(path)) {
    // Read now, before the passphrase is asked for: `kartla share ... --out - | kartla open - ...`.
    out.piped = read_kartla_file(path, FileKind::record, kRecordReadLimit);
    return out;
  }
  check_readable(path);
  expect_file_kind(path, FileKind::record);
  return out;
}

struct AgencyInput {
  kartla::identity agency;
  kartla::share share;
  int64_t at = 0;
};

// Unlocks the agency's identity, opens FILE, and checks the owner and the sequence.
AgencyInput open_as_agency(const AgencyArgs& given, const Args& args) {
  kartla::identity agency = unlock_identity(given.agency_path, args);
  kartla::share share =
      given.piped ? kartla::share::open(given.piped->view(), agency) : kartla::share::open_file(given.path, agency);
  // Both checks come before anything is printed: a stranger's or an older copy prints nothing.
  if (given.owner_card) share.check_owner(given.owner_card->view());
  if (given.last_seen) share.check_last_seen(*given.last_seen);
  return AgencyInput{std::move(agency), std::move(share), given.at};
}

// --as AGENCY.id: the view is of what that agency may read, not the owner's.
bool reads_as_agency(const Args& args) {
  if (!args.value("--as")) return false;
  if (args.value("--owner")) usage_error(T("give --owner (the owner's record) or --as (what an agency may read), not both"));
  if (args.flag("--accept-older")) usage_error(T("--accept-older goes with --owner"));
  return true;
}

// The record at `path`, checked to be readable before the identity is unlocked (a missing file
// should not cost an Argon2id run and a passphrase prompt).
kartla::record open_owned_record(const std::string& path, const Args& args) {
  return open_record_with_owner(path, args).record;  // the record keeps its own copy of the keys
}

// --- open --------------------------------------------------------------------------------

std::string time_or(int64_t unix_seconds, const char* none) {
  return unix_seconds == 0 ? std::string(none) : format_utc(unix_seconds);
}

// This grant's state at `at`, from the library's description of it (present, current, expiry):
// the English message, compared as it is and shown translated.
std::string status_of(const v1::SharedSection& grant, int64_t at) {
  if (!grant.present()) return N_("not in this file");
  if (!grant.current()) return N_("key replaced");
  if (grant.expires_at() != 0 && at >= grant.expires_at()) return N_("expired");
  return N_("readable");
}

std::string expiry_text(int64_t expires_at, int64_t at) {
  if (expires_at == 0) return T("never (until the owner revokes it)");
  const std::string day = last_valid_day(expires_at);
  // A share given --expires 2027-06-30 reads back as that date, the instant after it.
  std::string out =
      day.empty() ? format_utc(expires_at) : fill(T("valid through %1$s (ends %2$s)"), {day, format_utc(expires_at)});
  if (at >= expires_at) out = fill(T("%s: EXPIRED, the owner's permission to use these sections has ended"), {out});
  return out;
}

// One block per grant, in file order: what the owner allowed (purpose, legal basis, until when)
// belongs to the grant, and the sections it covers are listed under it. The description has one
// entry per granted section; the entries of one grant are consecutive.
// Who else works with the person, as the owner signed it into this agency's grant (SPEC §7.9).
// Every field is the owner's text: printable() keeps control characters off the terminal.
std::string involved_listing(const v1::ShareDescription& d) {
  if (d.involved().empty()) return {};
  std::string out = "\n" + std::string(T("Involved with the person (told with their consent, signed by the owner):")) + "\n";
  for (const v1::InvolvedAgencyNotice& n : d.involved()) {
    const char* role = kartla_code_label(language().c_str(), "kartla-agency-role", n.role().c_str());
    out += "  " + printable(n.name());
    if (!n.organisation_number().empty()) out += " (" + printable(n.organisation_number()) + ")";
    if (n.lead()) out += std::string(" ") + T("[lead]");
    out += "\n";
    out += "    " + fill(T("role: %s"), {role != nullptr ? std::string(role) : printable(n.role())}) + "\n";
    out += "    " + fill(T("since: %s"), {printable(n.since())}) + "\n";
    if (!n.contact_name().empty()) out += "    " + fill(T("contact: %s"), {printable(n.contact_name())}) + "\n";
    if (!n.contact_pseudonym().empty())
      out += "    " + fill(T("contact (pseudonymous): %s"), {printable(n.contact_pseudonym())}) + "\n";
  }
  return out;
}

std::string human_listing(const v1::ShareDescription& d, int64_t at) {
  const std::string& previous = d.previous_manifest_hash();
  std::string out = std::string(T("verified: the owner's signature over the manifest checks out")) + "\n";
  out += aligned({{T("record id:"), d.record_id()},
                  {T("owner fingerprint:"), d.owner_fingerprint()},
                  {T("sequence:"), std::to_string(d.sequence())},
                  {T("previous manifest:"), previous.empty() ? std::string(T("none (first version)")) : previous}},
                 20);
  out += "\n" + fill(T("Shared with you (status at %s):"), {format_utc(at)}) + "\n";
  std::string grant_id;
  for (const v1::SharedSection& g : d.grants()) {
    const std::string& id = g.grant_id();
    if (grant_id.empty() || id != grant_id) {
      grant_id = id;
      const std::string& art9 = g.gdpr_art9_basis();
      out += "\n" + fill(T("grant %s"), {printable(id)}) + "\n";
      std::vector<Row> rows = {{T("purpose:"), printable(g.purpose())},
                               {T("basis:"), gdpr_basis_label(g.gdpr_art6_basis())}};
      if (!art9.empty()) rows.push_back({"", fill(T("health data: %s"), {gdpr_basis_label(art9)})});
      rows.push_back({T("granted:"), time_or(g.granted_at(), "-")});
      rows.push_back({T("expires:"), expiry_text(g.expires_at(), at)});
      out += aligned(rows, 11, "  ");
      out += "  " + std::string(T("sections:")) + "\n";
    }
    out += "    " + padded(g.section(), 18) + T(status_of(g, at).c_str()) + "\n";
  }
  return out + involved_listing(d);
}

// The provenance of every readable section this agency was granted (docs/SPEC.md §13.6), as a
// JSON array and as text; a section without entries has nothing to report and is left out.
struct SharedProvenance {
  std::vector<v1::ProvenanceReport> reports;
  std::string text;
};

SharedProvenance shared_provenance(const kartla::share& share, const v1::ShareDescription& d,
                                   const std::string& trust, bool root_pinned, int64_t at, int64_t now) {
  SharedProvenance out;
  size_t count = 0;
  for (const v1::SharedSection& g : d.grants()) {
    if (status_of(g, at != 0 ? at : now) != "readable") continue;
    const auto p = parse_result<v1::ProvenanceReport>(
        kartla::share_provenance(share, g.section(), trust, at, KARTLA_ENCODING_PROTOBUF).view());
    if (p.entries_size() == 0 && p.unmatched_size() == 0) continue;
    ++count;
    out.reports.push_back(p);
    out.text += provenance_report(p, root_pinned);
  }
  if (count == 0) out.text = std::string(T("(no shared section holds entries)")) + "\n";
  return out;
}

std::string share_with_provenance_json(const v1::ShareDescription& d, const SharedProvenance& p) {
  ShareWithProvenance out;
  *out.mutable_share() = d;
  for (const v1::ProvenanceReport& report : p.reports) *out.add_provenance() = report;
  return json_text(out);
}

// --- progress and record show -------------------------------------------------------------

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
    if (attested) out += "\n" + name + ":\n" + provenance_report(p, trust && trust->root_pinned);
  }
  if (out.empty()) return out;
  return "\n" +
         std::string(trust ? T("Provenance of attested entries (issuers judged by the trust list given):")
                           : T("Provenance of attested entries (no trust list given: no issuer is trusted):")) +
         out;
}

// Every section this agency can read at `at`, as text (the views' record text); a line saying so
// when every grant has expired or nothing is readable, since the listing above says why.
std::string shared_text(const kartla::share& share, const kartla::view_options& options, int64_t at) {
  try {
    return "\n" + std::string(share.show_text("", options, at).view());
  } catch (const kartla::error& e) {
    if (e.status() != KARTLA_E_EXPIRED && e.status() != KARTLA_E_NOT_SHARED) throw;
    return "\n" + std::string(T("Nothing shared with you can be read now.")) + "\n";
  }
}

}  // namespace

Exit run_open(const Args& args) {
  args.expect_positionals({"FILE"});
  const std::string& path = args.positional(0);
  std::optional<std::string> section;
  if (args.value("--section")) section = section_option(args);
  const std::optional<std::string> document = args.value("--document");
  if (document && section) usage_error(T("--document and --section cannot be used together"));
  // Before the passphrase: an output that exists without --force is the caller's to fix first.
  const std::string document_out = document ? document_output(args) : std::string();
  const AgencyArgs given = agency_args(path, args);
  // Before the passphrase: a bad, older or expired trust list is the caller's to fix first.
  const std::optional<TrustListInput> trust = trust_list_option(args);

  const AgencyInput opened = open_as_agency(given, args);
  const kartla::identity& agency = opened.agency;
  const kartla::share& share = opened.share;
  const int64_t at = opened.at;
  if (document) {
    write_document(document_out, share, *document, args.flag("--force"), at);
    return Exit::ok;
  }

  const bool documents = section && *section == "documents";
  if (trust && section) {
    const auto provenance = parse_result<v1::ProvenanceReport>(
        kartla::share_provenance(share, *section, trust->bytes, at, KARTLA_ENCODING_PROTOBUF).view());
    if (args.flag("--json")) {
      SectionWithProvenance out;
      if (documents) {
        read_json_object(documents_json(share, at), out.mutable_content());
      } else {
        read_json_object(share.section_json(*section, at).view(), out.mutable_content());
      }
      *out.mutable_provenance() = provenance;
      write_stdout(json_text(out));
    } else {
      // Text for a person: the section as the owner's view shows it, then its provenance; never
      // JSON mixed with text (a program asks for --json and gets JSON alone).
      const kartla::buffer text = share.show_text(*section, view_options_from(args), at);
      write_stdout(std::string(text.view()) + "\n" + fill(T("Provenance (%s):"), {args.required("--trust")}) + "\n" +
                   provenance_report(provenance, trust->root_pinned));
    }
    return Exit::ok;
  }
  if (section) {
    // One rule for every form of `open` (docs/CASEWORKER-GUIDE.md): text for a person unless --json asks for
    // the section's JSON, and then JSON alone.
    if (args.flag("--json") && documents) {
      write_stdout(documents_json(share, at));
    } else if (args.flag("--json")) {
      write_stdout_json(share.section_json(*section, at).view());
    } else {
      write_stdout(share.show_text(*section, view_options_from(args), at).view());
    }
    return Exit::ok;
  }
  const auto d = parse_result<v1::ShareDescription>(share.describe(KARTLA_ENCODING_PROTOBUF));
  if (d.grants_size() == 0)
    throw Failure(Exit::not_available,
                  fill(T("nothing in %1$s is shared with this agency (%2$s)"), {path, agency.fingerprint()}));
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  const bool json = args.flag("--json");
  // For a person, the listing is followed by what was shared, as the owner's own view shows it.
  const std::string shown = json ? std::string() : shared_text(share, view_options_from(args), at);
  if (trust) {
    const SharedProvenance p = shared_provenance(share, d, trust->bytes, trust->root_pinned, at, now);
    write_stdout(json ? share_with_provenance_json(d, p)
                      : human_listing(d, at != 0 ? at : now) + shown + "\n" +
                            fill(T("Provenance (%s):"), {args.required("--trust")}) + "\n" + p.text);
    return Exit::ok;
  }
  write_stdout(json ? json_text(d) : human_listing(d, at != 0 ? at : now) + shown);
  return Exit::ok;
}

Exit run_progress(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::optional<std::string> svg_path = args.value("--svg");
  if (svg_path) check_output(*svg_path, args.flag("--force"));
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
  // The chart is plaintext: readable by its owner only, like the decrypted record.
  if (svg_path) write_file_atomically(*svg_path, out.svg->view(), args.flag("--force"), kPrivateFile);
  // With --svg - the chart is what standard output carries, and the summary informs (info_text.h).
  if (svg_path == "-") {
    inform(out.summary);
  } else {
    write_stdout(out.summary);
  }
  if (svg_path && !args.flag("--json")) inform("\n" + fill(T("Chart written to %s (not encrypted)."), {output_name(*svg_path)}) + "\n");
  return Exit::ok;
}

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

Exit run_record_show(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  // Checked before the passphrase is asked for, as everywhere else.
  const std::string section = args.value("--section") ? section_option(args) : std::string();
  const kartla::view_options options = view_options_from(args);
  if (reads_as_agency(args)) {
    // The agency reads the granted sections only; their provenance is `kartla open --trust`'s.
    if (args.value("--trust")) usage_error(T("--trust goes with --owner; an agency uses `kartla open --trust`"));
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
