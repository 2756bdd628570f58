#include "args.h"

#include "failure.h"

namespace kartla::cli {
namespace {

const Option* find_option(const std::vector<Option>& options, std::string_view name) {
  for (const Option& o : options)
    if (o.name == name) return &o;
  return nullptr;
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
    if (option == nullptr) usage_error("unknown option '" + name + "' (see --help)");
    if (values_.count(name) != 0 || flags_.count(name) != 0) usage_error(name + " is given more than once");
    if (!option->takes_value()) {
      if (eq != std::string::npos) usage_error(name + " takes no value");
      flags_.insert(name);
      continue;
    }
    if (eq != std::string::npos) {
      values_[name] = word.substr(eq + 1);
    } else {
      if (i + 1 >= words.size()) usage_error(name + " needs a value: " + name + " " + std::string(option->metavar));
      values_[name] = words[++i];
    }
    if (values_[name].empty()) usage_error(name + " needs a non-empty value");
  }
}

std::optional<std::string> Args::value(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::required(std::string_view name) const {
  auto v = value(name);
  if (!v) usage_error("missing " + std::string(name) + " (see --help)");
  return *v;
}

void Args::expect_positionals(const std::vector<std::string_view>& names) const {
  if (positionals_.size() < names.size())
    usage_error("missing argument " + std::string(names[positionals_.size()]) + " (see --help)");
  if (positionals_.size() > names.size()) usage_error("unexpected argument '" + positionals_[names.size()] + "'");
}

bool wants_help(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w == "--") return false;
    if (w == "--help" || w == "-h") return true;
  }
  return false;
}

uint64_t parse_unsigned(std::string_view text, std::string_view what, uint64_t max) {
  if (text.empty() || text.size() > 20) usage_error(std::string(what) + " must be a number, not '" + std::string(text) + "'");
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') usage_error(std::string(what) + " must be a number, not '" + std::string(text) + "'");
    const auto digit = static_cast<uint64_t>(c - '0');
    if (value > (max - digit) / 10) usage_error(std::string(what) + " is too large (at most " + std::to_string(max) + ")");
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace kartla::cli
