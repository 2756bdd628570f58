// SPDX-License-Identifier: Apache-2.0
#include "views/labels.h"

#include <cstdio>
#include <string_view>

#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/types.pb.h"
#include "codes/code_systems.h"
#include "i18n/countries.h"
#include "views/text.h"
#include "views/words.h"

namespace kartla::views {
namespace {

// Howard Hinnant's civil_from_days: proleptic Gregorian date of a day count from 1970-01-01.
void civil_from_days(int64_t days, int64_t& year, unsigned& month, unsigned& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

void append_part(std::string& out, std::string_view part, std::string_view separator = ", ") {
  if (part.empty()) return;
  if (!out.empty()) out += separator;
  out += part;
}

}  // namespace

std::string date_text(int64_t unix_seconds) {
  if (unix_seconds == 0) return {};
  const int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : -((-unix_seconds + 86399) / 86400);
  int64_t year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(days, year, month, day);
  char text[32];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(year), month, day);
  return text;
}

std::string date_text(const google::protobuf::Timestamp& t) { return date_text(t.seconds()); }

std::string utc_time_text(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0) return {};
  const int64_t rest = ((t.seconds() % 86400) + 86400) % 86400;
  char text[16];
  std::snprintf(text, sizeof text, "T%02u:%02u:%02uZ", static_cast<unsigned>(rest / 3600),
                static_cast<unsigned>(rest / 60 % 60), static_cast<unsigned>(rest % 60));
  return date_text(t.seconds()) + text;
}

std::string date_text(const v1::PartialDate& d) {
  if (d.year() == 0 && d.month() == 0 && d.day() == 0) return {};
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  std::string s = std::to_string(d.year());
  if (d.month() != 0) s += "-" + two(d.month());
  if (d.day() != 0) s += "-" + two(d.day());
  return s;
}

std::string period_text(const v1::Period& p, Language language) {
  const std::string start = p.has_start() ? date_text(p.start()) : std::string();
  const std::string end = p.has_end() ? date_text(p.end()) : std::string();
  if (start.empty() && end.empty()) return {};
  if (end.empty()) return fill(tr(language, "since %s"), {start});
  if (start.empty()) return fill(tr(language, "until %s"), {end});
  if (start == end) return start;
  return start + " – " + end;
}

std::string coding_text(const v1::Coding& c, Language language) {
  const std::string_view label = codes::code_label(c.system(), c.code());
  if (!label.empty()) return one_line(trc(language, "code", label));
  if (c.system() == "iso-3166-1") {
    const std::string_view country = i18n::country_name(language, c.code());
    if (!country.empty()) return std::string(country);
  }
  // A reader sees words, never a code system's key ("iso-639-3 ara"): the field's label already
  // names the system, so an open list's code follows its display text only where the code
  // itself tells a caseworker something (an SSYK or ESCO code; not a language code, nor Kartla's
  // own keys for methods and instruments).
  const bool code_is_noise = c.system().rfind("kartla-", 0) == 0 || c.system().rfind("iso-639", 0) == 0;
  if (c.display().empty() || c.display() == c.code()) return one_line(c.code());
  if (code_is_noise) return one_line(c.display());
  return one_line(c.display() + " (" + c.code() + ")");
}

std::string org_text(const v1::OrgRef& org, Language language) {
  std::string out;
  append_part(out, org.name());
  append_part(out, org.unit());
  std::string id;
  switch (org.id_case()) {
    case v1::OrgRef::kSeOrgnr: id = fill(tr(language, "org. nr %s"), {org.se_orgnr()}); break;
    case v1::OrgRef::kFiYtunnus: id = fill(tr(language, "Y-tunnus %s"), {org.fi_ytunnus()}); break;
    case v1::OrgRef::kForeignId:
      id = fill(tr(language, "id %s"), {org.foreign_id()}) + (org.has_country() ? " (" + org.country().code() + ")" : std::string());
      break;
    case v1::OrgRef::ID_NOT_SET: break;
  }
  if (out.empty()) return one_line(id);
  return one_line(id.empty() ? out : out + " (" + id + ")");
}

namespace {

// Who wrote it, in words: "written by the participant", "validated by %s", ...
std::string author_text(const v1::Assertion& a, const std::string& who, Language l) {
  const bool named = !who.empty();
  switch (a.source()) {
    case v1::Assertion::SELF_REPORTED:
      return named ? fill(tr(l, "written by the participant, with %s"), {who}) : tr(l, "written by the participant");
    case v1::Assertion::PROFESSIONAL_OBSERVED:
      return named ? fill(tr(l, "observed by %s"), {who}) : tr(l, "observed by a professional");
    case v1::Assertion::ASSESSED_INSTRUMENT:
      return named ? fill(tr(l, "assessed with an instrument by %s"), {who}) : tr(l, "assessed with an instrument");
    case v1::Assertion::VALIDATED: return named ? fill(tr(l, "validated by %s"), {who}) : tr(l, "validated");
    case v1::Assertion::CREDENTIAL:
      return named ? fill(tr(l, "from a credential issued by %s"), {who}) : tr(l, "from a credential");
    case v1::Assertion::REGISTER: return named ? fill(tr(l, "from a register kept by %s"), {who}) : tr(l, "from a register");
    default: break;
  }
  return named ? fill(tr(l, "stated by %s"), {who}) : tr(l, "source not stated");
}

}  // namespace

std::string provenance_text(const v1::Assertion& a, Language language) {
  std::string who;
  if (a.has_asserted_by_org()) who = org_text(a.asserted_by_org(), language);
  if (!a.asserted_by_role().empty()) who += who.empty() ? one_line(a.asserted_by_role()) : " (" + one_line(a.asserted_by_role()) + ")";
  std::string out = author_text(a, who, language);
  if (a.has_method()) append_part(out, coding_text(a.method(), language));
  if (a.has_asserted_at()) append_part(out, date_text(a.asserted_at()));
  // The documents themselves are in the documents section; here only that there is evidence.
  const auto documents = static_cast<uint64_t>(a.evidence_document_ids_size());
  if (documents > 0)
    append_part(out, fill(trn(language, "%s document as evidence", "%s documents as evidence", documents),
                          {std::to_string(documents)}));
  return out;
}

}  // namespace kartla::views
