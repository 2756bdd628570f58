#include "views/labels.h"

#include <cstdio>
#include <string_view>

#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/types.pb.h"
#include "codes/code_systems.h"
#include "views/text.h"

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

std::string date_text(const v1::PartialDate& d) {
  if (d.year() == 0 && d.month() == 0 && d.day() == 0) return {};
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  std::string s = std::to_string(d.year());
  if (d.month() != 0) s += "-" + two(d.month());
  if (d.day() != 0) s += "-" + two(d.day());
  return s;
}

std::string period_text(const v1::Period& p) {
  const std::string start = p.has_start() ? date_text(p.start()) : std::string();
  const std::string end = p.has_end() ? date_text(p.end()) : std::string();
  if (start.empty() && end.empty()) return {};
  if (end.empty()) return "since " + start;
  if (start.empty()) return "until " + end;
  if (start == end) return start;
  return start + " – " + end;
}

std::string coding_text(const v1::Coding& c) {
  std::string label(codes::code_label(c.system(), c.code()));
  if (label.empty()) label = c.display();
  const std::string reference = c.system().empty() ? c.code() : c.system() + " " + c.code();
  if (label.empty() || label == c.code()) return one_line(reference);
  return one_line(label + " (" + reference + ")");
}

std::string org_text(const v1::OrgRef& org) {
  std::string out;
  append_part(out, org.name());
  append_part(out, org.unit());
  std::string id;
  switch (org.id_case()) {
    case v1::OrgRef::kSeOrgnr: id = "org. nr " + org.se_orgnr(); break;
    case v1::OrgRef::kFiYtunnus: id = "Y-tunnus " + org.fi_ytunnus(); break;
    case v1::OrgRef::kForeignId:
      id = "id " + org.foreign_id() + (org.has_country() ? " (" + org.country().code() + ")" : std::string());
      break;
    case v1::OrgRef::ID_NOT_SET: break;
  }
  if (out.empty()) return one_line(id);
  return one_line(id.empty() ? out : out + " (" + id + ")");
}

std::string source_text(int assertion_source) {
  switch (assertion_source) {
    case v1::Assertion::SELF_REPORTED: return "self-reported";
    case v1::Assertion::PROFESSIONAL_OBSERVED: return "observed by a professional";
    case v1::Assertion::ASSESSED_INSTRUMENT: return "instrument result";
    case v1::Assertion::VALIDATED: return "validated";
    case v1::Assertion::CREDENTIAL: return "from a credential";
    case v1::Assertion::REGISTER: return "from a register";
    default: return "source not stated";
  }
}

std::string provenance_text(const v1::Assertion& a) {
  std::string out = source_text(a.source());
  std::string who;
  if (a.has_asserted_by_org()) who = org_text(a.asserted_by_org());
  if (!a.asserted_by_role().empty()) who += who.empty() ? one_line(a.asserted_by_role()) : " (" + one_line(a.asserted_by_role()) + ")";
  if (!who.empty()) out += " by " + who;
  if (a.has_method()) append_part(out, coding_text(a.method()));
  if (a.has_asserted_at()) append_part(out, date_text(a.asserted_at()));
  if (a.evidence_document_ids_size() > 0) {
    std::string docs;
    for (const std::string& id : a.evidence_document_ids()) append_part(docs, one_line(id));
    append_part(out, "evidence: " + docs);
  }
  return "[" + out + "]";
}

}  // namespace kartla::views
