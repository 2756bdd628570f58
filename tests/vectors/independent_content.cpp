// SPDX-License-Identifier: Apache-2.0
// Section content validated from docs/MODEL.md's text (field numbers from its tables, rules from
// its rule table and section notes), without Kartla's code: see independent_content.h.
#include "independent_content.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "wire_read.h"

namespace kartla::vectors::independent {
namespace {

using Fields = std::map<uint32_t, std::vector<wire::Field>>;

Fields parse(const std::string& bytes) { return wire::by_number(bytes); }

bool present(const Fields& f, uint32_t n) { return f.count(n) != 0; }

std::optional<std::string> sub(const Fields& f, uint32_t n) {
  auto it = f.find(n);
  if (it == f.end()) return std::nullopt;
  return it->second.back().bytes;  // a message field given twice merges; Kartla content never does
}

std::string str(const Fields& f, uint32_t n) { return sub(f, n).value_or(""); }

int64_t int_of(const Fields& f, uint32_t n) {
  auto it = f.find(n);
  if (it == f.end()) return 0;
  return static_cast<int32_t>(static_cast<uint32_t>(it->second.back().varint));  // int32 fields
}

std::vector<std::string> all(const Fields& f, uint32_t n) {
  std::vector<std::string> out;
  auto it = f.find(n);
  if (it != f.end())
    for (const wire::Field& x : it->second) out.push_back(x.bytes);
  return out;
}

std::string field(const std::string& path, const std::string& name) { return path.empty() ? name : path + "." + name; }
std::string item(const std::string& path, const std::string& name, size_t i) {
  return field(path, name) + "[" + std::to_string(i) + "]";
}

// ---- MODEL.md, Code systems: the systems these sections use, their codes and version rules.

enum class Version { optional, pinned };
struct System {
  std::string rule;
  std::set<std::string> codes;
  Version version;
  std::string edition;
};

const std::map<std::string, System>& systems() {
  static const std::map<std::string, System> s = {
      {"kartla-gender", {"kartla-gender-code", {"woman", "man", "non-binary", "not-stated"}, Version::optional, ""}},
      {"kartla-labour-market-status",
       {"kartla-labour-market-status-code",
        {"unemployed", "long-term-unemployed", "inactive", "employed", "self-employed"},
        Version::optional,
        ""}},
      {"kartla-followup-outcome",
       {"kartla-followup-outcome-code", {"employed", "studies", "job-seeking", "other", "unknown"}, Version::optional, ""}},
      {"gdpr-art6", {"gdpr-art6-basis", {"6.1.a", "6.1.b", "6.1.c", "6.1.d", "6.1.e", "6.1.f"}, Version::optional, ""}},
      {"kartla-intervention-type",
       {"kartla-intervention-type-code",
        {"job-search-support", "work-practice", "work-training", "rehabilitative-work", "subsidised-employment",
         "vocational-training", "language-course", "validation", "guidance", "health-support", "digital-skills",
         "social-support", "debt-counselling", "civic-education", "study-preparation", "supported-employment",
         "group-activity", "other"},
        Version::optional,
        ""}},
      {"vasa-participation-step",
       {"vasa-participation-step-code",
        {"outreach", "life-skills", "resources-and-goals", "guidance-onward", "cross-sector-network"},
        Version::pinned,
        "1"}},
  };
  return s;
}

class Validator {
 public:
  ContentFindings take() { return std::move(out_); }

  void add(const std::string& path, const std::string& rule) { out_.emplace_back(path, rule); }

  // Coding: 1 system, 2 code, 3 version. `allowed` is the field's code systems.
  void coding(const std::string& bytes, const std::string& path, const std::string& allowed) {
    const Fields c = parse(bytes);
    const std::string system = str(c, 1), code = str(c, 2), version = str(c, 3);
    if (system.empty()) return add(path, "coding-system-required");
    const auto it = systems().find(system);
    if (it == systems().end()) return add(path, "coding-system-unknown");
    if (system != allowed) add(path, "coding-system-not-allowed");
    if (code.empty()) {
      add(path, "coding-code-required");
    } else if (it->second.codes.count(code) == 0) {
      add(path, it->second.rule);
    }
    if (it->second.version == Version::pinned) {
      if (version.empty()) {
        add(path, "coding-version-required");
      } else if (version != it->second.edition) {
        add(path, "coding-version-mismatch");
      }
    }
  }

  void coding_field(const Fields& f, uint32_t n, const std::string& path, const std::string& allowed) {
    if (auto c = sub(f, n)) coding(*c, path, allowed);
  }

