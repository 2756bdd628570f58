// SPDX-License-Identifier: Apache-2.0
// Uses the installed kartla.hpp: it must compile on its own against the installed kartla.h and
// turn a failing status into a typed kartla::error. Prints one line per check; exits 1 on a miss.
#include <kartla/kartla.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "expect.h"

using consumer::expect;

int main() {
  const auto names = kartla::section_names();
  expect(names.size() == kartla_section_count() && !names.empty(), "section_names lists every section");
  expect(std::find(names.begin(), names.end(), "profile") != names.end(), "profile is a section");

  try {
    kartla::verification::of_bytes("not a kartla file");
    expect(false, "garbage bytes are refused");
  } catch (const kartla::error& e) {
    expect(e.status() == KARTLA_E_FORMAT, "garbage bytes are refused with E_FORMAT");
    expect(std::string(e.status_name()) == "E_FORMAT" && e.what()[0] != '\0', "the error carries name and message");
  }

  // The installed header is the current one: share options of version 2 (the GDPR bases), and
  // the record's clock and special-category query in the C++ wrapper.
  kartla_record_share_options options;
  kartla_record_share_options_init(&options);
  expect(options.version == 2 && KARTLA_RECORD_SHARE_OPTIONS_VERSION == 3,
         "share options are version 2");
  expect(options.gdpr_art6_basis == nullptr && options.gdpr_art9_basis == nullptr,
         "share options start without GDPR bases (Art. 6(1)(a) by default)");
  void (kartla::record::*set_clock)(int64_t) = &kartla::record::set_clock;
  bool (kartla::record::*is_special)(const std::string&) const = &kartla::record::section_is_special;
  expect(set_clock != nullptr && is_special != nullptr, "record::set_clock and record::section_is_special exist");
  expect(kartla_record_set_clock(nullptr, 0) == KARTLA_E_INVALID_ARGUMENT, "kartla_record_set_clock refuses NULL");
  int special = 7;
  expect(kartla_record_section_is_special(nullptr, "work_ability", &special) == KARTLA_E_INVALID_ARGUMENT &&
             special == 0,
         "kartla_record_section_is_special refuses NULL and clears its output");
  return consumer::exit_code();
}
