// Errors the CLI raises itself (as opposed to kartla::error from the library). main() turns
// each into one `kartla: error:` line and its exit code.
#pragma once

#include <stdexcept>
#include <string>

#include "exit_codes.h"

namespace kartla::cli {

class Failure : public std::runtime_error {
 public:
  Failure(Exit code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Exit code() const noexcept { return code_; }

 private:
  Exit code_;
};

[[noreturn]] inline void usage_error(const std::string& message) { throw Failure(Exit::usage, message); }
[[noreturn]] inline void io_error(const std::string& message) { throw Failure(Exit::io, message); }

}  // namespace kartla::cli
