/* SPDX-License-Identifier: Apache-2.0 */
// Section content for the vectors, written as raw protobuf fields so that the vectors do not move
// when the section schemas grow (field numbers are frozen; docs/MODEL.md). Every sample must pass
// the library's content validation (write_valid_section checks): entries carry a stable id and
// their provenance (an Assertion).
#pragma once

#include <cstdint>
#include <string>

#include "wire.h"

namespace kartla::vectors::sample {

// Assertion{source: SELF_REPORTED, asserted_at: {seconds}}: the participant's own statement.
inline std::string self_reported(int64_t at) {
  return wire::varint_field(1, 1) + wire::bytes_always(4, wire::varint_field(1, static_cast<uint64_t>(at)));
}

// Profile: given_name, family_name, assertion.
inline std::string profile(const std::string& given, const std::string& family, int64_t at) {
  return wire::bytes_field(2, given) + wire::bytes_field(3, family) + wire::bytes_always(12, self_reported(at));
}

// One Notes.entries element: id, text, category PARTICIPANT_OWN, assertion.
inline std::string note(const std::string& id, const std::string& text, int64_t at) {
  return wire::bytes_always(1, wire::bytes_field(1, id) + wire::bytes_field(2, text) + wire::varint_field(3, 4) +
                                   wire::bytes_always(6, self_reported(at)));
}

// One ActionPlan.involved element (docs/MODEL.md): id, agency {se_orgnr, name}, role, since, lead,
// one contact (a name, or a pseudonym when `pseudonymous`), assertion. Dates are {year, month, day}.
inline std::string involved_agency(const std::string& id, const std::string& orgnr, const std::string& name,
                                   const std::string& role, int year, int month, int day, bool lead,
                                   const std::string& contact, bool pseudonymous, int64_t at) {
  auto date = [](int y, int m, int d) {
    return wire::varint_field(1, static_cast<uint64_t>(y)) + wire::varint_field(2, static_cast<uint64_t>(m)) +
           wire::varint_field(3, static_cast<uint64_t>(d));
  };
  const std::string org = wire::bytes_field(1, orgnr) + wire::bytes_field(4, name);
  const std::string coded = wire::bytes_field(1, "kartla-agency-role") + wire::bytes_field(2, role);
  const std::string person = wire::bytes_field(pseudonymous ? 2 : 1, contact) + wire::bytes_always(3, date(year, month, day));
  return wire::bytes_always(9, wire::bytes_field(1, id) + wire::bytes_always(2, org) + wire::bytes_always(3, coded) +
                                   wire::bytes_always(4, date(year, month, day)) + wire::varint_field(5, lead ? 1 : 0) +
                                   wire::bytes_always(6, person) + wire::bytes_always(7, self_reported(at)));
}

// Coding: system, code, display.
inline std::string coding(const std::string& system, const std::string& code, const std::string& display) {
  return wire::bytes_field(1, system) + wire::bytes_field(2, code) + wire::bytes_field(4, display);
}

// One Languages.entries element: id, language, mother_tongue, assertion.
inline std::string mother_tongue(const std::string& id, const std::string& iso_639_1, const std::string& display,
                                 int64_t at) {
  const std::string language = coding("iso-639-1", iso_639_1, display);
  return wire::bytes_always(1, wire::bytes_field(1, id) + wire::bytes_always(2, language) + wire::varint_field(3, 1) +
                                   wire::bytes_always(11, self_reported(at)));
}

// One WorkAbility.entries element: id, observed_at, a needed adjustment, assertion.
inline std::string work_ability(const std::string& id, const std::string& adjustment, int64_t at) {
  return wire::bytes_always(1, wire::bytes_field(1, id) +
                                   wire::bytes_always(2, wire::varint_field(1, static_cast<uint64_t>(at))) +
                                   wire::bytes_field(8, adjustment) + wire::bytes_always(11, self_reported(at)));
}

}  // namespace kartla::vectors::sample
