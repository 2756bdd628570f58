// `kartla agency ...`: an agency's identity (created like an owner's, with a passphrase and a
// recovery code) and its public card, which names the agency, its organisation number and role.
#include <string>

#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "failure.h"
#include "files.h"
#include "identity_files.h"
#include "results.h"
#include "kartla/kartla.hpp"
#include "passphrase.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

std::string role_list() {
  std::string out;
  for (const std::string& role : kartla::agency_role_names()) out += (out.empty() ? "" : ", ") + role;
  return out;
}

// The library refuses an unknown role too, but only after the passphrase has been typed twice.
void check_role(const std::string& role) {
  for (const std::string& known : kartla::agency_role_names())
    if (known == role) return;
  usage_error("unknown agency role '" + role + "' (roles: " + role_list() + ")");
}

std::string card_report(const v1::CardDescription& card) {
  const std::string created = format_utc(card.created_at());
  std::string out;
  out += "kind:                 " + card.kind() + "\n";
  if (card.kind() != "owner") {
    out += "name:                 " + printable(card.name()) + "\n";
    out += "organisation number:  " + printable(card.organisation_number()) + "\n";
    out += "role:                 " + printable(card.role()) + "\n";
  }
  out += "created:              " + created + "\n";
  out += "fingerprint:          " + card.fingerprint() + "\n";
  return out;
}

}  // namespace

std::string_view agency_new_details() {
  static const std::string details =
      "Creates a new agency identity (Ed25519 signing and X25519 encryption keys) and writes it to\n"
      "AGENCY.id, which must not exist yet. It is protected like an owner identity: Argon2id of the\n"
      "passphrase, and a recovery code printed ONCE on standard output (keep it apart from the file).\n"
      "Its public card (`kartla agency card`) names the agency, its organisation number and role.\n"
      "\n"
      "ORGNR is a Swedish organisation number (NNNNNN-NNNN, Luhn-checked) or a Finnish business id\n"
      "(Y-tunnus, NNNNNNN-N, check digit checked). ROLE is one of:\n  " +
      role_list() + "\n";
  return details;
}

Exit run_agency_new(const Args& args) {
  args.expect_positionals({});
  const std::string name = args.required("--name");
  const std::string organisation = args.required("--org");
  const std::string role = args.required("--role");
  const std::string path = args.required("--out");
  check_role(role);
  const kartla_identity_options options = identity_options(args);
  check_new_output(path);

  const Secret passphrase = first_passphrase(args);
  kartla::identity::created created =
      kartla::identity::create_agency(name, organisation, role, passphrase.view(), &options);
  save_new_identity(args, path, created, "agency identity");
  return Exit::ok;
}

Exit run_agency_card(const Args& args) {
  args.expect_positionals({"AGENCY.id"});
  write_identity_card(args, "agency");
  return Exit::ok;
}

Exit run_agency_show(const Args& args) {
  args.expect_positionals({"AGENCY.card"});
  const Secret card = read_input(args.positional(0), kSmallFileReadLimit);
  const auto described = parse_result<v1::CardDescription>(kartla::card_describe(card.view(), KARTLA_ENCODING_PROTOBUF));
  write_stdout(args.flag("--json") ? result_json(described) : card_report(described));
  return Exit::ok;
}

}  // namespace kartla::cli
