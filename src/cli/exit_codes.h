// The CLI's exit codes: one per group of the library's error classes (docs/SPEC.md §11), documented
// in `kartla --help` and the README.
#pragma once

#include <vector>

#include "kartla/kartla.h"

namespace kartla::cli {

enum class Exit : int {
  ok = 0,
  internal = 1,       // a bug, out of memory, or something unexpected
  usage = 2,          // bad arguments, unknown section, content not matching the schema
  not_available = 3,  // section not in the record, not shared with you, or expired
  verification = 4,   // the file is malformed, tampered with, too large or of another version
  auth = 5,           // wrong passphrase, wrong recovery code, or not this identity's record
  io = 6,             // the operating system refused a read or write, or the file is busy
  older_copy = 7,     // authentic, but older than the sequence given with --last-seen
};

// The one place a library status becomes an exit code.
Exit exit_for(kartla_status status);

struct ExitClass {
  Exit code;
  const char* meaning;
};
// Every exit code with its meaning, in order, for `kartla --help`.
const std::vector<ExitClass>& exit_classes();

}  // namespace kartla::cli
