// SPDX-License-Identifier: Apache-2.0
#include "messages.h"

#include <cstdlib>
#include <string_view>

#include "kartla/kartla.hpp"

namespace kartla::cli {
namespace {

std::string& chosen() {
  static std::string language = "en";
  return language;
}

bool set(const char* value) { return value != nullptr && value[0] != '\0'; }

std::string primary(std::string_view tag) { return std::string(tag.substr(0, tag.find_first_of("-_.@"))); }

bool held(std::string_view tag) {
  const std::string p = primary(tag);
  return p == "sv" || p == "fi" || p == "en";
}

}  // namespace

std::string language_from_environment(const char* language_list, const char* lc_all, const char* lc_messages,
                                       const char* lang) {
  const char* locale = set(lc_all) ? lc_all : set(lc_messages) ? lc_messages : set(lang) ? lang : nullptr;
  if (locale == nullptr) return "en";
  const std::string_view name(locale);
  if (name == "C" || name == "POSIX" || name.rfind("C.", 0) == 0) return "en";
  if (set(language_list)) {
    std::string_view list(language_list);
    while (!list.empty()) {
      const size_t colon = list.find(':');
      const std::string_view entry = list.substr(0, colon);
      if (held(entry)) return primary(entry);
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  }
  return held(name) ? primary(name) : "en";
}

void choose_language(const std::vector<std::string>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--language" && i + 1 < words.size()) {
      chosen() = words[i + 1];
      return;
    }
    if (words[i].rfind("--language=", 0) == 0) {
      chosen() = words[i].substr(11);
      return;
    }
  }
  chosen() = language_from_environment(std::getenv("LANGUAGE"), std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                                       std::getenv("LANG"));
}

const std::string& language() { return chosen(); }

std::string library_error_text(const kartla::error& e) {
  if (std::string_view(kartla_last_error()) != e.what()) return e.what();
  return library_error_text();
}

std::string library_error_text() { return kartla_last_error_localized(chosen().c_str()); }

const char* T(const char* msgid) { return kartla_message(chosen().c_str(), nullptr, msgid); }
const char* TC(const char* context, const char* msgid) { return kartla_message(chosen().c_str(), context, msgid); }
const char* TN(const char* singular, const char* plural, uint64_t n) {
  return kartla_message_plural(chosen().c_str(), nullptr, singular, plural, n);
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 >= pattern.size()) {
      out += pattern[i];
      continue;
    }
    if (pattern[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    size_t j = i + 1;
    size_t position = 0;
    while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9' && position < 100)
      position = position * 10 + static_cast<size_t>(pattern[j++] - '0');
    size_t index = next;
    if (position > 0 && j + 1 < pattern.size() && pattern[j] == '$' && pattern[j + 1] == 's') {
      index = position - 1;
      j += 2;
    } else if (position == 0 && j < pattern.size() && pattern[j] == 's') {
      ++next;
      ++j;
    } else {
      out += pattern[i];
      continue;
    }
    if (index < args.size()) out += *(args.begin() + index);
    i = j - 1;
  }
  return out;
}

}  // namespace kartla::cli
