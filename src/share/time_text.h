/* SPDX-License-Identifier: Apache-2.0 */
#pragma once

#include <cstdint>
#include <string>

namespace kartla::share {

// "2026-11-23T10:00:00Z" for Unix seconds (UTC), for messages and the sharing ledger.
std::string format_utc(int64_t unix_seconds);

}  // namespace kartla::share
