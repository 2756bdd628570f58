/* SPDX-License-Identifier: Apache-2.0 */
// The views' words come from the message catalogue (src/i18n, docs/I18N.md). These helpers are
// the keywords the catalogue's extractor knows (src/i18n/update-catalogue.sh): tr(lang, "text"),
// trc(lang, "context", "text"), trn(lang, "one", "many", n); a literal marked any other way is
// not extracted, and the catalogue check fails on it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "i18n/messages.h"
#include "views/view_options.h"

namespace kartla::views {

using i18n::Language;

inline Language language_of(const ViewOptions& options) { return i18n::language_from_tag(options.language); }

inline std::string tr(Language language, std::string_view msgid) { return std::string(i18n::text(language, {}, msgid)); }
inline std::string trc(Language language, std::string_view context, std::string_view msgid) {
  return std::string(i18n::text(language, context, msgid));
}
inline std::string trn(Language language, std::string_view singular, std::string_view plural, uint64_t n) {
  return std::string(i18n::plural(language, {}, singular, plural, n));
}
// A translated pattern with its %s filled in.
inline std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  return i18n::format(pattern, args);
}

}  // namespace kartla::views
