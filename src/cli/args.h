// A tiny option parser shared by every command: `--name value`, `--name=value`, flags, `--` to
// end options, and `-` as an ordinary argument (stdin). Anything else is a usage error.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::cli {

struct Option {
  std::string_view name;     // "--owner"
  std::string_view metavar;  // "OWNER.id"; empty for a flag that takes no value
  std::string_view help;     // one line for `kartla COMMAND --help`
  bool takes_value() const noexcept { return !metavar.empty(); }
};

class Args {
 public:
  // Throws a usage Failure for an unknown option, a missing value or an option given twice.
  Args(const std::vector<std::string>& words, const std::vector<Option>& options);

  bool flag(std::string_view name) const { return flags_.count(name) != 0; }
  std::optional<std::string> value(std::string_view name) const;
  std::string required(std::string_view name) const;

  // Exactly these positional arguments, named for the error message.
  void expect_positionals(const std::vector<std::string_view>& names) const;
  const std::string& positional(size_t index) const { return positionals_.at(index); }
  size_t positional_count() const { return positionals_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::set<std::string, std::less<>> flags_;
  std::vector<std::string> positionals_;
};

// Is `--help` or `-h` among the words (before any `--`)?
bool wants_help(const std::vector<std::string>& words);

// A non-negative decimal integer no larger than max; a usage Failure naming `what` otherwise.
uint64_t parse_unsigned(std::string_view text, std::string_view what, uint64_t max);

}  // namespace kartla::cli
