// JSON string literals for the few reports the C ABI builds by hand (names and purposes are
// user text and must be escaped).
#pragma once

#include <string>
#include <string_view>

namespace kartla::capi {

std::string json_string(std::string_view text);

}  // namespace kartla::capi
