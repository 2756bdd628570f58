// `kartla verify` and `kartla sections`: what anyone can do without a key.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "commands.h"
#include "files.h"
#include "cli_output.pb.h"
#include "json_output.h"
#include "kartla/kartla.hpp"
#include "trust_files.h"
#include "results.h"

namespace kartla::cli {
namespace {

std::string padded(std::string text, size_t width) {
  text.append(width > text.size() ? width - text.size() : 1, ' ');
  return text;
}

std::string human_report(const kartla::verification& v) {
  const auto r = parse_result<v1::VerificationReport>(v.report(KARTLA_ENCODING_PROTOBUF));
  const std::string previous = v.previous_hash();
  std::string out = "verified: the owner's signature and every section present check out\n";
  out += "record id:          " + v.record_id() + "\n";
  out += "owner fingerprint:  " + v.owner_fingerprint() + "\n";
  out += "sequence:           " + std::to_string(v.sequence()) + "\n";
  out += "previous manifest:  " + (previous.empty() ? std::string("none (first version)") : previous) + "\n";
  out += "kind:               " + std::string(r.kind() == "record" ? "full record" : "share bundle") + "\n";
  out += "sections:           " + std::to_string(r.sections_present()) + " present of " +
         std::to_string(r.sections_listed()) + " listed, " + std::to_string(r.section_bytes()) + " bytes (padded)\n";
  out += "grants:             " + std::to_string(r.grants_present()) + " present of " +
         std::to_string(r.grants_listed()) + " listed\n";
  out += "file size:          " + std::to_string(r.file_bytes()) + " bytes\n";
  // Said plainly, because the absence of names could be mistaken for an empty record.
  out += "Which sections these are, their exact sizes and who may read them cannot be seen without a key.\n";
  return out;
}

v1::VerificationReport verification_report(const kartla::verification& v) {
  return parse_result<v1::VerificationReport>(v.report(KARTLA_ENCODING_PROTOBUF));
}

std::string verification_json(const kartla::verification& v) { return result_json(verification_report(v)); }

std::string verification_with_trust_json(const kartla::verification& v, const v1::TrustListDescription& list) {
  VerificationWithTrust out;
  *out.mutable_verification() = verification_report(v);
  *out.mutable_trust_list() = list;
  return json_text(out);
}

}  // namespace

Exit run_verify(const Args& args) {
  args.expect_positionals({"FILE"});
  std::optional<uint64_t> last_seen;
  if (auto text = args.value("--last-seen"))
    last_seen = parse_unsigned(*text, "--last-seen", std::numeric_limits<uint64_t>::max());

  const kartla::verification v = kartla::verification::of_file(args.positional(0));
  // Checked before anything is printed: an older copy prints nothing on stdout.
  if (last_seen) v.check_last_seen(*last_seen);
  // Without a key no entry can be read: --trust reports the trust list's own state only (the
  // per-entry provenance is `record provenance` and `open --trust`).
  if (const std::optional<TrustListInput> trust = trust_list_option(args)) {
    write_stdout(args.flag("--json") ? verification_with_trust_json(v, trust->list)
                                     : human_report(v) + "\n" + trust_list_report(trust->list));
    return Exit::ok;
  }
  write_stdout(args.flag("--json") ? verification_json(v) : human_report(v));
  return Exit::ok;
}

Exit run_sections(const Args& args) {
  args.expect_positionals({});
  const std::vector<std::string> names = kartla::section_names();
  std::string out;
  if (args.flag("--json")) {
    SectionNames listing;
    for (const std::string& name : names) {
      SectionName* entry = listing.add_sections();
      entry->set_name(name);
      entry->set_special_category(kartla::section_is_special_category(name));
    }
    out = json_member_text(listing);
  } else {
    for (const std::string& name : names) {
      out += kartla::section_is_special_category(name) ? padded(name, 18) + "special category (health data)" : name;
      out += "\n";
    }
  }
  write_stdout(out);
  return Exit::ok;
}

}  // namespace kartla::cli
