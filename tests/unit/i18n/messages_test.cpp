// SPDX-License-Identifier: Apache-2.0
// The catalogue at run time: languages chosen by tag, translations and plural forms from the
// embedded catalogues, English when there is none, and the %s formatter the catalogue relies on.
#include <catch2/catch.hpp>

#include "i18n/messages.h"

namespace kartla::i18n {

TEST_CASE("a language tag or locale name picks its catalogue, anything else English", "[i18n]") {
  CHECK(language_from_tag("sv") == Language::sv);
  CHECK(language_from_tag("sv-SE") == Language::sv);
  CHECK(language_from_tag("sv_FI.UTF-8") == Language::sv);
  CHECK(language_from_tag("fi") == Language::fi);
  CHECK(language_from_tag("fi-x-placeholder") == Language::fi);
  CHECK(language_from_tag("en") == Language::en);
  CHECK(language_from_tag("de") == Language::en);
  CHECK(language_from_tag("") == Language::en);
  CHECK(language_from_tag("svenska") == Language::en);  // the primary subtag must match exactly
  CHECK(language_known("fi-FI"));
  CHECK_FALSE(language_known("se"));
  // The web app's further languages; Dari by the web catalogue's locale, Persian's tag or ISO 639-3.
  CHECK(language_from_tag("ar") == Language::ar);
  CHECK(language_from_tag("so-SO") == Language::so);
  CHECK(language_from_tag("ti_ER.UTF-8") == Language::ti);
  CHECK(language_from_tag("fa_AF") == Language::fa_AF);
  CHECK(language_from_tag("fa-AF") == Language::fa_AF);
  CHECK(language_from_tag("prs") == Language::fa_AF);
  CHECK(language_tag(Language::fa_AF) == "fa-AF");
  for (const Language l : {Language::en, Language::sv, Language::fi, Language::ar, Language::so, Language::ti,
                           Language::fa_AF})
    CHECK(language_from_tag(language_tag(l)) == l);
}

TEST_CASE("the web app's further languages translate what the record view shows", "[i18n]") {
  for (const Language l : {Language::ar, Language::so, Language::ti, Language::fa_AF}) {
    CAPTURE(language_tag(l));
    CHECK(has_translation(l, "section", "Competences"));
    CHECK(has_translation(l, "field", "Country"));
    CHECK(has_translation(l, "code", "B1 threshold"));
    CHECK(has_translation(l, "", "written by the participant"));
    CHECK(text(l, "section", "Competences") != "Competences");
  }
  CHECK(text(Language::ar, "", "yes") == "نعم");
}

TEST_CASE("messages are translated in context, and English is the fallback", "[i18n]") {
  CHECK(text(Language::sv, "", "yes") == "ja");
  CHECK(text(Language::fi, "", "yes") == "kyllä");
  CHECK(text(Language::en, "", "yes") == "yes");
  // The same English word in two contexts: a field label and a code label.
  CHECK(text(Language::sv, "section", "Languages") == "Språk");
  CHECK(text(Language::sv, "code", "B1 threshold") == "B1 tröskelnivå");
  CHECK(text(Language::sv, "", "B1 threshold") == "B1 threshold");  // no entry without the context
  CHECK(text(Language::sv, "field", "no such label") == "no such label");
  CHECK(has_translation(Language::fi, "field", "Spoken interaction"));
  CHECK_FALSE(has_translation(Language::en, "", "yes"));
  // English overrides only where the code's word is not the participant's.
  CHECK(text(Language::en, "field", "Ssyk") == "Occupation (SSYK 2012)");
}

TEST_CASE("plural forms follow n, in every language", "[i18n]") {
  const char* one = "%s document as evidence";
  const char* many = "%s documents as evidence";
  CHECK(plural(Language::en, "", one, many, 1) == one);
  CHECK(plural(Language::en, "", one, many, 0) == many);
  CHECK(plural(Language::en, "", one, many, 2) == many);
  CHECK(plural(Language::fi, "", one, many, 1) == "%s asiakirja todisteena");
  CHECK(plural(Language::fi, "", one, many, 3) == "%s asiakirjaa todisteena");
  CHECK(plural(Language::sv, "", "no such", "no such plural", 7) == "no such plural");
}

TEST_CASE("format fills %s in order and %N$s by position, and nothing else", "[i18n]") {
  CHECK(format("%s and %s", {"a", "b"}) == "a and b");
  CHECK(format("%2$s before %1$s", {"a", "b"}) == "b before a");
  CHECK(format("'kartla %1$s' needs a command; run 'kartla %1$s --help'", {"attest"}) ==
        "'kartla attest' needs a command; run 'kartla attest --help'");
  CHECK(format("100%% of %s", {"it"}) == "100% of it");
  CHECK(format("%d stays, %s", {"x"}) == "%d stays, x");
  CHECK(format("%s %s %s", {"only one"}) == "only one  ");  // a missing argument is empty, never read
  CHECK(format("%9$s", {"a"}).empty());
  CHECK(format("trailing %", {}) == "trailing %");
}

}  // namespace kartla::i18n
