// SPDX-License-Identifier: Apache-2.0
// The command line's words and what they mean (args.h): the option parser, then numbers, dates,
// --section and --language, each a usage Failure naming the option when it is wrong.
#include "args.h"
#include "messages.h"

#include <cstdio>

#include "output.h"

namespace kartla::cli {
namespace {

const Option* find_option(const std::vector<Option>& options, std::string_view name) {
  for (const Option& o : options)
    if (o.name == name) return &o;
  return nullptr;
}

constexpr int64_t kSecondsPerDay = 86400;

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01):
// exact for every date, with no dependence on the C library's time zone or time_t width.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int64_t year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The decimal number in text[at, at + width), or -1 if any of it is not a digit.
int64_t digits(std::string_view text, size_t at, size_t width) {
  int64_t value = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

[[noreturn]] void bad_form(std::string_view text, std::string_view what) {
  usage_error(fill(T("%1$s must be a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM:SSZ, not '%2$s'"), {what, text}));
}

[[noreturn]] void not_a_number(std::string_view text, std::string_view what) {
  usage_error(fill(T("%1$s must be a number, not '%2$s'"), {what, text}));
}

std::string two(unsigned v) {
  char out[4];
  std::snprintf(out, sizeof out, "%02u", v % 100);
  return out;
}

std::string date_text(const Civil& c) {
  char out[16];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month, c.day);
  return out;
}

}  // namespace

Args::Args(const std::vector<std::string>& words, const std::vector<Option>& options) {
  bool options_ended = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (options_ended || word == "-" || word.rfind('-', 0) != 0) {
      positionals_.push_back(word);
      continue;
    }
    if (word == "--") {
      options_ended = true;
      continue;
    }
    const size_t eq = word.find('=');
    const std::string name = word.substr(0, eq);
    const Option* option = find_option(options, name);
    if (option == nullptr) usage_error(fill(T("unknown option '%s' (see --help)"), {name}));
    if ((values_.count(name) != 0 && !option->repeatable) || flags_.count(name) != 0)
      usage_error(fill(T("%s is given more than once"), {name}));
    if (!option->takes_value()) {
      if (eq != std::string::npos) usage_error(fill(T("%s takes no value"), {name}));
      flags_.insert(name);
      continue;
    }
    std::string value;
    if (eq != std::string::npos) {
      value = word.substr(eq + 1);
    } else {
      if (i + 1 >= words.size()) usage_error(fill(T("%1$s needs a value: %1$s %2$s"), {name, option->metavar}));
      value = words[++i];
    }
    if (value.empty()) usage_error(fill(T("%s needs a non-empty value"), {name}));
    values_.emplace(name, value);  // the first value stays: value() reads it
    repeated_[name].push_back(std::move(value));
  }
}

std::optional<std::string> Args::value(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::values(std::string_view name) const {
  const auto it = repeated_.find(name);
  return it == repeated_.end() ? std::vector<std::string>() : it->second;
}

std::string Args::required(std::string_view name) const {
  auto v = value(name);
  if (!v) usage_error(fill(T("missing %s (see --help)"), {name}));
  return *v;
}

void Args::expect_positionals(const std::vector<std::string_view>& names) const {
  if (positionals_.size() < names.size())
    usage_error(fill(T("missing argument %s (see --help)"), {names[positionals_.size()]}));
  if (positionals_.size() > names.size()) usage_error(fill(T("unexpected argument '%s'"), {positionals_[names.size()]}));
}

std::optional<std::string> renamed_value(const Args& args, std::string_view current, std::string_view deprecated) {
  std::optional<std::string> value = args.value(current);
  const std::optional<std::string> old = args.value(deprecated);
  if (value && old) usage_error(fill(T("%1$s is the old spelling of %2$s; give one"), {deprecated, current}));
  if (!old) return value;
  warn(fill(T("%1$s is the old spelling of %2$s here and will be removed; use %2$s (one option, one meaning)"),
            {deprecated, current}));
  return old;
}

std::string renamed_required(const Args& args, std::string_view current, std::string_view deprecated) {
  std::optional<std::string> value = renamed_value(args, current, deprecated);
  if (!value) usage_error(fill(T("missing %s"), {current}));
  return *value;
}

bool wants_help(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w == "--") return false;
    if (w == "--help" || w == "-h") return true;
  }
  return false;
}

