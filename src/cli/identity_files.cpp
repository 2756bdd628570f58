#include "identity_files.h"

#include <cstdint>
#include <limits>

#include "failure.h"
#include "files.h"
#include "results.h"
#include "cli_output.pb.h"
#include "json_output.h"
#include "secret.h"
#include "unlock.h"

namespace kartla::cli {
namespace {

uint32_t u32_option(const Args& args, std::string_view name) {
  const auto text = args.value(name);
  return text ? static_cast<uint32_t>(parse_unsigned(*text, name, std::numeric_limits<uint32_t>::max())) : 0;
}

Secret new_identity_output(const Args& args, const std::string& path, std::string_view kind,
                           const std::string& fingerprint, std::string_view code) {
  Secret out;
  if (args.flag("--json")) {
    IdentityCreated created;
    created.set_identity(path);
    created.set_fingerprint(fingerprint);
    created.set_recovery_code(code.data(), code.size());
    out = secret_json_text(created);
    // The message's copy of the code is wiped before it is freed.
    std::string* held = created.mutable_recovery_code();
    wipe(held->data(), held->size());
    return out;
  }
  out.append("Created " + std::string(kind) + " " + path + "\nFingerprint: " + fingerprint + "\n\n");
  out.append(
      "RECOVERY CODE: write it down now. It is shown only this once and cannot be shown again.\n"
      "It unlocks your identity without the passphrase (kartla identity recover), so keep it\n"
      "somewhere safe and apart from the identity file. Do not store it on the same device.\n\n    ");
  out.append(code);
  out.append("\n\n");
  return out;
}

}  // namespace

kartla_identity_options identity_options(const Args& args) {
  kartla_identity_options options;
  kartla_identity_options_init(&options);
  options.kdf_memlimit_mib = u32_option(args, "--kdf-memory-mib");
  options.kdf_opslimit = u32_option(args, "--kdf-passes");
  return options;
}

void save_new_identity(const Args& args, const std::string& path, kartla::identity::created& created,
                       std::string_view kind) {
  created.identity.save(path, KARTLA_SAVE_CREATE_ONLY);
  const Secret out =
      new_identity_output(args, path, kind, created.identity.fingerprint(), created.recovery_code.view());
  try {
    write_stdout(out.view());
  } catch (const Failure& f) {
    remove_file(path);
    io_error(std::string(f.what()) + "; " + path + " was removed because its recovery code could not be shown");
  }
}

void write_identity_card(const Args& args, std::string_view required_kind) {
  const std::string& path = args.positional(0);
  const std::string out = args.required("--out");
  const bool force = args.flag("--force");
  if (same_file(path, out)) usage_error("refusing to write the card over the identity file " + path);
  if (!force) check_new_output(out);

  const kartla::identity identity = unlock_identity(path, args);
  const kartla::buffer card = identity.card();
  if (!required_kind.empty()) {
    const std::string kind =
        parse_result<v1::CardDescription>(kartla::card_describe(card.view(), KARTLA_ENCODING_PROTOBUF)).kind();
    if (kind != required_kind)
      usage_error(path + " is an identity of kind '" + kind + "', not '" + std::string(required_kind) +
                  "' (an owner's card is written by 'kartla identity card')");
  }
  write_file_atomically(out, card.view(), force);
  write_stdout("Card written to " + out + "\nFingerprint: " + identity.fingerprint() + "\n");
}

}  // namespace kartla::cli
