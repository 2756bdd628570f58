// `kartla attest`, `kartla record attach` and `kartla record provenance`: an agency vouches for
// one entry of a person's record; the person keeps the attestation with the entry; any reader
// sees, per entry, who vouched for it and whether that issuer is on the reader's trust list.
#include <string>

#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "failure.h"
#include "files.h"
#include "results.h"
#include "kartla/kartla.hpp"
#include "owned_record.h"
#include "trust_files.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

constexpr size_t kClaimReadLimit = 1u << 20;
constexpr size_t kAttestationReadLimit = 1u << 20;

}  // namespace

Exit run_attest(const Args& args) {
  args.expect_positionals({});
  const std::string from = args.required("--from");
  const std::string owner_card_path = args.required("--owner-card");
  const std::string section = args.required("--section");
  const std::string entry_id = args.required("--entry");
  const std::string claim_path = args.required("--claim");
  const std::string out = args.required("--out");
  const auto record_id = args.value("--record-id");
  const auto expires = args.value("--expires");
  const int64_t expires_at = expires ? parse_time_arg(*expires, "--expires", DateMeaning::through_day) : 0;
  check_readable(from);
  check_new_output(out);
  const std::string claim = std::string(read_input(claim_path, kClaimReadLimit).view());
  const std::string owner_card = std::string(read_input(owner_card_path, kSmallFileReadLimit).view());

  const kartla::identity agency = unlock_identity(args.required("--as"), args);
  const kartla::share share = kartla::share::open_file(from, agency);
  share.check_owner(owner_card);  // the card must be the one of the person whose record this is
  const std::string bundle_record =
      parse_result<v1::ShareDescription>(share.describe(KARTLA_ENCODING_PROTOBUF)).record_id();
  if (record_id && *record_id != bundle_record)
    usage_error("--record-id " + *record_id + " is not the record in " + from + " (" + bundle_record + ")");

  kartla::entry_ref ref;
  ref.owner_card = owner_card;
  ref.record_id = bundle_record;
  ref.section = section;
  ref.entry_id = entry_id;
  ref.entry = kartla::section_entry(section, share.section(section).view(), entry_id);
  const std::string file = kartla::attestation_issue(agency, ref, claim, 0, expires_at);
  write_file_atomically(out, file, false);
  write_stdout("Attested entry " + printable(entry_id) + " of section " + section + " in record " + bundle_record +
               "\n  written to " + out + (expires_at ? "; valid until " + format_utc(expires_at) : std::string()) +
               "\n  the owner stores it with: kartla record attach REC --owner OWNER.id --attestation " + out + "\n");
  return Exit::ok;
}

Exit run_record_attach(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string path = args.positional(0);
  const std::string attestation = std::string(read_input(args.required("--attestation"), kAttestationReadLimit).view());
  OwnedRecord owned = open_record_with_owner(path, args);
  const bool added = kartla::record_attach_attestation(owned.record, owned.owner, attestation);
  if (added) owned.save(path);
  write_stdout(added ? "Attached the attestation; saved " + path + " (sequence " +
                           std::to_string(owned.record.sequence()) + ")\n"
                     : "The record already holds this attestation; nothing changed\n");
  return Exit::ok;
}

Exit run_record_provenance(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string section = args.required("--section");
  const std::optional<TrustListInput> trust = trust_list_option(args);
  const OwnedRecord owned = open_record_with_owner(args.positional(0), args);
  const auto provenance = provenance_for(owned, section, trust);
  write_stdout(args.flag("--json") ? result_json(provenance) : provenance_report(provenance));
  return Exit::ok;
}

}  // namespace kartla::cli
