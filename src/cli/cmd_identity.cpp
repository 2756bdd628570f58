// `kartla identity ...`: create an owner identity, export its card, change or recover its
// passphrase, show fingerprints.
#include <cstdint>
#include <limits>
#include <string>

#include "commands.h"
#include "failure.h"
#include "files.h"
#include "json_text.h"
#include "kartla/kartla.hpp"
#include "passphrase.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

uint32_t u32_option(const Args& args, std::string_view name) {
  const auto text = args.value(name);
  return text ? static_cast<uint32_t>(parse_unsigned(*text, name, std::numeric_limits<uint32_t>::max())) : 0;
}

// docs/SPEC.md §3.1: every Kartla file starts with "KARTLA" and a file-type letter.
bool looks_like_identity_file(std::string_view bytes) { return bytes.substr(0, 7) == "KARTLAI"; }

Secret new_identity_output(const Args& args, const std::string& path, const std::string& fingerprint,
                           std::string_view code) {
  Secret out;
  if (args.flag("--json")) {
    out.append("{\"identity\": " + json_quote(path) + ", \"fingerprint\": " + json_quote(fingerprint) +
               ", \"recovery_code\": \"");
    out.append(code);  // hex digits and dashes: nothing to escape
    out.append("\"}\n");
    return out;
  }
  out.append("Created identity " + path + "\nFingerprint: " + fingerprint + "\n\n");
  out.append(
      "RECOVERY CODE: write it down now. It is shown only this once and cannot be shown again.\n"
      "It unlocks your identity without the passphrase (kartla identity recover), so keep it\n"
      "somewhere safe and apart from the identity file. Do not store it on the same device.\n\n    ");
  out.append(code);
  out.append("\n\n");
  return out;
}

}  // namespace

Exit run_identity_new(const Args& args) {
  args.expect_positionals({});
  const std::string path = args.required("--out");
  kartla_identity_options options;
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = u32_option(args, "--kdf-memory-mib");
  options.kdf_opslimit = u32_option(args, "--kdf-passes");
  check_new_output(path);

  const Secret passphrase = first_passphrase(args);
  kartla::identity::created created = kartla::identity::create(passphrase.view(), &options);
  created.identity.save(path, KARTLA_SAVE_CREATE_ONLY);
  const Secret out = new_identity_output(args, path, created.identity.fingerprint(), created.recovery_code.view());
  try {
    write_stdout(out.view());
  } catch (const Failure& f) {
    // An identity whose recovery code nobody saw is a trap for later: take it back.
    remove_file(path);
    io_error(std::string(f.what()) + "; " + path + " was removed because its recovery code could not be shown");
  }
  return Exit::ok;
}

Exit run_identity_card(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  const std::string& path = args.positional(0);
  const std::string out = args.required("--out");
  const bool force = args.flag("--force");
  if (same_file(path, out)) usage_error("refusing to write the card over the identity file " + path);
  if (!force) check_new_output(out);

  const kartla::identity identity = unlock_identity(path, args);
  const kartla::buffer card = identity.card();
  write_file_atomically(out, card.view(), force);
  write_stdout("Card written to " + out + "\nFingerprint: " + identity.fingerprint() + "\n");
  return Exit::ok;
}

Exit run_identity_recover(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  const std::string& path = args.positional(0);
  const Secret file = read_input(path, kSmallFileReadLimit);
  const Secret code = recovery_code(args, path);
  kartla::identity identity = kartla::identity::recover(file.view(), code.view());
  const Secret passphrase = replacement_passphrase(args);
  identity.set_passphrase(passphrase.view());
  identity.save(path);
  write_stdout("New passphrase set for " + path + ". The recovery code stays valid.\n");
  return Exit::ok;
}

Exit run_identity_passwd(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  const std::string& path = args.positional(0);
  kartla::identity identity = unlock_identity(path, args);
  const Secret passphrase = replacement_passphrase(args);
  identity.set_passphrase(passphrase.view());
  identity.save(path);
  write_stdout("Passphrase changed for " + path + ". The recovery code stays valid.\n");
  return Exit::ok;
}

Exit run_identity_fingerprint(const Args& args) {
  args.expect_positionals({"OWNER.id|OWNER.card"});
  const std::string& path = args.positional(0);
  const Secret file = read_input(path, kSmallFileReadLimit);
  std::string fingerprint;
  if (looks_like_identity_file(file.view())) {
    const Secret passphrase = current_passphrase(args, path);
    fingerprint = kartla::identity::open(file.view(), passphrase.view()).fingerprint();
  } else {
    fingerprint = kartla::card_fingerprint(file.view());
  }
  write_stdout(fingerprint + "\n");
  return Exit::ok;
}

}  // namespace kartla::cli
