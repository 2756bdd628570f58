/* SPDX-License-Identifier: Apache-2.0 */
// The library's message catalogue at run time: every text a person reads (view labels, field
// names, code-system labels, CLI messages) is looked up here by its English source text (the
// msgid) and an optional context. The catalogues are gettext .po files in this folder, compiled
// by msgfmt at build time and embedded in the library, so a lookup needs no locale, no
// setlocale and no file (docs/I18N.md says why glibc's dgettext does not fit).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kartla::i18n {

// The languages the catalogue holds. English is the source language: its catalogue holds only
// the few places where the participant's English differs from the code's. Arabic, Somali,
// Tigrinya and Dari are the web app's languages beyond the three above: their catalogues cover
// every message the views use (the CLI's own messages may stay English there).
enum class Language { en, sv, fi, ar, so, ti, fa_AF };

// "sv", "sv-SE", "sv_SE.UTF-8", "fi-x-placeholder" -> the language; anything else -> English.
// Dari is Afghan Persian: "fa", "fa-AF", "fa_AF" and "prs" (its ISO 639-3 code) all name it.
Language language_from_tag(std::string_view tag);
std::string_view language_tag(Language language);  // "en", "sv", "fi", "ar", "so", "ti", "fa-AF"
// True when the tag names a language the catalogue holds (the primary subtag only).
bool language_known(std::string_view tag);

// The translation of `msgid` (in `context`, empty for none) into `language`; `msgid` itself when
// the catalogue has none. The returned view points into the embedded catalogue or at `msgid`.
std::string_view text(Language language, std::string_view context, std::string_view msgid);
// The plural form for `n` of the message whose English forms are `singular` and `plural`.
std::string_view plural(Language language, std::string_view context, std::string_view singular,
                        std::string_view plural_form, uint64_t n);
// Whether the catalogue of `language` translates the message (tests and the catalogue check).
bool has_translation(Language language, std::string_view context, std::string_view msgid);

// `pattern` with each `%s` replaced by the next argument and `%N$s` by argument N (1-based),
// `%%` by `%`; the only directives the catalogue's c-format messages use, so `msgfmt --check`
// proves a translation takes the same arguments. A directive without an argument becomes "".
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace kartla::i18n

// Marks a literal for xgettext where the lookup happens elsewhere (tables of labels): the
// extractor reads `KARTLA_N_("context", "text")` and the code sees the text alone.
#define KARTLA_N_(context, text) text
