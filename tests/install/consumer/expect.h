/* SPDX-License-Identifier: Apache-2.0 */
// The installed-copy programs' one check: prints "ok: WHAT" or "MISS: WHAT" and counts misses,
// so a program can print every check and still exit 1 on any miss.
#pragma once

#include <cstdio>

namespace consumer {

inline int misses = 0;

inline void expect(bool ok, const char* what) {
  std::printf("%s: %s\n", ok ? "ok" : "MISS", what);
  if (!ok) ++misses;
}

inline int exit_code() { return misses == 0 ? 0 : 1; }

}  // namespace consumer
