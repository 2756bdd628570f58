/* SPDX-License-Identifier: Apache-2.0 */
// Internal: echo a piece of (possibly hostile) input inside a message, bounded in length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kartla::model {

inline std::string quote(std::string_view s) {
  constexpr size_t kMax = 64;
  std::string q = "\"";
  q.append(s.substr(0, kMax));
  if (s.size() > kMax) q += "…";
  q += '"';
  return q;
}

}  // namespace kartla::model
