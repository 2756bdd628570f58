/* SPDX-License-Identifier: Apache-2.0 */
// How the shared value types read to a person: coded values with their registry labels, dates,
// organisations and provenance. Used by every view so a Coding or an Assertion looks the same
// in the plan, the progress table and the record view.
#pragma once

#include <cstdint>
#include <string>
#include "i18n/messages.h"
#include "kartla/v1/types.pb.h"

namespace google::protobuf {
class Timestamp;
}

namespace kartla::views {

// "2024-09-16" (UTC) for Unix seconds; "" for 0 (unset).
std::string date_text(int64_t unix_seconds);
std::string date_text(const google::protobuf::Timestamp& t);
// "2025-03-01T09:00:00Z" (RFC 3339, UTC): a time in a view's structured result, as every time in
// JSON is; "" unset.
std::string utc_time_text(const google::protobuf::Timestamp& t);
std::string date_text(const v1::PartialDate& d);  // "2019-08", "2019-08-15", "2019"; "" unset
// "2019-08 – 2021-06", "since 2019-08", "until 2021-06"; "" when both ends are unset.
std::string period_text(const v1::Period& p, i18n::Language language = i18n::Language::en);

// "B1 threshold": a closed list's label in the reader's language (the code systems' labels are in
// the catalogue, context "code"); a country's name from iso-codes in that language ("Sverige");
// for an open list (SSYK, ISCO, ESCO, JobTech) the Coding's own display with the code after it,
// "Kock (5120)", since there the code is what a caseworker looks up (the field's label names the
// system); a language's display alone ("arabiska"); the code alone when nothing else is known.
// A code system's key (iso-639-3, kartla-method) is never shown: it is not a word.
std::string coding_text(const v1::Coding& c, i18n::Language language = i18n::Language::en);

// "Landskrona stad, Arbetsmarknadsförvaltningen (org. nr 2120001140)".
std::string org_text(const v1::OrgRef& org, i18n::Language language = i18n::Language::en);

// "validated by Filipstads kommun, Vuxenutbildningen (OCN-bedömare), OCN validation, 2022-05-20":
// who wrote a statement and how, said plainly, so a reader can tell the participant's own words
// from a validated or register fact at a glance.
std::string provenance_text(const v1::Assertion& a, i18n::Language language = i18n::Language::en);

}  // namespace kartla::views
