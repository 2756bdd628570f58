#include "passphrase.h"

#include <cstdlib>
#include <optional>

#include "failure.h"
#include "files.h"
#include "terminal.h"

namespace kartla::cli {
namespace {

struct Source {
  const char* what;         // "passphrase"
  const char* file_option;  // "--passphrase-file"
  const char* env;          // "KARTLA_PASSPHRASE"
  std::string prompt;
  bool confirm;             // ask twice on a terminal
};

Secret non_empty(Secret secret, const Source& source, const std::string& from) {
  if (secret.empty()) usage_error(std::string("the ") + source.what + " from " + from + " is empty");
  return secret;
}

Secret obtain(const Args& args, const Source& source) {
  if (auto file = args.value(source.file_option))
    return non_empty(read_first_line(*file, source.what), source, *file);
  if (const char* env = std::getenv(source.env)) return non_empty(Secret(env), source, source.env);

  std::optional<Secret> typed = prompt_hidden(source.prompt.c_str());
  if (!typed)
    usage_error(std::string("no ") + source.what + ": set " + source.env + ", use " + source.file_option +
                " FILE, or run kartla on a terminal");
  Secret first = non_empty(std::move(*typed), source, "the terminal");
  if (source.confirm) {
    std::optional<Secret> again = prompt_hidden((std::string("Repeat the ") + source.what + ": ").c_str());
    if (!again || again->view() != first.view()) usage_error(std::string("the two ") + source.what + "s do not match");
  }
  return first;
}

}  // namespace

Secret current_passphrase(const Args& args, const std::string& identity_path) {
  return obtain(args, {"passphrase", "--passphrase-file", "KARTLA_PASSPHRASE",
                       "Passphrase for " + identity_path + ": ", false});
}

Secret first_passphrase(const Args& args) {
  return obtain(args, {"passphrase", "--passphrase-file", "KARTLA_PASSPHRASE", "New passphrase: ", true});
}

Secret replacement_passphrase(const Args& args) {
  return obtain(args, {"new passphrase", "--new-passphrase-file", "KARTLA_NEW_PASSPHRASE", "New passphrase: ", true});
}

Secret recovery_code(const Args& args, const std::string& identity_path) {
  return obtain(args, {"recovery code", "--recovery-code-file", "KARTLA_RECOVERY_CODE",
                       "Recovery code for " + identity_path + ": ", false});
}

}  // namespace kartla::cli
