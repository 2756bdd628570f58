// How the shared value types read to a person: coded values with their registry labels, dates,
// organisations and provenance. Used by every view so a Coding or an Assertion looks the same
// in the plan, the progress table and the record view.
#pragma once

#include <cstdint>
#include <string>
#include "kartla/v1/types.pb.h"

namespace google::protobuf {
class Timestamp;
}

namespace kartla::views {

// "2024-09-16" (UTC) for Unix seconds; "" for 0 (unset).
std::string date_text(int64_t unix_seconds);
std::string date_text(const google::protobuf::Timestamp& t);
std::string date_text(const v1::PartialDate& d);  // "2019-08", "2019-08-15", "2019"; "" unset
// "2019-08 – 2021-06", "since 2019-08", "until 2021-06"; "" when both ends are unset.
std::string period_text(const v1::Period& p);

// "B1 threshold (cefr B1)": the registry's label where the system is a closed list, else the
// Coding's own display, else the code alone; the system and code always follow, so nothing is
// hidden behind a label.
std::string coding_text(const v1::Coding& c);

// "Landskrona stad, Arbetsmarknadsförvaltningen (org. nr 2120001140)".
std::string org_text(const v1::OrgRef& org);

// "[validated by Filipstads kommun, Vuxenutbildningen (OCN-bedömare), OCN validation, 2022-05-20]":
// where a statement comes from, marked so a reader can tell a self-assessment from a validated
// or register fact at a glance.
std::string provenance_text(const v1::Assertion& a);

// "self-reported", "observed by a professional", ...
std::string source_text(int assertion_source);

}  // namespace kartla::views
