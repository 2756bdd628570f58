#include "unlock.h"

#include "files.h"
#include "passphrase.h"

namespace kartla::cli {

kartla::identity unlock_identity(const std::string& path, const Args& args) {
  const Secret file = read_input(path, kSmallFileReadLimit);
  const Secret passphrase = current_passphrase(args, path);
  return kartla::identity::open(file.view(), passphrase.view());
}

}  // namespace kartla::cli
