/* SPDX-License-Identifier: Apache-2.0 */
// The command line's words and what they mean. A tiny option parser shared by every command:
// `--name value`, `--name=value`, flags, `--` to end options, and `-` as an ordinary argument
// (stdin); anything else is a usage error. Then the values every command checks the same way,
// before any passphrase is asked for or any file is touched: numbers, dates and times, --section,
// --language.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kartla/kartla.hpp"

namespace kartla::cli {

struct Option {
  std::string_view name;     // "--owner"
  std::string_view metavar;  // "OWNER.id"; empty for a flag that takes no value
  std::string_view help;     // one line for `kartla COMMAND --help`
  bool repeatable = false;   // may be given more than once (`share --to A --to B`); see Args::values
  bool takes_value() const noexcept { return !metavar.empty(); }
};

class Args {
 public:
  // Throws a usage Failure for an unknown option, a missing value or an option given twice.
  Args(const std::vector<std::string>& words, const std::vector<Option>& options);

  bool flag(std::string_view name) const { return flags_.count(name) != 0; }
  std::optional<std::string> value(std::string_view name) const;
  std::string required(std::string_view name) const;
  // Every value of a repeatable option, in command-line order (value() gives the first).
  std::vector<std::string> values(std::string_view name) const;

  // Exactly these positional arguments, named for the error message.
  void expect_positionals(const std::vector<std::string_view>& names) const;
  const std::string& positional(size_t index) const { return positionals_.at(index); }
  size_t positional_count() const { return positionals_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::map<std::string, std::vector<std::string>, std::less<>> repeated_;
  std::set<std::string, std::less<>> flags_;
  std::vector<std::string> positionals_;
};

// One flag, one meaning: an option renamed so that `--json` only ever switches output to JSON and
// `--from` only ever names the agency a grant is taken from. The value of `current` (`--in`), or
// else of the old spelling `deprecated` (`--json FILE`), still accepted with a warning on stderr;
// both at once is a usage error.
std::optional<std::string> renamed_value(const Args& args, std::string_view current, std::string_view deprecated);
// The same for a required option: a usage Failure naming `current` if neither is given.
std::string renamed_required(const Args& args, std::string_view current, std::string_view deprecated);

// Is `--help` or `-h` among the words (before any `--`)?
bool wants_help(const std::vector<std::string>& words);

// A non-negative decimal integer no larger than max; a usage Failure naming `what` otherwise.
uint64_t parse_unsigned(std::string_view text, std::string_view what, uint64_t max);

// --- dates and times -----------------------------------------------------------------------

// Dates and times on the command line (--expires, --at) and in what the CLI prints: always UTC,
// always RFC 3339, so a caseworker in Malmö and a server in Helsinki read the same instant.

// What a bare date (YYYY-MM-DD) stands for.
enum class DateMeaning {
  start_of_day,  // --at 2027-03-01: 2027-03-01T00:00:00Z
  through_day,   // --expires 2027-03-01: valid all of that day, so 2027-03-02T00:00:00Z
};

// Unix seconds for YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (years 1970..9999). Anything else, an
// impossible date (2027-02-30) or the epoch itself (0 means "now" to the library) is a usage
// Failure naming `what`.
int64_t parse_time_arg(std::string_view text, std::string_view what, DateMeaning meaning);

// "2027-03-02T00:00:00Z".
std::string format_utc(int64_t unix_seconds);

// "2027-03-01" for the day that ends just before `unix_seconds` when it is a midnight (how an
// expiry given as --expires 2027-03-01 reads back); empty if it is not a midnight.
std::string last_valid_day(int64_t unix_seconds);

// --- sections and views --------------------------------------------------------------------

// The value of --section, checked against the library's section list; a usage Failure listing
// the valid names if it is not one of them.
std::string section_option(const Args& args);

// --language LANG (labels of instruments and scales; English by default).
kartla::view_options view_options_from(const Args& args);

}  // namespace kartla::cli
