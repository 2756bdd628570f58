// `kartla identity ...`: create an owner identity, export its card, change or recover its
// passphrase, show fingerprints.
#include <string>

#include "commands.h"
#include "files.h"
#include "identity_files.h"
#include "kartla/kartla.hpp"
#include "passphrase.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

// docs/SPEC.md §3.1: every Kartla file starts with "KARTLA" and a file-type letter.
bool looks_like_identity_file(std::string_view bytes) { return bytes.substr(0, 7) == "KARTLAI"; }

}  // namespace

Exit run_identity_new(const Args& args) {
  args.expect_positionals({});
  const std::string path = args.required("--out");
  const kartla_identity_options options = identity_options(args);
  check_new_output(path);

  const Secret passphrase = first_passphrase(args);
  kartla::identity::created created = kartla::identity::create(passphrase.view(), &options);
  save_new_identity(args, path, created, "identity");
  return Exit::ok;
}

Exit run_identity_card(const Args& args) {
  args.expect_positionals({"OWNER.id"});
  write_identity_card(args, "");
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
