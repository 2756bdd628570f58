/* SPDX-License-Identifier: Apache-2.0 */
// Text helpers for views: picking a translation, escaping for XML (SVG), and measuring UTF-8
// by characters (column widths and truncation must not split a multi-byte character).
#pragma once

#include <string>
#include <string_view>

#include <google/protobuf/repeated_field.h>
#include "kartla/v1/types.pb.h"

namespace kartla::views {

using LocalizedList = google::protobuf::RepeatedPtrField<v1::LocalizedText>;

// The text in `language` (exact tag, then the same primary language, e.g. "sv" for
// "sv-x-placeholder"), else English, else the first; empty if the list is empty.
std::string localized(const LocalizedList& texts, std::string_view language);

// Text safe inside an XML element or attribute value: & < > " ' escaped, control characters and
// invalid UTF-8 replaced (XML 1.0 forbids them even escaped).
std::string xml_escape(std::string_view text);

// Control characters (newlines in user text) become spaces, so one value stays on one line.
std::string one_line(std::string_view text);

// Number of characters (code points) of valid UTF-8.
size_t display_width(std::string_view text);
// At most `width` characters, the last one "…" when cut.
std::string truncate_to(std::string_view text, size_t width);
// Left-aligned in a column of `width` characters (never cut; at least one space follows).
std::string pad_right(std::string_view text, size_t width);

// "PLAN_STATUS_ONGOING" -> "ongoing" given the prefix "PLAN_STATUS_"; "WORK_TRIAL" -> "work trial".
std::string humanize_enum(std::string_view name, std::string_view prefix = {});

}  // namespace kartla::views