  // PartialDate: 1 year, 2 month, 3 day; rule date-real.
  struct Date {
    int64_t year = 0, month = 0, day = 0;
    bool empty() const { return year == 0 && month == 0 && day == 0; }
  };
  static Date date_of(const std::string& bytes) {
    const Fields d = parse(bytes);
    return {int_of(d, 1), int_of(d, 2), int_of(d, 3)};
  }
  static bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
  void date(const std::string& bytes, const std::string& path) {
    const Date d = date_of(bytes);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1800 || d.year > 2199 || d.month < 0 || d.month > 12 || (d.day != 0 && d.month == 0)) {
      return add(path, "date-real");
    }
    if (d.day != 0) {
      const int64_t last = days[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
      if (d.day < 1 || d.day > last) add(path, "date-real");
    }
  }
  std::optional<Date> date_field(const Fields& f, uint32_t n, const std::string& path) {
    auto b = sub(f, n);
    if (!b) return std::nullopt;
    date(*b, path);
    return date_of(*b);
  }
  // MODEL.md: a date known only to the year (or month) is not before another in the same year
  // (or month): comparison stops at the coarser precision.
  static int compare(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month == 0 || b.month == 0) return 0;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day == 0 || b.day == 0) return 0;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
  }

  // Period: 1 start, 2 end; rule period-order. Returns the start, if any.
  std::optional<Date> period(const std::string& bytes, const std::string& path) {
    const Fields p = parse(bytes);
    const auto start = date_field(p, 1, field(path, "start"));
    const auto end = date_field(p, 2, field(path, "end"));
    if (start && end && compare(*end, *start) < 0) add(field(path, "end"), "period-order");
    return start;
  }

  // Every entry: an id (1-64 of letters, digits, . _ : -), unique; and an assertion
  // (1 source, 4 asserted_at), whose source and time are required.
  void entry(const Fields& f, uint32_t id_number, uint32_t assertion_number, const std::string& path) {
    const std::string id = str(f, id_number);
    if (id.empty()) {
      add(field(path, "id"), "entry-id-required");
    } else if (!safe_id(id)) {
      add(field(path, "id"), "entry-id-shape");
    } else if (!ids_.insert(id).second) {
      add(field(path, "id"), "entry-id-unique");
    }
    if (assertion_number == 0) return;
    auto a = sub(f, assertion_number);
    if (!a) return add(field(path, "assertion"), "assertion-required");
    const Fields af = parse(*a);
    if (int_of(af, 1) == 0) add(field(field(path, "assertion"), "source"), "assertion-source-required");
    if (!present(af, 4)) add(field(field(path, "assertion"), "asserted_at"), "assertion-time-required");
  }

