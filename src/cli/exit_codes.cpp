#include "exit_codes.h"

namespace kartla::cli {

Exit exit_for(kartla_status status) {
  switch (status) {
    case KARTLA_OK: return Exit::ok;
    case KARTLA_E_INVALID_ARGUMENT:
    case KARTLA_E_SCHEMA: return Exit::usage;
    case KARTLA_E_NOT_SHARED:
    case KARTLA_E_NOT_FOUND:
    case KARTLA_E_EXPIRED: return Exit::not_available;
    case KARTLA_E_FORMAT:
    case KARTLA_E_LIMIT:
    case KARTLA_E_VERSION:
    case KARTLA_E_SIGNATURE:
    case KARTLA_E_INTEGRITY: return Exit::verification;
    case KARTLA_E_AUTH: return Exit::auth;
    case KARTLA_E_IO:
    case KARTLA_E_BUSY: return Exit::io;
    case KARTLA_E_ROLLBACK: return Exit::older_copy;
    case KARTLA_E_NO_MEMORY:
    case KARTLA_E_CRYPTO:
    case KARTLA_E_INTERNAL: return Exit::internal;
  }
  return Exit::internal;  // a status newer than this CLI
}

const std::vector<ExitClass>& exit_classes() {
  static const std::vector<ExitClass> table = {
      {Exit::ok, "success"},
      {Exit::internal, "internal error (a bug, out of memory): please report it"},
      {Exit::usage, "usage: bad arguments, unknown section, content not matching the section's schema"},
      {Exit::not_available, "not available to you: section not in the record, not shared with you, or expired"},
      {Exit::verification, "verification failed: malformed, tampered with, truncated, too large, other version"},
      {Exit::auth, "wrong passphrase, wrong recovery code, or a record of another identity"},
      {Exit::io, "I/O: a file could not be read or written, or another program is saving it"},
      {Exit::older_copy, "older copy: authentic, but its sequence is below --last-seen"},
  };
  return table;
}

}  // namespace kartla::cli
