/* SPDX-License-Identifier: Apache-2.0 */
// The one formatter of the catalogue's c-format messages (docs/I18N.md): `%s` takes the next
// argument, `%N$s` argument N (1-based, so a translation may reorder them), `%%` is `%`. Those
// are the only directives the catalogue uses, so `msgfmt --check` proves a translation takes the
// same arguments as its English. It lives in base because an error's English text (what()) is
// formatted where the error is raised, below the catalogue's layer; the catalogue formats its
// translations with the same function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kartla {

// `[first, last)` are the arguments (anything convertible to std::string_view). A directive
// without an argument becomes ""; a `%` that starts no directive is kept as written.
template <typename Iterator>
std::string format_message(std::string_view pattern, Iterator first, Iterator last) {
  const auto count = static_cast<size_t>(last - first);
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
    if (index < count) out += std::string_view(*(first + static_cast<std::ptrdiff_t>(index)));
    i = j - 1;
  }
  return out;
}

}  // namespace kartla
