// SPDX-License-Identifier: Apache-2.0
#include "codes/code_systems.h"

#include "codes/iso_code_lists.h"

namespace kartla::codes {
namespace {

// Hand-written shape tests instead of std::regex: linear time and no recursion on hostile input.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}

int two_digit_value(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

// JobTech concept id: 4_3_3 characters (docs/MODEL.md, rule jobtech-id-shape). New ids use the base58
// alphabet, but legacy outliers exist and must not be rejected, so any ASCII letter or digit passes.
bool jobtech_id(std::string_view s) {
  if (s.size() != 12 || s[4] != '_' || s[8] != '_') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 8 && !is_alnum(s[i])) return false;
  }
  return true;
}

bool four_digits(std::string_view s) { return s.size() == 4 && all_digits(s); }

// http://data.europa.eu/esco/{occupation|skill}/{uuid}, uuid lower-case 8-4-4-4-12 (ESCO API).
bool esco_uri(std::string_view s) {
  static constexpr std::string_view kBase = "http://data.europa.eu/esco/";
  if (s.substr(0, kBase.size()) != kBase) return false;
  std::string_view rest = s.substr(kBase.size());
  for (std::string_view kind : {std::string_view("occupation/"), std::string_view("skill/")}) {
    if (rest.substr(0, kind.size()) != kind) continue;
    const std::string_view uuid = rest.substr(kind.size());
    if (uuid.size() != 36) return false;
    for (size_t i = 0; i < uuid.size(); ++i) {
      const bool hyphen_here = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphen_here ? uuid[i] != '-' : !is_lower_hex(uuid[i])) return false;
    }
    return true;
  }
  return false;
}

// SUN 2020 level: 1–3 digits, the first the 1-digit level 0–6 (SCB; docs/MODEL.md, Code systems).
bool sun_level(std::string_view s) {
  return s.size() >= 1 && s.size() <= 3 && all_digits(s) && s[0] <= '6';
}

// SUN 2020 field (inriktning): up to three digits and an optional fourth position, a digit or a
// lower-case letter (4 hierarchical levels; exact codes to be loaded from SCB: docs/MODEL.md, Known gaps).
bool sun_field(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  const std::string_view head = s.substr(0, s.size() == 4 ? 3 : s.size());
  if (!all_digits(head)) return false;
  return s.size() < 4 || is_digit(s[3]) || (s[3] >= 'a' && s[3] <= 'z');
}

// ISCED-F 2013: 2, 3 or 4 digits whose broad field (first two) is 00–10 or 99 (UNESCO UIS).
bool isced_f(std::string_view s) {
  if (s.size() < 2 || s.size() > 4 || !all_digits(s)) return false;
  const int broad = two_digit_value(s);
  return broad <= 10 || broad == 99;
}

// ICF category: component letter b/s/d/e and 1–5 digits; qualifiers live in their own fields.
bool icf_code(std::string_view s) {
  if (s.size() < 2 || s.size() > 6) return false;
  const char c = s[0];
  return (c == 'b' || c == 's' || c == 'd' || c == 'e') && all_digits(s.substr(1));
}

// SNI 2007: a section letter A–U, or a 2–5 digit group (SCB).
bool sni_code(std::string_view s) {
  if (s.size() == 1) return s[0] >= 'A' && s[0] <= 'U';
  return s.size() >= 2 && s.size() <= 5 && all_digits(s);
}

// SCB kommunkod: 4 digits, the first two the county (län) 01–25.
bool se_kommunkod(std::string_view s) {
  if (!four_digits(s)) return false;
  const int lan = two_digit_value(s);
  return lan >= 1 && lan <= 25;
}

// Finnish municipality number: 3 digits (not checked against koodistot.suomi.fi: docs/MODEL.md, Known gaps).
bool fi_kuntanumero(std::string_view s) { return s.size() == 3 && all_digits(s); }

// Kartla instrument ids: lower-case words joined by hyphens, at most 64 characters.
bool instrument_id(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    const bool ok = is_digit(c) || (c >= 'a' && c <= 'z') || (c == '-' && prev != '-');
    if (!ok) return false;
    prev = c;
  }
  return true;
}

