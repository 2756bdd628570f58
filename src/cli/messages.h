/* SPDX-License-Identifier: Apache-2.0 */
// The CLI's words: from the library's message catalogue (kartla_message, docs/I18N.md), the same
// one the views speak from, in the language chosen once per run: --language, else the locale
// variables as gettext reads them. The extractor (src/i18n/update-catalogue.sh) knows T("text"),
// TC("context", "text"), TN("one", "many", n) and N_("text"); a literal marked any other way is not
// in the catalogue and the catalogue check fails.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {
class error;
}

namespace kartla::cli {

// The language of this run: the value of --language in `words` if there is one, else
// language_from_environment(). Called once by dispatch, before any message is printed.
void choose_language(const std::vector<std::string>& words);
// The chosen language's tag ("sv", "fi", "en", or what --language said).
const std::string& language();

// gettext's order: the locale is LC_ALL, else LC_MESSAGES, else LANG; if it is unset, "C" or
// "POSIX" (C.UTF-8 too) the messages are English and LANGUAGE is ignored, as gettext does;
// otherwise the first entry of the colon-separated LANGUAGE the catalogue holds, else the
// locale's language, else English. Reads the environment passed in (tests pass their own).
std::string language_from_environment(const char* language_list, const char* lc_all, const char* lc_messages,
                                       const char* lang);

const char* T(const char* msgid);
// Marks a literal for the catalogue where it is stored (a table of help text, exit-code meanings)
// and not yet printed: the extractor sees it, and the place that prints it translates it with T.
constexpr const char* N_(const char* msgid) { return msgid; }
const char* TC(const char* context, const char* msgid);
const char* TN(const char* singular, const char* plural, uint64_t n);

// The library's message of a failure, in the chosen language (kartla_last_error_localized). The
// library says its thread's last failure again; that is `e`'s only while kartla_last_error() is
// still the English `e` carries, so anything else (a later failure handled on the way, a message
// the CLI built) is returned as `e` has it.
std::string library_error_text(const kartla::error& e);
// The same for a failure the CLI sees as a status: the thread's last error, localized.
std::string library_error_text();

// `pattern` with each %s replaced by the next argument and %N$s by argument N: the directives
// the catalogue's c-format messages use (msgfmt --check proves a translation takes the same).
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace kartla::cli
