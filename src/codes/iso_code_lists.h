/* SPDX-License-Identifier: Apache-2.0 */
// Membership in the ISO code lists Kartla embeds (country and language codes). Case-sensitive:
// Kartla stores country codes upper case and language codes lower case (docs/MODEL.md, Code systems).
#pragma once

#include <string_view>

namespace kartla::codes {

bool is_iso3166_alpha2(std::string_view code);  // "SE", "FI"
bool is_iso639_1(std::string_view code);        // "sv", "ar"
bool is_iso639_3(std::string_view code);        // "swe", "kmr", "ckb"

}  // namespace kartla::codes
