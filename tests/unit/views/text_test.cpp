// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "kartla/v1/types.pb.h"
#include "views/labels.h"
#include "views/text.h"

namespace kartla::views {

TEST_CASE("XML escaping covers markup, quotes, control characters and bad UTF-8", "[text]") {
  CHECK(xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;");
  CHECK(xml_escape("line\nbreak\x01") == "line break ");
  CHECK(xml_escape("\xff") == "\xEF\xBF\xBD");
  CHECK(xml_escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(xml_escape("stegförflyttning") == "stegförflyttning");
}

TEST_CASE("widths count characters, and cutting never splits one", "[text]") {
  CHECK(display_width("Humör") == 5);
  CHECK(truncate_to("Humör och ork", 6) == "Humör…");
  CHECK(truncate_to("kort", 10) == "kort");
  CHECK(pad_right("ö", 3) == "ö  ");
}

TEST_CASE("dates, periods and codings read as a person expects", "[text]") {
  CHECK(date_text(int64_t{0}) == "");
  CHECK(date_text(int64_t{951782400}) == "2000-02-29");
  CHECK(date_text(int64_t{-1}) == "1969-12-31");
  v1::Period p;
  p.mutable_start()->set_year(2019);
  p.mutable_start()->set_month(8);
  CHECK(period_text(p) == "since 2019-08");
  p.mutable_end()->set_year(2021);
  CHECK(period_text(p) == "2019-08 – 2021");
  v1::Coding c;
  c.set_system("cefr");
  c.set_code("B1");
  CHECK(coding_text(c) == "B1 threshold");  // a closed list's label says it all
  CHECK(coding_text(c, i18n::Language::sv) == "B1 tröskelnivå");
  CHECK(coding_text(c, i18n::Language::fi) == "B1 kynnystaso");
  c.set_system("iso-639-3");
  c.set_code("kmr");
  c.set_display("kurdiska (kurmanji)");
  CHECK(coding_text(c) == "kurdiska (kurmanji)");  // a language's name, never "iso-639-3 kmr"
  c.set_system("ssyk-2012");
  c.set_code("5120");
  c.set_display("Kock");
  CHECK(coding_text(c) == "Kock (5120)");  // the code a caseworker looks up, without the system's key
  c.clear_display();
  CHECK(coding_text(c) == "5120");
  // Countries by name in the reader's language (iso-codes' names and translations).
  c.set_system("iso-3166-1");
  c.set_code("SE");
  CHECK(coding_text(c) == "Sweden");
  CHECK(coding_text(c, i18n::Language::sv) == "Sverige");
  CHECK(coding_text(c, i18n::Language::fi) == "Ruotsi");
  for (const auto l : {i18n::Language::ar, i18n::Language::so, i18n::Language::ti, i18n::Language::fa_AF}) {
    const std::string name = coding_text(c, l);
    CHECK_FALSE(name.empty());
    CHECK(name != "Sweden");
    CHECK(name.find("SE") == std::string::npos);
  }
  c.set_code("SY");
  CHECK(coding_text(c) == "Syria");  // the everyday name, not "Syrian Arab Republic"
  c.set_code("QQ");  // not assigned: the code as it is, still without the system's key
  CHECK(coding_text(c) == "QQ");
  v1::Assertion a;
  a.set_source(v1::Assertion::VALIDATED);
  a.mutable_asserted_by_org()->set_name("Filipstads kommun");
  a.set_asserted_by_role("OCN-bedömare");
  a.mutable_asserted_at()->set_seconds(1653040800);
  CHECK(provenance_text(a) == "validated by Filipstads kommun (OCN-bedömare), 2022-05-20");
  CHECK(provenance_text(a, i18n::Language::sv) == "validerat av Filipstads kommun (OCN-bedömare), 2022-05-20");
  a.set_source(v1::Assertion::SELF_REPORTED);
  a.clear_asserted_by_org();
  a.clear_asserted_by_role();
  a.mutable_method()->set_system("kartla-method");
  a.mutable_method()->set_code("self-assessment");
  CHECK(provenance_text(a) == "written by the participant, self-assessment, 2022-05-20");
  CHECK(provenance_text(a, i18n::Language::fi) == "osallistujan kirjoittama, itsearviointi, 2022-05-20");
  CHECK(period_text(v1::Period(), i18n::Language::sv).empty());
}

}  // namespace kartla::views