std::vector<CodeLabel> levels_1_to_8() {
  return {{"1", "level 1"}, {"2", "level 2"}, {"3", "level 3"}, {"4", "level 4"},
          {"5", "level 5"}, {"6", "level 6"}, {"7", "level 7"}, {"8", "level 8"}};
}

std::vector<CodeSystem> build_registry() {
  using V = VersionRule;
  std::vector<CodeSystem> r;
  r.push_back({"jobtech", "JobTech Taxonomy concept (Arbetsförmedlingen)", "jobtech-id-shape",
               "a concept id like DJh5_yyF_hEM", jobtech_id, {}, V::required, "",
               "https://taxonomy.api.jobtechdev.se"});
  r.push_back({"ssyk-2012", "SSYK 2012 occupational unit group (SCB)", "ssyk-2012-code",
               "4 digits", four_digits, {}, V::implied, "2012", "https://www.scb.se/ssyk"});
  r.push_back({"isco-08", "ISCO-08 occupational unit group (ILO)", "isco-08-code", "4 digits",
               four_digits, {}, V::implied, "2008",
               "https://www.ilo.org/public/english/bureau/stat/isco/isco08/"});
  r.push_back({"esco", "ESCO occupation or skill URI (European Commission)", "esco-uri-shape",
               "http://data.europa.eu/esco/{occupation|skill}/{uuid}", esco_uri, {}, V::required,
               "", "https://esco.ec.europa.eu"});
  r.push_back({"sun-2020-level", "SUN 2020 education level (SCB)", "sun-2020-level-code",
               "1–3 digits starting 0–6", sun_level, {}, V::implied, "2020",
               "https://www.scb.se/dokumentation/klassifikationer-och-standarder/"
               "svensk-utbildningsnomenklatur-sun/"});
  r.push_back({"sun-2020-field", "SUN 2020 education field (SCB)", "sun-2020-field-code",
               "up to 3 digits and an optional digit or letter", sun_field, {}, V::implied, "2020",
               "https://www.scb.se/dokumentation/klassifikationer-och-standarder/"
               "svensk-utbildningsnomenklatur-sun/"});
  r.push_back({"isced-2011", "ISCED 2011 level (UNESCO)", "isced-2011-level", "0–8", nullptr,
               {{"0", "early childhood education"},
                {"1", "primary education"},
                {"2", "lower secondary education"},
                {"3", "upper secondary education"},
                {"4", "post-secondary non-tertiary education"},
                {"5", "short-cycle tertiary education"},
                {"6", "bachelor's or equivalent level"},
                {"7", "master's or equivalent level"},
                {"8", "doctoral or equivalent level"}},
               V::implied, "2011", "https://uis.unesco.org/en/topic/international-standard-classification-education-isced"});
  r.push_back({"isced-f-2013", "ISCED-F 2013 field of education (UNESCO)", "isced-f-2013-code",
               "2–4 digits within broad fields 00–10 or 99", isced_f, {}, V::implied, "2013",
               "http://data.europa.eu/snb/isced-f/25831c2"});
  r.push_back({"seqf", "SeQF level (SFS 2015:545, MYH)", "seqf-level", "1–8", nullptr,
               levels_1_to_8(), V::optional, "", "https://www.myh.se/Verksamhetsomraden/SeQF/"});
  r.push_back({"finqf", "FiNQF level (Laki 93/2017)", "finqf-level", "1–8", nullptr,
               levels_1_to_8(), V::optional, "", "https://okm.fi/tutkintojen-viitekehys"});
  r.push_back({"eqf", "EQF level (European Qualifications Framework)", "eqf-level", "1–8", nullptr,
               levels_1_to_8(), V::optional, "", "http://data.europa.eu/snb/eqf/25831c2"});
  r.push_back({"cefr", "CEFR level (Council of Europe)", "cefr-level", "A1 A2 B1 B2 C1 C2",
               nullptr,
               {{"A1", "A1 breakthrough"},
                {"A2", "A2 waystage"},
                {"B1", "B1 threshold"},
                {"B2", "B2 vantage"},
                {"C1", "C1 effective operational proficiency"},
                {"C2", "C2 mastery"}},
               V::optional, "",
               "https://europass.europa.eu/en/common-european-framework-reference-language-skills"});
  r.push_back({"yki", "YKI language test level (Opetushallitus)", "yki-level", "1–6", nullptr,
               {{"1", "perustaso 1 (A1)"},
                {"2", "perustaso 2 (A2)"},
                {"3", "keskitaso 3 (B1)"},
                {"4", "keskitaso 4 (B2)"},
                {"5", "ylin taso 5 (C1)"},
                {"6", "ylin taso 6 (C2)"}},
               V::optional, "", "https://www.oph.fi/en/services/national-certificates-language-proficiency-yki"});
  r.push_back({"sfi-studievag", "SFI study path (Skolverket)", "sfi-study-path", "1 2 3", nullptr,
               {{"1", "studieväg 1: courses A–D"},
                {"2", "studieväg 2: courses B–D"},
                {"3", "studieväg 3: courses C–D"}},
               V::optional, "", "https://www.skolverket.se (kursplan för kommunal vuxenutbildning i svenska för invandrare)"});
  r.push_back({"sfi-kurs", "SFI course (Skolverket)", "sfi-course", "A B C D", nullptr,
               {{"A", "kurs A"}, {"B", "kurs B"}, {"C", "kurs C"}, {"D", "kurs D"}}, V::optional,
               "", "https://www.skolverket.se"});
  r.push_back({"se-betyg", "Swedish grade scale A–F", "se-grade", "A B C D E F", nullptr,
               {{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"}, {"E", "E (lowest pass)"},
                {"F", "F (not passed)"}},
               V::optional, "", "https://www.skolverket.se"});
  r.push_back({"ocn-level", "OCN validation level (Nordiskt Valideringsforum)", "ocn-level",
               "1 2 3", nullptr, {{"1", "OCN nivå 1"}, {"2", "OCN nivå 2"}, {"3", "OCN nivå 3"}},
               V::optional, "", "https://valideringsforum.se/ocn-metoden/"});
  r.push_back({"iso-639-1", "ISO 639-1 language", "iso-639-1-code",
               "an assigned 2-letter lower-case code", is_iso639_1, {}, V::optional, "",
               "ISO 639 (via Debian iso-codes 4.15)"});
  r.push_back({"iso-639-3", "ISO 639-3 language", "iso-639-3-code",
               "an assigned 3-letter lower-case code", is_iso639_3, {}, V::optional, "",
               "https://iso639-3.sil.org (via Debian iso-codes 4.15)"});
  r.push_back({"iso-3166-1", "ISO 3166-1 alpha-2 country", "iso-3166-1-code",
               "an assigned 2-letter upper-case code", is_iso3166_alpha2, {}, V::optional, "",
               "ISO 3166-1 (via Debian iso-codes 4.15)"});
  r.push_back({"icf", "ICF category (WHO)", "icf-code", "b, s, d or e and 1–5 digits", icf_code,
               {}, V::optional, "",
               "https://thl.fi/sv/teman/funktionsformagan/icf-klassifikationen"});
  r.push_back({"sni-2007", "SNI 2007 industry (SCB)", "sni-2007-code",
               "a section letter A–U or 2–5 digits", sni_code, {}, V::implied, "2007",
               "https://www.scb.se/sni"});
  r.push_back({"eu-driving-licence", "Driving-licence category (Directive 2006/126/EC)",
               "eu-driving-licence-category", "AM A1 A2 A B BE C1 C1E C CE D1 D1E D DE", nullptr,
               {{"AM", "AM moped"},
                {"A1", "A1 light motorcycle"},
                {"A2", "A2 medium motorcycle"},
                {"A", "A motorcycle"},
                {"B", "B car"},
                {"BE", "BE car with trailer"},
                {"C1", "C1 medium lorry"},
                {"C1E", "C1E medium lorry with trailer"},
                {"C", "C lorry"},
                {"CE", "CE lorry with trailer"},
                {"D1", "D1 minibus"},
                {"D1E", "D1E minibus with trailer"},
                {"D", "D bus"},
                {"DE", "DE bus with trailer"}},
               V::optional, "", "https://eur-lex.europa.eu/eli/dir/2006/126/oj"});
  r.push_back({"se-kommunkod", "Swedish municipality code (SCB kommunkod)", "se-kommunkod-code",
               "4 digits, county 01–25", se_kommunkod, {}, V::optional, "",
               "https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/"});
  r.push_back({"fi-kuntanumero", "Finnish municipality number (kuntanumero)",
               "fi-kuntanumero-code", "3 digits", fi_kuntanumero, {}, V::optional, "",
               "https://koodistot.suomi.fi"});
  r.push_back({"gdpr-art6", "GDPR Art. 6(1) legal basis", "gdpr-art6-basis", "6.1.a–6.1.f",
               nullptr,
               {{"6.1.a", "consent"},
                {"6.1.b", "contract"},
                {"6.1.c", "legal obligation"},
                {"6.1.d", "vital interests"},
                {"6.1.e", "public task or official authority"},
                {"6.1.f", "legitimate interests"}},
               V::optional, "", "Regulation (EU) 2016/679 Art. 6(1)"});
  r.push_back({"gdpr-art9", "GDPR Art. 9(2) exception for special-category data",
               "gdpr-art9-basis", "9.2.a–9.2.j", nullptr,
               {{"9.2.a", "explicit consent"},
                {"9.2.b", "employment, social security and social protection law"},
                {"9.2.c", "vital interests"},
                {"9.2.d", "not-for-profit body"},
                {"9.2.e", "made public by the data subject"},
                {"9.2.f", "legal claims"},
                {"9.2.g", "substantial public interest"},
                {"9.2.h", "health or social care"},
                {"9.2.i", "public health"},
                {"9.2.j", "archiving, research or statistics"}},
               V::optional, "", "Regulation (EU) 2016/679 Art. 9(2)"});
  // Kartla's own closed lists: how a statement was arrived at, and kinds of intervention. They
  // belong to this library, so their version is the library's schema (optional here).
  r.push_back({"kartla-method", "Kartla assessment method", "kartla-method-code",
               "a Kartla method key", nullptr,
               {{"self-assessment", "self-assessment"},
                {"interview", "interview or conversation"},
                {"observation", "observation at work or in activity"},
                {"work-trial", "work trial"},
                {"ocn", "OCN validation"},
                {"branch-validation", "branch validation model"},
                {"skills-test", "skills test"},
                {"language-test", "language test"},
                {"document-review", "review of certificates or documents"},
                {"register-lookup", "register lookup"}},
               V::optional, "", "docs/MODEL.md"});
  r.push_back({"kartla-instrument", "Kartla instrument definition (instruments.proto)",
               "kartla-instrument-code", "an instrument id like bip-style-indicators",
               instrument_id, {}, V::required, "", "examples/instruments/"});
  r.push_back({"kartla-intervention-type", "Kartla intervention type",
               "kartla-intervention-type-code", "a Kartla intervention key", nullptr,
               {{"job-search-support", "job-search support and matching"},
                {"work-practice", "work practice (praktik, työkokeilu)"},
                {"work-training", "work training (arbetsträning)"},
                {"rehabilitative-work", "rehabilitative work activity (kuntouttava työtoiminta)"},
                {"subsidised-employment", "subsidised employment (lönestöd, palkkatuki)"},
                {"vocational-training", "vocational training"},
                {"language-course", "language course (SFI, suomi/ruotsi toisena kielenä)"},
                {"validation", "validation of prior learning"},
                {"guidance", "guidance and coaching"},
                {"health-support", "health-related support"},
                {"digital-skills", "digital skills"},
                {"social-support", "social support"},
                {"debt-counselling", "debt and budget counselling (budget- och skuldrådgivning)"},
                {"civic-education", "democracy and civic education (samhällsorientering)"},
                {"study-preparation", "study preparation (studieförberedande)"},
                {"supported-employment", "supported employment (IPS, Supported Employment)"},
                {"group-activity", "group and peer activities (grupper, kamratstöd)"},
                {"other", "other"}},
               V::optional, "", "docs/MODEL.md"});
  // ESF+ participant categories at entry (Regulation (EU) 2021/1057, Annex I common indicators).
  r.push_back({"kartla-labour-market-status", "Kartla labour-market status", "kartla-labour-market-status-code",
               "a Kartla labour-market status", nullptr,
               {{"unemployed", "unemployed (arbetslös, työtön)"},
                {"long-term-unemployed", "long-term unemployed (långtidsarbetslös, pitkäaikaistyötön)"},
                {"inactive", "outside the labour force (utanför arbetskraften, työvoiman ulkopuolella)"},
                {"employed", "employed (anställd, työllinen)"},
                {"self-employed", "self-employed (egenföretagare, yrittäjä)"}},
               V::optional, "", "docs/MODEL.md"});
  // Gender for a programme's follow-up report: ESF+ reports women, men and non-binary persons;
  // `not-stated` lets a person take part in the figures without saying (docs/MODEL.md).
  r.push_back({"kartla-gender", "Kartla gender (programme follow-up)", "kartla-gender-code", "a Kartla gender",
               nullptr,
               {{"woman", "woman (kvinna, nainen)"},
                {"man", "man (man, mies)"},
                {"non-binary", "non-binary (icke-binär, muunsukupuolinen)"},
                {"not-stated", "not stated (vill inte uppge, ei halua kertoa)"}},
               V::optional, "", "docs/MODEL.md"});
  // Where a participant went on leaving a programme and six months later (ESF+ common result
  // indicators: in employment incl. self-employment, in education or training, job searching).
  r.push_back({"kartla-followup-outcome", "Kartla programme outcome", "kartla-followup-outcome-code",
               "a Kartla programme outcome", nullptr,
               {{"employed", "in work, employed or self-employed (i arbete, työssä)"},
                {"studies", "in education or training (studier, opiskelu)"},
                {"job-seeking", "job seeking (arbetssökande, työnhakija)"},
                {"other", "other (annat, muu)"},
                {"unknown", "unknown (okänt, ei tiedossa)"}},
               V::optional, "", "docs/MODEL.md"});
  // The five participation steps of the Vasa ESF project (Delaktighetssteg för
  // sysselsättningsstigar / Osallisuuden askeleet, 2017-2020): steps of the service a person takes
  // part in, several at once or more than once, not a ladder a person stands on (docs/MODEL.md).
  r.push_back({"vasa-participation-step", "Vasa participation step (steps of the service)",
               "vasa-participation-step-code", "outreach, life-skills, resources-and-goals, guidance-onward or "
               "cross-sector-network", nullptr,
               {{"outreach", "step 1: outreach in everyday surroundings"},
                {"life-skills", "step 2: life skills and well-being"},
                {"resources-and-goals", "step 3: resources, skills, needs and wishes (goal-directed paths)"},
                {"guidance-onward", "step 4: guidance towards rehabilitation, education or work"},
                {"cross-sector-network", "step 5: the cross-sector cooperation network"}},
               V::pinned, "1",
               "https://www.vaasa.fi/sv/utvecklande-av-staden/projekt/"
               "delaktighetssteg-for-sysselsattningsstigar-esf-projekt-2017-2020"});
  // The agencies' roles, the same names as the agency cards' roles (docs/SPEC.md §4.2).
  r.push_back({"kartla-agency-role", "Kartla agency role", "kartla-agency-role-code", "a Kartla agency role",
               nullptr,
               {{"municipal_labour_unit", "municipal labour-market unit"},
                {"employment_service", "public employment service"},
                {"social_insurance", "social insurance agency"},
                {"health_care", "regional health care"},
                {"validation_provider", "validation provider"},
                {"education_provider", "education provider"},
                {"employer", "employer"},
                {"other", "other organisation"}},
               V::optional, "", "docs/MODEL.md"});
  return r;
}

}  // namespace

const std::vector<CodeSystem>& code_systems() {
  static const std::vector<CodeSystem> registry = build_registry();
  return registry;
}

const CodeSystem* find_code_system(std::string_view key) {
  for (const CodeSystem& s : code_systems()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

bool code_is_valid(const CodeSystem& system, std::string_view code) {
  if (system.accepts != nullptr) return system.accepts(code);
  for (const CodeLabel& c : system.closed) {
    if (c.code == code) return true;
  }
  return false;
}

std::string_view code_label(std::string_view system_key, std::string_view code) {
  const CodeSystem* s = find_code_system(system_key);
  if (s == nullptr) return {};
  for (const CodeLabel& c : s->closed) {
    if (c.code == code) return c.label;
  }
  return {};
}

}  // namespace kartla::codes