  static bool safe_id(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == ':' || c == '-';
      if (!ok) return false;
    }
    return true;
  }

  // ---- programme_followup (MODEL.md, `ProgrammeFollowup`, `PhaseTransition`, `ParticipationDegree`).
  void followup(const std::string& bytes) {
    const Fields f = parse(bytes);
    entry(f, 1, 13, "");
    if (str(f, 2).empty()) add("programme_name", "followup-programme-required");
    coding_field(f, 5, "gender", "kartla-gender");
    coding_field(f, 6, "status_at_entry", "kartla-labour-market-status");
    const auto entered = date_field(f, 7, "entered_on");
    std::optional<Date> previous;
    std::string previous_scheme;
    const auto phases = all(f, 8);
    for (size_t i = 0; i < phases.size(); ++i) {
      const std::string at = item("", "phases", i);
      const Fields t = parse(phases[i]);
      const Fields step = parse(str(t, 1));  // ProgrammeStep: 1 instrument_id, 3 step
      const std::string scheme = str(step, 1);
      if (scheme.empty() || int_of(step, 3) < 1) add(field(at, "phase"), "followup-phase-required");
      const auto when = date_field(t, 2, field(at, "entered_on"));
      const bool dated = when && !when->empty();
      if (!dated) add(field(at, "entered_on"), "followup-phase-date-required");
      if (i > 0 && scheme != previous_scheme) add(field(field(at, "phase"), "instrument_id"), "followup-phase-scheme");
      if (i > 0 && dated && previous && !previous->empty() && compare(*when, *previous) < 0)
        add(field(at, "entered_on"), "followup-phase-order");
      previous = dated ? when : std::nullopt;
      previous_scheme = scheme;
    }
    const auto exited = date_field(f, 9, "exited_on");
    const bool has_exit = exited && !exited->empty();
    if (has_exit && entered && !entered->empty() && compare(*exited, *entered) < 0) add("exited_on", "followup-exit-order");
    coding_field(f, 10, "status_at_exit", "kartla-followup-outcome");
    if (!has_exit && present(f, 10)) add("status_at_exit", "followup-outcome-needs-exit");
    coding_field(f, 11, "status_six_months_after_exit", "kartla-followup-outcome");
    if (!has_exit && present(f, 11)) add("status_six_months_after_exit", "followup-outcome-needs-exit");
    const auto degrees = all(f, 12);
    std::optional<Date> before;
    for (size_t i = 0; i < degrees.size(); ++i) {
      const std::string at = item("", "participation", i);
      const Fields d = parse(degrees[i]);
      const int64_t percent = int_of(d, 2);
      if (percent < 1 || percent > 100) add(field(at, "percent_of_full_time"), "participation-degree-range");
      const auto from = date_field(d, 1, field(at, "from"));
      const bool dated = from && !from->empty();
      if (!dated) {
        add(field(at, "from"), "participation-date-required");
      } else if (i > 0 && before && compare(*from, *before) < 0) {
        add(field(at, "from"), "participation-order");
      }
      before = dated ? from : std::nullopt;
    }
  }

  // ---- sharing_ledger grants (MODEL.md, `ShareGrantRecord`): the rules a grant of
  // programme_followup meets, grant-followup-basis above all.
  void ledger(const std::string& bytes) {
    const Fields l = parse(bytes);
    const auto grants = all(l, 1);
    for (size_t i = 0; i < grants.size(); ++i) {
      const std::string at = item("", "grants", i);
      const Fields g = parse(grants[i]);
      entry(g, 1, 0, at);
      if (str(g, 2).empty()) add(field(at, "agency_fingerprint"), "grant-fingerprint-required");
      const auto sections = all(g, 7);
      if (sections.empty()) add(field(at, "sections"), "grant-sections-required");
      if (str(g, 8).empty()) add(field(at, "purpose"), "grant-purpose-required");
      coding_field(g, 9, field(at, "gdpr_art6_basis"), "gdpr-art6");
      if (!present(g, 12)) add(field(at, "granted_at"), "grant-time-required");
      bool followup = false, work_ability = false;
      for (const std::string& s : sections) {
        followup = followup || s == "programme_followup";
        work_ability = work_ability || s == "work_ability";
      }
      if (work_ability && !present(g, 10)) add(field(at, "gdpr_art9_basis"), "grant-art9-basis");
      const std::string art6 = present(g, 9) ? str(parse(*sub(g, 9)), 2) : "";
      if (followup && art6 != "6.1.c" && art6 != "6.1.e") add(field(at, "gdpr_art6_basis"), "grant-followup-basis");
    }
  }

  // ---- steps of the service (MODEL.md, `ServiceStepParticipation`: 1 step, 2 period).
  void service_step(const std::string& bytes, const std::string& path) {
    const Fields s = parse(bytes);
    if (auto step = sub(s, 1)) {
      coding(*step, field(path, "step"), "vasa-participation-step");
    } else {
      add(field(path, "step"), "service-step-required");
    }
    std::optional<Date> start;
    if (auto p = sub(s, 2)) start = period(*p, field(path, "period"));
    if (!start || start->empty()) add(field(field(path, "period"), "start"), "service-step-start-required");
  }

  // Interventions: 1 entries; InterventionEntry: 1 id, 3 type, 8 period, 15 assertion, 16 service_steps.
  void interventions(const std::string& bytes) {
    const Fields all_entries = parse(bytes);
    const auto entries = all(all_entries, 1);
    for (size_t i = 0; i < entries.size(); ++i) {
      const std::string at = item("", "entries", i);
      const Fields e = parse(entries[i]);
      entry(e, 1, 15, at);
      coding_field(e, 3, field(at, "type"), "kartla-intervention-type");
      if (auto p = sub(e, 8)) period(*p, field(at, "period"));
      const auto steps = all(e, 16);
      for (size_t s = 0; s < steps.size(); ++s) service_step(steps[s], item(at, "service_steps", s));
    }
  }

  // ActionPlan: 3 activities, 8 assertion; Activity: 1 id, 5 type, 10 planned, 11 actual,
  // 13 assertion, 14 service_step.
  void action_plan(const std::string& bytes) {
    const Fields plan = parse(bytes);
    if (!present(plan, 8)) add("assertion", "assertion-required");
    const auto activities = all(plan, 3);
    for (size_t i = 0; i < activities.size(); ++i) {
      const std::string at = item("", "activities", i);
      const Fields a = parse(activities[i]);
      entry(a, 1, 13, at);
      coding_field(a, 5, field(at, "type"), "kartla-intervention-type");
      if (auto p = sub(a, 10)) period(*p, field(at, "planned"));
      if (auto p = sub(a, 11)) period(*p, field(at, "actual"));
      coding_field(a, 14, field(at, "service_step"), "vasa-participation-step");
    }
  }

 private:
  ContentFindings out_;
  std::set<std::string> ids_;
};

}  // namespace

ContentFindings validate_content(const std::string& section, const std::string& bytes) {
  Validator v;
  if (section == "programme_followup") {
    v.followup(bytes);
  } else if (section == "sharing_ledger") {
    v.ledger(bytes);
  } else if (section == "interventions") {
    v.interventions(bytes);
  } else if (section == "action_plan") {
    v.action_plan(bytes);
  } else {
    throw std::runtime_error("the independent content validator does not know section " + section);
  }
  return v.take();
}

}  // namespace kartla::vectors::independent