uint64_t parse_unsigned(std::string_view text, std::string_view what, uint64_t max) {
  if (text.empty() || text.size() > 20) not_a_number(text, what);
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') not_a_number(text, what);
    const auto digit = static_cast<uint64_t>(c - '0');
    if (value > (max - digit) / 10) usage_error(fill(T("%1$s is too large (at most %2$s)"), {what, std::to_string(max)}));
    value = value * 10 + digit;
  }
  return value;
}

int64_t parse_time_arg(std::string_view text, std::string_view what, DateMeaning meaning) {
  const bool date_only = text.size() == 10;
  if (!date_only && text.size() != 20) bad_form(text, what);
  if (text[4] != '-' || text[7] != '-') bad_form(text, what);
  const int64_t year = digits(text, 0, 4);
  const int64_t month = digits(text, 5, 2);
  const int64_t day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) bad_form(text, what);
  if (year < 1970) usage_error(fill(T("%1$s must be in 1970 or later, not '%2$s'"), {what, text}));
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, static_cast<unsigned>(month)))
    usage_error(fill(T("%1$s: there is no such date as %2$s"), {what, text.substr(0, 10)}));

  int64_t seconds = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kSecondsPerDay;
  if (date_only) {
    if (meaning == DateMeaning::through_day) seconds += kSecondsPerDay;
  } else {
    if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') bad_form(text, what);
    const int64_t h = digits(text, 11, 2);
    const int64_t m = digits(text, 14, 2);
    const int64_t s = digits(text, 17, 2);
    if (h < 0 || m < 0 || s < 0) bad_form(text, what);
    // No leap second (:60): Unix time has no name for it.
    if (h > 23 || m > 59 || s > 59) usage_error(fill(T("%1$s: there is no such time as %2$s"), {what, text}));
    seconds += h * 3600 + m * 60 + s;
  }
  if (seconds <= 0) usage_error(fill(T("%s must be after 1970-01-01T00:00:00Z"), {what}));
  return seconds;
}

std::string format_utc(int64_t unix_seconds) {
  int64_t days = unix_seconds / kSecondsPerDay;
  int64_t rest = unix_seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    --days;
  }
  const auto r = static_cast<unsigned>(rest);
  return date_text(civil_from_days(days)) + "T" + two(r / 3600) + ":" + two(r / 60 % 60) + ":" + two(r % 60) + "Z";
}

std::string last_valid_day(int64_t unix_seconds) {
  if (unix_seconds <= 0 || unix_seconds % kSecondsPerDay != 0) return {};
  return date_text(civil_from_days(unix_seconds / kSecondsPerDay - 1));
}

std::string section_option(const Args& args) {
  const std::string name = args.required("--section");
  std::string valid;
  for (const std::string& known : kartla::section_names()) {
    if (known == name) return name;
    valid += (valid.empty() ? "" : ", ") + known;
  }
  usage_error(fill(T("unknown section '%1$s'; the sections are: %2$s"), {name, valid}));
}

kartla::view_options view_options_from(const Args& args) {
  kartla::view_options options;
  if (const auto language = args.value("--language")) {
    // The library checks the length; the shape check here gives a clearer message for typos.
    for (char c : *language) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) usage_error(fill(T("--language must be a language tag such as sv, fi or en, not '%s'"), {*language}));
    }
    options.language = *language;
  } else {
    options.language = cli::language();  // the locale's, as for every message
  }
  return options;
}

}  // namespace kartla::cli
