// Dates and times on the command line (--expires, --at) and in what the CLI prints: always UTC,
// always RFC 3339, so a caseworker in Malmö and a server in Helsinki read the same instant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kartla::cli {

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

}  // namespace kartla::cli
