// SPDX-License-Identifier: Apache-2.0
// Checks of the shared types in types.proto, wherever they occur in a section.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include "codes/calendar.h"
#include "codes/identifiers.h"
#include "kartla/v1/types.pb.h"
#include "codes/code_systems.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"
#include "model/validation/values.h"

namespace kartla::model {
namespace {

std::string allowed_systems_text(const google::protobuf::FieldOptions& options) {
  std::string text;
  for (int i = 0; i < options.ExtensionSize(v1::systems); ++i) {
    if (i > 0) text += ", ";
    text += options.GetExtension(v1::systems, i);
  }
  return text;
}

bool system_allowed(const google::protobuf::FieldOptions& options, const std::string& system) {
  const int n = options.ExtensionSize(v1::systems);
  if (n == 0) return true;  // the field does not restrict its systems
  for (int i = 0; i < n; ++i) {
    if (options.GetExtension(v1::systems, i) == system) return true;
  }
  return false;
}

void report_id(const codes::IdCheck& r, const std::string& path, Findings& out) {
  if (!r.ok()) out.report_violation(path, r.rule, localizable(r.reason));
}

}  // namespace

// docs/MODEL.md, `Coding` and rules coding-*: a coded value names a registered system, carries a code of
// that system's shape, and a version where the list changes over time.
void check_coding(const Visit& v) {
  const auto& c = static_cast<const v1::Coding&>(v.msg);
  if (c.system().empty()) {
    v.out.report_violation(v.path, "coding-system-required", "a coded value must name its code system");
    return;
  }
  const codes::CodeSystem* system = codes::find_code_system(c.system());
  if (system == nullptr) {
    v.out.report_violation(v.path, "coding-system-unknown",
                           "unknown code system %s (see docs/MODEL.md)", {quote(c.system())});
    return;
  }
  if (v.via != nullptr && !system_allowed(v.via->options(), c.system())) {
    v.out.report_violation(v.path, "coding-system-not-allowed",
                           "this field takes %1$s, not %2$s",
                           {allowed_systems_text(v.via->options()), quote(c.system())});
  }
  if (c.code().empty()) {
    v.out.report_violation(v.path, "coding-code-required", "a coded value must have a code");
  } else if (!codes::code_is_valid(*system, c.code())) {
    v.out.report_violation(v.path, system->code_rule,
                           "%1$s is not a %2$s code: expected %3$s",
                           {quote(c.code()), system->key, system->expected});
  }
  const bool version_needed =
      system->version_rule == codes::VersionRule::required || system->version_rule == codes::VersionRule::pinned;
  const bool edition_fixed =
      system->version_rule == codes::VersionRule::implied || system->version_rule == codes::VersionRule::pinned;
  if (version_needed && c.version().empty()) {
    v.out.report_violation(v.path, "coding-version-required",
                           "%s codes change between versions: give the version", {system->key});
  } else if (edition_fixed && !c.version().empty() && c.version() != system->edition) {
    v.out.report_violation(v.path, "coding-version-mismatch",
                           "%1$s is edition %2$s, not %3$s",
                           {system->key, system->edition, quote(c.version())});
  }
}

void check_partial_date(const Visit& v) {
  const auto& d = static_cast<const v1::PartialDate&>(v.msg);
  // 1800–2199 is the span Swedish and Finnish identity numbers can express; anything else is a
  // typing error ("20" or "20190").
  if (d.year() < 1800 || d.year() > 2199) {
    v.out.report_violation(v.path, "date-real", "year must be a four-digit year 1800–2199");
  } else if (d.month() < 0 || d.month() > 12) {
    v.out.report_violation(v.path, "date-real", "month must be 1–12, or 0 when unknown");
  } else if (d.day() != 0 && d.month() == 0) {
    v.out.report_violation(v.path, "date-real", "a day needs a month");
  } else if (d.day() != 0 && !codes::is_real_date(d.year(), d.month(), d.day())) {
    v.out.report_violation(v.path, "date-real", "%s is not a real date", {to_text(d)});
  }
}

void check_period(const Visit& v) {
  const auto& p = static_cast<const v1::Period&>(v.msg);
  if (p.has_start() && p.has_end() && compare_partial(p.end(), p.start()) < 0) {
    v.out.report_violation(field_path(v.path, "end"), "period-order",
                           "ends %1$s, before it starts %2$s", {to_text(p.end()), to_text(p.start())});
  }
}

void check_national_id(const Visit& v) {
  const auto& id = static_cast<const v1::NationalId&>(v.msg);
  switch (id.id_case()) {
    case v1::NationalId::kSePersonnummer:
      report_id(codes::check_se_personnummer(id.se_personnummer()), field_path(v.path, "se_personnummer"),
                v.out);
      break;
    case v1::NationalId::kSeSamordningsnummer:
      report_id(codes::check_se_samordningsnummer(id.se_samordningsnummer()),
                field_path(v.path, "se_samordningsnummer"), v.out);
      break;
    case v1::NationalId::kFiHenkilotunnus:
      report_id(codes::check_fi_henkilotunnus(id.fi_henkilotunnus()),
                field_path(v.path, "fi_henkilotunnus"), v.out);
      break;
    case v1::NationalId::ID_NOT_SET:
      v.out.report_violation(v.path, "national-id-empty", "an identity number is present but empty");
      break;
  }
}

void check_org_ref(const Visit& v) {
  const auto& org = static_cast<const v1::OrgRef&>(v.msg);
  switch (org.id_case()) {
    case v1::OrgRef::kSeOrgnr:
      report_id(codes::check_se_orgnr(org.se_orgnr()), field_path(v.path, "se_orgnr"), v.out);
      break;
    case v1::OrgRef::kFiYtunnus:
      report_id(codes::check_fi_ytunnus(org.fi_ytunnus()), field_path(v.path, "fi_ytunnus"), v.out);
      break;
    case v1::OrgRef::kForeignId:
      // A bare foreign number is ambiguous without the registry's country.
      if (!org.has_country()) {
        v.out.report_violation(field_path(v.path, "country"), "orgref-foreign-country",
                               "a foreign organisation id needs the country of its registry");
      }
      break;
    case v1::OrgRef::ID_NOT_SET:
      break;
  }
  if (!names_an_org(org)) {
    v.out.report_violation(v.path, "orgref-empty", "an organisation needs an id or at least a name");
  }
}

// docs/MODEL.md, `Assertion`: who says so, how and when. Sources other than the participant name the
// organisation that stands behind the statement, so a reader can weigh it.
void check_assertion(const Visit& v) {
  using S = v1::Assertion;
  const auto& a = static_cast<const S&>(v.msg);
  if (a.source() == S::SOURCE_UNSPECIFIED) {
    v.out.report_violation(field_path(v.path, "source"), "assertion-source-required",
                           "say where the statement comes from (self-reported, observed, validated, …)");
  }
  if (!a.has_asserted_at()) {
    v.out.report_violation(field_path(v.path, "asserted_at"), "assertion-time-required",
                           "say when the statement was made");
  }
  const bool by_org = a.source() == S::PROFESSIONAL_OBSERVED || a.source() == S::VALIDATED ||
                      a.source() == S::CREDENTIAL || a.source() == S::REGISTER;
  if (by_org && !(a.has_asserted_by_org() && names_an_org(a.asserted_by_org()))) {
    v.out.report_violation(field_path(v.path, "asserted_by_org"), "assertion-org-required",
                           "a statement not made by the participant names the organisation behind it");
  }
  if ((a.source() == S::ASSESSED_INSTRUMENT || a.source() == S::VALIDATED) && !a.has_method()) {
    v.out.report_violation(field_path(v.path, "method"), "assertion-method-required",
                           "an instrument result or validation names its method");
  }
  if (a.source() == S::CREDENTIAL && a.evidence_document_ids().empty()) {
    v.out.report_violation(field_path(v.path, "evidence_document_ids"), "assertion-evidence-required",
                           "a statement copied from a credential names the document it comes from");
  }
}

// RFC 3339's range, which protobuf's JSON mapping also enforces; binary input is not checked by
// the parser.
void check_timestamp(const Visit& v) {
  const auto& t = static_cast<const google::protobuf::Timestamp&>(v.msg);
  constexpr int64_t kMinSeconds = -62135596800;  // 0001-01-01T00:00:00Z
  constexpr int64_t kMaxSeconds = 253402300799;  // 9999-12-31T23:59:59Z
  if (t.seconds() < kMinSeconds || t.seconds() > kMaxSeconds || t.nanos() < 0 ||
      t.nanos() > 999999999) {
    v.out.report_violation(v.path, "timestamp-range", "time is outside 0001-01-01 … 9999-12-31");
  }
}

}  // namespace kartla::model
