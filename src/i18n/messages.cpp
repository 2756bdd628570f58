// SPDX-License-Identifier: Apache-2.0
#include "i18n/messages.h"

#include "base/message_format.h"
#include "i18n/embedded.h"
#include "i18n/mo_reader.h"

namespace kartla::i18n {
namespace {

// Parsed once, on first use (thread-safe static initialisation), and never changed: no
// process-wide mutable state.
const MoCatalogue& catalogue(Language language) {
  static const MoCatalogue sv(embedded_catalogue_sv());
  static const MoCatalogue fi(embedded_catalogue_fi());
  static const MoCatalogue en(embedded_catalogue_en());
  static const MoCatalogue ar(embedded_catalogue_ar());
  static const MoCatalogue so(embedded_catalogue_so());
  static const MoCatalogue ti(embedded_catalogue_ti());
  static const MoCatalogue fa_AF(embedded_catalogue_fa_AF());
  switch (language) {
    case Language::sv: return sv;
    case Language::fi: return fi;
    case Language::ar: return ar;
    case Language::so: return so;
    case Language::ti: return ti;
    case Language::fa_AF: return fa_AF;
    case Language::en: break;
  }
  return en;
}

std::string key_of(std::string_view context, std::string_view msgid) {
  std::string key;
  if (!context.empty()) {
    key.assign(context);
    key += '\x04';  // gettext's separator between msgctxt and msgid
  }
  key += msgid;
  return key;
}

// The plural rule of every catalogue, "nplurals=2; plural=(n != 1);". The catalogue check
// (tests/i18n) fails when a .po file declares another rule, so evaluating gettext's plural
// expression language is not needed; a language with other rules would add its own case here.
size_t plural_index(Language, uint64_t n) { return n == 1 ? 0 : 1; }

}  // namespace

namespace {

struct KnownLanguage {
  std::string_view primary;  // the tag's primary subtag, as a locale name or BCP 47 writes it
  Language language;
};

// "prs" is Dari's ISO 639-3 code; the web app and gettext name the locale fa_AF.
constexpr KnownLanguage kKnownLanguages[] = {
    {"en", Language::en}, {"sv", Language::sv}, {"fi", Language::fi},  {"ar", Language::ar},
    {"so", Language::so}, {"ti", Language::ti}, {"fa", Language::fa_AF}, {"prs", Language::fa_AF},
};

const KnownLanguage* find_language(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_.@"));
  for (const KnownLanguage& known : kKnownLanguages)
    if (known.primary == primary) return &known;
  return nullptr;
}

}  // namespace

Language language_from_tag(std::string_view tag) {
  const KnownLanguage* known = find_language(tag);
  return known != nullptr ? known->language : Language::en;
}

bool language_known(std::string_view tag) { return find_language(tag) != nullptr; }

std::string_view language_tag(Language language) {
  switch (language) {
    case Language::sv: return "sv";
    case Language::fi: return "fi";
    case Language::ar: return "ar";
    case Language::so: return "so";
    case Language::ti: return "ti";
    case Language::fa_AF: return "fa-AF";
    case Language::en: break;
  }
  return "en";
}

std::string_view text(Language language, std::string_view context, std::string_view msgid) {
  const std::string_view found = catalogue(language).find(key_of(context, msgid));
  // msgfmt leaves untranslated entries out, and an entry whose first form is empty is untranslated.
  const std::string_view first = plural_form(found, 0);
  return first.empty() ? msgid : first;
}

std::string_view plural(Language language, std::string_view context, std::string_view singular,
                        std::string_view plural_form_en, uint64_t n) {
  const std::string_view found = catalogue(language).find(key_of(context, singular));
  const std::string_view form = plural_form(found, plural_index(language, n));
  if (!form.empty()) return form;
  return n == 1 ? singular : plural_form_en;
}

bool has_translation(Language language, std::string_view context, std::string_view msgid) {
  return !plural_form(catalogue(language).find(key_of(context, msgid)), 0).empty();
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  return format_message(pattern, args.begin(), args.end());
}

}  // namespace kartla::i18n
