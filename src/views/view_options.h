/* SPDX-License-Identifier: Apache-2.0 */
// What a reader asks of a view: the language of labels and what it may include.
#pragma once

#include <string>

namespace kartla::views {

struct ViewOptions {
  // BCP 47 tag of the preferred language for instrument titles and labels ("sv", "fi", "en").
  std::string language = "en";
  // Progress only: also chart the scores of the work_ability section (special-category health
  // data), which are left out unless asked for, so a chart printed for a meeting does not carry
  // them by default.
  bool include_work_ability = false;
};

}  // namespace kartla::views
