// SPDX-License-Identifier: Apache-2.0
// `kartla identity ...`, `kartla agency ...` and `kartla trust root new`: every kind of identity
// (an owner's, an agency's, a trust root's) is created the same way, with a passphrase (Argon2id)
// and a recovery code shown once, and exports a public card: an agency's names the agency, its
// organisation number and role. Also changing or recovering a passphrase, and fingerprints.
#include <cstdint>
#include <limits>
#include <string>

#include "args.h"
#include "cli_output.pb.h"
#include "commands.h"
#include "file_kinds.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "info_text.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "secrets.h"

namespace kartla::cli {
namespace {

// docs/SPEC.md §3.1: every Kartla file starts with "KARTLA" and a file-type letter.
bool looks_like_identity_file(std::string_view bytes) { return bytes.substr(0, 7) == "KARTLAI"; }

uint32_t u32_option(const Args& args, std::string_view name) {
  const auto text = args.value(name);
  return text ? static_cast<uint32_t>(parse_unsigned(*text, name, std::numeric_limits<uint32_t>::max())) : 0;
}

Secret new_identity_output(const Args& args, const std::string& path, const char* created_line,
                           const std::string& fingerprint, std::string_view code) {
  Secret out;
  if (args.flag("--json")) {
    IdentityCreated created;
    created.set_identity(valid_utf8(path));  // secret_json_text does not repair: it copies nothing
    created.set_fingerprint(fingerprint);
    created.set_recovery_code(code.data(), code.size());
    out = secret_json_text(created);
    // The message's copy of the code is wiped before it is freed.
    std::string* held = created.mutable_recovery_code();
    wipe(held->data(), held->size());
    return out;
  }
  // -q drops the summary, never the code: it exists only in this process now, and an identity
  // whose code nobody saw is a trap for later (docs/CLI.md).
  if (!quiet()) out.append(fill(T(created_line), {path}) + "\n" + fill(T("Fingerprint: %s"), {fingerprint}) + "\n\n");
  out.append(
      std::string(T("RECOVERY CODE: write it down now. It is shown only this once and cannot be shown again.\n"
                    "It unlocks your identity without the passphrase (kartla identity recover), so keep it\n"
                    "somewhere safe and apart from the identity file. Do not store it on the same device.\n")) +
      "\n    ");
  out.append(code);
  out.append("\n\n");
  return out;
}

// The identity options from --kdf-memory-mib and --kdf-passes (0 = the library's default).
kartla_identity_options identity_options(const Args& args) {
  kartla_identity_options options;
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = u32_option(args, "--kdf-memory-mib");
  options.kdf_opslimit = u32_option(args, "--kdf-passes");
  return options;
}

// Saves a just-created identity to `path` (never over an existing file) and prints its summary
// and recovery code once (--json: as JSON). `created_line` is the summary's first line, a catalogue
// message taking the path ("Created agency identity %s"). If the code cannot be shown, the file is removed again: an identity whose
// recovery code nobody saw is a trap for later.
void save_new_identity(const Args& args, const std::string& path, kartla::identity::created& created,
                       const char* created_line) {
  created.identity.save(path, KARTLA_SAVE_CREATE_ONLY);
  const Secret out =
      new_identity_output(args, path, created_line, created.identity.fingerprint(), created.recovery_code.view());
  try {
    write_stdout(out.view());
  } catch (const Failure& f) {
    remove_file(path);
    io_error(fill(T("%1$s; %2$s was removed because its recovery code could not be shown"), {f.what(), path}));
  }
}

// Creates an identity with `create` (one of kartla::identity's create functions, given the
// passphrase and the Argon2id options) and saves it to `path` as save_new_identity does. The
// options and `path` are checked before the passphrase is asked for (twice, on a terminal), so a
// mistake costs no typing.
template <typename Create>
void create_identity(const Args& args, const std::string& path, const char* created_line, Create create) {
  const kartla_identity_options options = identity_options(args);
  check_not_stdout(path, T("an identity"));
  check_new_output(path);
  const Secret passphrase = first_passphrase(args);
  const SlowStep deriving(T("Protecting the new keys with your passphrase (Argon2id: a few seconds)..."));
  kartla::identity::created created = create(passphrase.view(), &options);
  save_new_identity(args, path, created, created_line);
}

// Unlocks the identity at positional 0 and writes its public card to --out (replacing it only
// with --force). With a non-empty `required_kind` ("agency"), an identity whose card is of
// another kind is a usage error before anything is written.
void write_identity_card(const Args& args, std::string_view required_kind) {
  const std::string& path = args.positional(0);
  const std::string out = args.required("--out");
  const bool force = args.flag("--force");
  if (same_file(path, out)) usage_error(fill(T("refusing to write the card over the identity file %s"), {path}));
  if (!force) check_new_output(out);

  const kartla::identity identity = unlock_identity(path, args);
  const kartla::buffer card = identity.card();
  if (!required_kind.empty()) {
    const std::string kind =
        parse_result<v1::CardDescription>(kartla::card_describe(card.view(), KARTLA_ENCODING_PROTOBUF)).kind();
    if (kind != required_kind)
      usage_error(fill(T("%1$s is an identity of kind '%2$s', not '%3$s' (an owner's card is written by 'kartla "
                         "identity card')"),
                       {path, kind, required_kind}));
  }
  write_file_atomically(out, card.view(), force);
  inform(fill(T("Card written to %s"), {output_name(out)}) + "\n" + fill(T("Fingerprint: %s"), {identity.fingerprint()}) + "\n");
}

std::string role_list() {
  std::string out;
  for (const std::string& role : kartla::agency_role_names()) out += (out.empty() ? "" : ", ") + role;
  return out;
}

// The library refuses an unknown role too, but only after the passphrase has been typed twice.
void check_role(const std::string& role) {
  for (const std::string& known : kartla::agency_role_names())
    if (known == role) return;
  usage_error(fill(T("unknown agency role '%1$s' (roles: %2$s)"), {role, role_list()}));
}

std::string card_report(const v1::CardDescription& card) {
  const std::string created = format_utc(card.created_at());
  std::string out;
  std::vector<Row> rows = {{T("kind:"), card.kind()}};
  if (card.kind() != "owner") {
    rows.push_back({T("name:"), printable(card.name())});
    rows.push_back({T("organisation number:"), printable(card.organisation_number())});
    rows.push_back({T("role:"), printable(card.role())});
  }
  rows.push_back({T("created:"), created});
  rows.push_back({T("fingerprint:"), card.fingerprint()});
  return aligned(rows, 22);
}

}  // namespace

Exit run_identity_new(const Args& args) {
  args.expect_positionals({});
  const std::string path = args.required("--out");
  create_identity(args, path, N_("Created identity %s"), [](std::string_view passphrase, const kartla_identity_options* options) {
    return kartla::identity::create(passphrase, options);
  });
  return Exit::ok;
}

Exit run_identity_card(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  write_identity_card(args, "");
  return Exit::ok;
}

// Locks `identity` under the new passphrase: at the Argon2id cost --kdf-memory-mib / --kdf-passes
// ask for (0 or absent: the library's default for that one), or, with neither, at the file's own
// cost. So a recovered identity can get a cheaper cost for a phone or a dearer one for a desktop.
void set_new_passphrase(kartla::identity& identity, const Args& args, const Secret& passphrase) {
  if (!args.value("--kdf-memory-mib") && !args.value("--kdf-passes")) {
    identity.set_passphrase(passphrase.view());
    return;
  }
  const kartla_identity_options options = identity_options(args);
  const std::string_view text = passphrase.view();
  kartla::check(kartla_identity_set_passphrase_with_options(
      identity.get(), &options, reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

Exit run_identity_recover(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  const std::string& path = args.positional(0);
  const Secret file = read_kartla_file(path, FileKind::identity, kSmallFileReadLimit);
  const Secret code = recovery_code(args, path);
  kartla::identity identity = kartla::identity::recover(file.view(), code.view());
  const Secret passphrase = replacement_passphrase(args);
  set_new_passphrase(identity, args, passphrase);
  identity.save(path);
  inform(fill(T("New passphrase set for %s. The recovery code stays valid."), {path}) + "\n");
  return Exit::ok;
}

Exit run_identity_passwd(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  const std::string& path = args.positional(0);
  kartla::identity identity = unlock_identity(path, args, AgentUse::never);
  const Secret passphrase = replacement_passphrase(args);
  set_new_passphrase(identity, args, passphrase);
  identity.save(path);
  inform(fill(T("Passphrase changed for %s. The recovery code stays valid."), {path}) + "\n");
  return Exit::ok;
}

Exit run_identity_fingerprint(const Args& args) {
  args.expect_positionals({"OWNER.id|OWNER.card"});
  const std::string& path = args.positional(0);
  const Secret file = read_input(path, kSmallFileReadLimit);
  std::string fingerprint;
  if (looks_like_identity_file(file.view())) {
    fingerprint = unlock_identity(path, args).fingerprint();
  } else {
    fingerprint = kartla::card_fingerprint(file.view());
  }
  write_stdout(fingerprint + "\n");
  return Exit::ok;
}

std::string_view agency_new_details() {
  // In this run's language (chosen before the command table is first read), with the library's roles.
  static const std::string details =
      T("Creates a new agency identity (Ed25519 signing and X25519 encryption keys) and writes it to\n"
        "AGENCY.id, which must not exist yet. It is protected like an owner identity: Argon2id of the\n"
        "passphrase, and a recovery code printed ONCE on standard output (keep it apart from the file).\n"
        "Its public card (`kartla agency card`) names the agency, its organisation number and role.\n"
        "\n"
        "ORGNR is a Swedish organisation number (NNNNNN-NNNN, Luhn-checked) or a Finnish business id\n"
        "(Y-tunnus, NNNNNNN-N, check digit checked). ROLE is one of:") +
      std::string("\n  ") + role_list() + "\n";
  return details;
}

Exit run_agency_new(const Args& args) {
  args.expect_positionals({});
  const std::string name = args.required("--name");
  const std::string organisation = args.required("--org");
  const std::string role = args.required("--role");
  const std::string path = args.required("--out");
  check_role(role);
  create_identity(args, path, N_("Created agency identity %s"),
                  [&](std::string_view passphrase, const kartla_identity_options* options) {
                    return kartla::identity::create_agency(name, organisation, role, passphrase, options);
                  });
  return Exit::ok;
}

Exit run_agency_card(const Args& args) {
  args.expect_positionals({"AGENCY.id"});
  write_identity_card(args, "agency");
  return Exit::ok;
}

Exit run_agency_show(const Args& args) {
  args.expect_positionals({"AGENCY.card"});
  const Secret card = read_kartla_file(args.positional(0), FileKind::card, kSmallFileReadLimit);
  const auto described = parse_result<v1::CardDescription>(kartla::card_describe(card.view(), KARTLA_ENCODING_PROTOBUF));
  write_stdout(args.flag("--json") ? json_text(described) : card_report(described));
  return Exit::ok;
}

Exit run_trust_root(const Args& args) {
  args.expect_positionals({"new"});
  if (args.positional(0) != "new") usage_error(fill(T("unknown command 'kartla trust root %s'"), {args.positional(0)}));
  const std::string name = args.required("--name");
  const std::string path = args.required("--out");
  create_identity(args, path, N_("Created trust root identity %s"),
                  [&](std::string_view passphrase, const kartla_identity_options* options) {
                    return kartla::identity::create_trust_root(name, passphrase, options);
                  });
  return Exit::ok;
}

}  // namespace kartla::cli
